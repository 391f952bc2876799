import { useQuery } from '@tanstack/react-query';
import { api, ApiError, wsPath } from '../../../web/api';
import { defineMessages, useLocale, useT } from '../../../web/i18n';
import { DataTable, EmptyState, Heading, Loaded, Paragraph } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import { SCORE_KEYS, qm, type ScoreKey } from './QuestionnairePublicPage';

/** The effect monitor's figures (`GET …/youth-debt/effect-monitor`): means only, none for fewer than 5 questionnaires. */
interface Mean {
  mean: number | null;
  n: number | null;
  suppressed: boolean;
}
interface EffectMonitorView {
  minimumGroup: number;
  participants: number | null;
  respondents: {
    respondent: 'jongere' | 'begeleider';
    moments: { moment: number; questionnaires: number | null; domains: { domain: ScoreKey; score: Mean; changeSinceIntake: Mean | null }[] }[];
  }[];
}

const em = defineMessages(
  {
    'title': 'Effectmonitor: ontwikkeling van de cijfers',
    'intro':
      'Het gemiddelde cijfer (1 tot en met 10) per onderwerp bij de start en na 6, 12, 18 en 24 maanden, apart voor de jongeren en de begeleiders. Tussen haakjes: de gemiddelde verandering sinds de start bij dezelfde deelnemers. Een gemiddelde van minder dan {min} vragenlijsten staat er niet, zodat niemand herkenbaar is.',
    'participants': 'Deelnemers met minstens één ingevulde vragenlijst: {n}.',
    'participantsFew': 'Deelnemers met minstens één ingevulde vragenlijst: minder dan {min}.',
    'empty': 'Nog geen vragenlijsten',
    'emptyHelp': 'Zodra begeleiders en jongeren vragenlijsten invullen, ziet u hier hoe de cijfers zich ontwikkelen. De eigen jongerenbegeleider vult ze in, en maakt een privélink voor de jongere, op de pagina van een deelnemer.',
    'caption.jongere': 'Cijfers van de jongeren: gemiddelde per meetmoment (verandering sinds de start)',
    'caption.begeleider': 'Cijfers van de begeleiders: gemiddelde per meetmoment (verandering sinds de start)',
    'col.domain': 'Onderwerp',
    'col.start': 'Start',
    'col.months': '{months} mnd',
    'row.count': 'Aantal vragenlijsten',
    'few': 'te weinig',
    'none': '—',
  },
  {
    'title': 'Effect monitor: development of the scores',
    'intro':
      'The mean score (1 to 10) per topic at the start and after 6, 12, 18 and 24 months, separately for the young people and the coaches. In brackets: the mean change since the start for the same participants. A mean of fewer than {min} questionnaires is not shown, so that nobody can be recognised.',
    'participants': 'Participants with at least one questionnaire filled in: {n}.',
    'participantsFew': 'Participants with at least one questionnaire filled in: fewer than {min}.',
    'empty': 'No questionnaires yet',
    'emptyHelp': 'Once coaches and young people fill in questionnaires, you will see here how the scores develop. The participant’s own coach fills them in, and makes a private link for the young person, on a participant’s page.',
    'caption.jongere': 'Scores of the young people: mean per moment (change since the start)',
    'caption.begeleider': 'Scores of the coaches: mean per moment (change since the start)',
    'col.domain': 'Topic',
    'col.start': 'Start',
    'col.months': '{months} mo',
    'row.count': 'Number of questionnaires',
    'few': 'too few',
    'none': '—',
  },
);

/** The section on the dashboard: the score development of the workspace, as tables. */
export function EffectMonitor() {
  const t = useT(em);
  const qt = useT(qm);
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const query = useQuery({
    queryKey: ['w', workspace.slug, 'youth-debt', 'effect-monitor'],
    queryFn: () => api.get<EffectMonitorView>(wsPath(workspace.slug, 'youth-debt/effect-monitor')),
    retry: (count, error) => !(error instanceof ApiError && [400, 403, 404].includes(error.status)) && count < 2,
  });
  const one = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const cell = (score: Mean, change: Mean | null) => {
    if (score.suppressed) return t('few');
    if (score.mean === null) return t('none');
    return change && change.mean !== null ? `${one.format(score.mean)} (${signed.format(change.mean)})` : one.format(score.mean);
  };
  return (
    <>
      <Heading level={3}>{t('title')}</Heading>
      <Loaded
        query={query}
        isEmpty={(d) => d.participants === 0}
        empty={
          <EmptyState title={t('empty')}>
            <Paragraph>{t('emptyHelp')}</Paragraph>
          </EmptyState>
        }
      >
        {(d) => (
          <>
            <Paragraph>{t('intro', { min: d.minimumGroup })}</Paragraph>
            <Paragraph>{d.participants === null ? t('participantsFew', { min: d.minimumGroup }) : t('participants', { n: d.participants })}</Paragraph>
            {d.respondents.map((r) => {
              type Row = { key: ScoreKey | 'count' };
              const rows: Row[] = [...SCORE_KEYS.map((key) => ({ key })), { key: 'count' }];
              return (
                <DataTable
                  key={r.respondent}
                  caption={t(`caption.${r.respondent}`)}
                  rows={rows}
                  rowKey={(row) => row.key}
                  columns={[
                    { header: t('col.domain'), cell: (row) => (row.key === 'count' ? t('row.count') : qt(`short.${row.key}`)), rowHeader: true },
                    ...r.moments.map((mo) => ({
                      header: mo.moment === 0 ? t('col.start') : t('col.months', { months: mo.moment }),
                      numeric: true,
                      cell: (row: Row) => {
                        if (row.key === 'count') return mo.questionnaires === null ? t('few') : String(mo.questionnaires);
                        const domain = mo.domains.find((x) => x.domain === row.key)!;
                        return cell(domain.score, domain.changeSinceIntake);
                      },
                    })),
                  ]}
                />
              );
            })}
          </>
        )}
      </Loaded>
    </>
  );
}

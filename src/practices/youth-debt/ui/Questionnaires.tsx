import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, wsPath } from '../../../web/api';
import { defineMessages, useFormat, useT } from '../../../web/i18n';
import { refreshAfterWrite } from '../../../web/queries';
import { Alert, Button, DataList, DataTable, Form, Heading, Loaded, Paragraph, Section, SelectField, SubmitButton, TextField, focusSoon, useConfirmedAction, useFormSubmit, useNarrowScreen } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import { SCORE_KEYS, ScoreQuestions, missingScores, qm, scoreFields, type ScoreKey, type ScoreValues } from './QuestionnairePublicPage';
import './questionnaire.css';

/** The effect monitor on a participant's page (`GET …/participants/:id/questionnaires`). */
type State = 'ingevuld' | 'gepland' | 'open' | 'te_laat';
type Scores = Record<ScoreKey, number>;
interface Answer {
  state: State;
  filledAt: string | null;
  filledBy: { via: 'link' | 'lid'; name: string | null } | null;
  scores: Scores | null;
}
interface Link {
  id: string;
  moment: number;
  state: 'actief' | 'gebruikt' | 'verlopen' | 'ingetrokken';
  expiresAt: string;
  can: { revoke: boolean };
}
interface MomentView {
  moment: number;
  dueDate: string;
  opensOn: string;
  jongere: Answer;
  begeleider: Answer;
  activeLink: Link | null;
}
interface QuestionnairesView {
  scoresVisible: boolean;
  moments: MomentView[];
  development: { respondent: 'jongere' | 'begeleider'; moments: { moment: number; scores: Scores }[]; change: { until: number; scores: Scores } | null }[] | null;
  can: { fill: boolean; link: boolean };
}

const m = defineMessages(
  {
    'title': 'Vragenlijsten (effectmonitor)',
    'intro':
      'Bij de start en na 6, 12, 18 en 24 maanden geven de jongere en de begeleider elk een cijfer van 1 tot en met 10 voor school, werk, wonen, gezondheid, geld en schulden, het sociale netwerk en het welzijn. De jongere vult de eigen vragenlijst in via een privélink, ook op de telefoon. Een vragenlijst kan worden ingevuld vanaf twee weken voor de datum.',
    'hidden': 'De cijfers ziet alleen de eigen jongerenbegeleider en schuldhulpverlener van deze deelnemer. U ziet wel welke vragenlijsten zijn ingevuld.',
    'moments.caption': 'Meetmomenten met datum en wat er is ingevuld',
    'col.moment': 'Meetmoment',
    'col.due': 'Datum',
    'col.young': 'Jongere',
    'col.coach': 'Begeleider',
    'moment.0': 'Start (intake)',
    'moment.n': 'Na {months} maanden',
    'state.gepland': 'Nog niet aan de beurt',
    'state.open': 'Nu invullen',
    'state.te_laat': 'Te laat, nog niet ingevuld',
    'option.gepland': 'nog niet aan de beurt',
    'option.open': 'nu invullen',
    'option.te_laat': 'te laat',
    'option.ingevuld': 'ingevuld, verbeteren',
    'filled.link': 'Ingevuld op {date} via de privélink',
    'filled.member': 'Ingevuld op {date} door {name}',
    'linkActive': 'link verstuurd, werkt tot {date}',
    'fill.title': 'Vragenlijst van de begeleider invullen',
    'fill.moment': 'Meetmoment',
    'fill.none': 'Er is nu geen vragenlijst in te vullen: het eerstvolgende meetmoment is nog niet aan de beurt.',
    'fill.correct': 'Deze vragenlijst is al ingevuld. Wat u nu vastlegt, vervangt de cijfers.',
    'fill.allDone': 'De begeleider heeft elke vragenlijst ingevuld die aan de beurt is.',
    'fill.open': 'Een ingevulde vragenlijst verbeteren',
    'fill.submit': 'Vragenlijst vastleggen',
    'fill.saved': 'Vragenlijst van de begeleider ({moment}) vastgelegd.',
    'link.title': 'Privélink voor de jongere',
    'link.intro': 'Maak een link en stuur die naar de jongere, bijvoorbeeld per sms of WhatsApp. De jongere heeft geen account nodig. De link werkt 30 dagen en één keer; een nieuwe link voor hetzelfde meetmoment vervangt de vorige.',
    'link.moment': 'Meetmoment van de link',
    'link.none': 'Er is nu geen vragenlijst voor de jongere open: alles wat aan de beurt is, is ingevuld.',
    'link.make': 'Link maken',
    'link.made': 'Link gemaakt. Kopieer hem nu: u ziet hem maar één keer.',
    'link.field': 'Link voor de jongere ({moment})',
    'link.copy': 'Link kopiëren',
    'link.copied': 'Link gekopieerd.',
    'link.copyFailed': 'Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.',
    'link.active': 'Werkende links',
    'link.activeItem': '{moment}: werkt tot {date}.',
    'link.revoke': 'Intrekken',
    'link.revokeLabel': 'Link voor {moment} intrekken',
    'link.revokeTitle': 'Link intrekken?',
    'link.revokeBody': 'De link voor {moment} werkt daarna niet meer. Als de jongere de vragenlijst nog wil invullen, maakt u een nieuwe link.',
    'link.revoked': 'Link voor {moment} ingetrokken.',
    'dev.title': 'Ontwikkeling van de cijfers',
    'dev.none': 'Nog geen vragenlijsten ingevuld.',
    'dev.young': 'Cijfers van de jongere',
    'dev.coach': 'Cijfers van de begeleider',
    'dev.domain': 'Onderwerp',
    'dev.change': 'Verschil met de start',
    'dev.empty': 'Nog niet ingevuld.',
  },
  {
    'title': 'Questionnaires (effect monitor)',
    'intro':
      'At the start and after 6, 12, 18 and 24 months the young person and the coach each give a score from 1 to 10 for school, work, housing, health, money and debts, the social network and wellbeing. The young person fills in their own questionnaire through a private link, on a phone too. A questionnaire can be filled in from two weeks before its date.',
    'hidden': 'Only this participant’s own coach and debt counsellor see the scores. You do see which questionnaires have been filled in.',
    'moments.caption': 'Moments with their date and what has been filled in',
    'col.moment': 'Moment',
    'col.due': 'Date',
    'col.young': 'Young person',
    'col.coach': 'Coach',
    'moment.0': 'Start (intake)',
    'moment.n': 'After {months} months',
    'state.gepland': 'Not yet due',
    'state.open': 'To fill in now',
    'state.te_laat': 'Late, not filled in yet',
    'option.gepland': 'not yet due',
    'option.open': 'to fill in now',
    'option.te_laat': 'late',
    'option.ingevuld': 'filled in, correct it',
    'filled.link': 'Filled in on {date} through the private link',
    'filled.member': 'Filled in on {date} by {name}',
    'linkActive': 'link sent, works until {date}',
    'fill.title': 'Fill in the coach’s questionnaire',
    'fill.moment': 'Moment',
    'fill.none': 'There is no questionnaire to fill in now: the next moment is not due yet.',
    'fill.correct': 'This questionnaire has been filled in. What you record now replaces the scores.',
    'fill.allDone': 'The coach has filled in every questionnaire that is due.',
    'fill.open': 'Correct a questionnaire that was filled in',
    'fill.submit': 'Record questionnaire',
    'fill.saved': 'Coach’s questionnaire ({moment}) recorded.',
    'link.title': 'Private link for the young person',
    'link.intro': 'Make a link and send it to the young person, for example by text message or WhatsApp. The young person needs no account. The link works for 30 days and once; a new link for the same moment replaces the previous one.',
    'link.moment': 'Moment of the link',
    'link.none': 'No questionnaire is open for the young person now: everything that is due has been filled in.',
    'link.make': 'Make link',
    'link.made': 'Link made. Copy it now: you will see it only once.',
    'link.field': 'Link for the young person ({moment})',
    'link.copy': 'Copy link',
    'link.copied': 'Link copied.',
    'link.copyFailed': 'Copying did not work. Select the link and copy it yourself.',
    'link.active': 'Working links',
    'link.activeItem': '{moment}: works until {date}.',
    'link.revoke': 'Revoke',
    'link.revokeLabel': 'Revoke the link for {moment}',
    'link.revokeTitle': 'Revoke link?',
    'link.revokeBody': 'The link for {moment} will stop working. If the young person still wants to fill in the questionnaire, make a new link.',
    'link.revoked': 'Link for {moment} revoked.',
    'dev.title': 'Development of the scores',
    'dev.none': 'No questionnaires filled in yet.',
    'dev.young': 'Scores of the young person',
    'dev.coach': 'Scores of the coach',
    'dev.domain': 'Topic',
    'dev.change': 'Difference from the start',
    'dev.empty': 'Not filled in yet.',
  },
);

/** The section "Vragenlijsten" on a participant's page. */
export function Questionnaires({ participantId }: { participantId: string }) {
  const t = useT(m);
  const { workspace } = useWorkspace();
  const query = useQuery({
    queryKey: ['w', workspace.slug, 'youth-debt', 'questionnaires', participantId],
    queryFn: () => api.get<QuestionnairesView>(wsPath(workspace.slug, `youth-debt/participants/${participantId}/questionnaires`)),
    retry: (count, error) => !(error instanceof ApiError && [400, 403, 404].includes(error.status)) && count < 2,
  });
  return (
    <Section id="yd-questionnaires" title={t('title')}>
      <Paragraph>{t('intro')}</Paragraph>
      <Loaded query={query}>
        {(data) => (
          <>
            {!data.scoresVisible && <Paragraph>{t('hidden')}</Paragraph>}
            <MomentTable data={data} />
            {data.can.fill && <CoachForm participantId={participantId} data={data} />}
            {data.can.link && <LinkPanel participantId={participantId} data={data} />}
            {data.development && <Development data={data} />}
          </>
        )}
      </Loaded>
    </Section>
  );
}

function useMomentLabel() {
  const t = useT(m);
  return (moment: number) => (moment === 0 ? t('moment.0') : t('moment.n', { months: moment }));
}

function MomentTable({ data }: { data: QuestionnairesView }) {
  const t = useT(m);
  const f = useFormat();
  const narrow = useNarrowScreen();
  const label = useMomentLabel();
  const state = (a: Answer, link?: Link | null) => {
    if (a.filledAt) return a.filledBy?.via === 'link' ? t('filled.link', { date: f.date(a.filledAt) }) : t('filled.member', { date: f.date(a.filledAt), name: a.filledBy?.name ?? '?' });
    const text = t(`state.${a.state as Exclude<State, 'ingevuld'>}`);
    return link ? `${text}; ${t('linkActive', { date: f.date(link.expiresAt) })}` : text;
  };
  if (narrow)
    return (
      <ul className="dichter-cards">
        {data.moments.map((mo) => (
          <li key={mo.moment} className="dichter-card">
            <Heading level={3} appearance={4}>
              {label(mo.moment)}
            </Heading>
            <DataList
              items={[
                [t('col.due'), f.date(mo.dueDate)],
                [t('col.young'), state(mo.jongere, mo.activeLink)],
                [t('col.coach'), state(mo.begeleider)],
              ]}
            />
          </li>
        ))}
      </ul>
    );
  return (
    <DataTable
      caption={t('moments.caption')}
      rows={data.moments}
      rowKey={(mo) => String(mo.moment)}
      columns={[
        { header: t('col.moment'), cell: (mo) => label(mo.moment), rowHeader: true },
        { header: t('col.due'), cell: (mo) => f.date(mo.dueDate) },
        { header: t('col.young'), cell: (mo) => state(mo.jongere, mo.activeLink) },
        { header: t('col.coach'), cell: (mo) => state(mo.begeleider) },
      ]}
    />
  );
}

/** Moments that may be filled in now (open, late, or filled in and so correctable), newest first. */
const fillable = (data: QuestionnairesView, who: 'jongere' | 'begeleider') => data.moments.filter((mo) => mo[who].state !== 'gepland').reverse();

function CoachForm({ participantId, data }: { participantId: string; data: QuestionnairesView }) {
  const t = useT(m);
  const qt = useT(qm);
  const label = useMomentLabel();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const moments = fillable(data, 'begeleider');
  const first = moments.find((mo) => mo.begeleider.state !== 'ingevuld') ?? moments[0];
  // Only a moment that waits for the coach opens the form by itself; correcting one is a click away.
  const [shown, setShown] = useState(!!first && first.begeleider.state !== 'ingevuld');
  const [moment, setMoment] = useState(first ? String(first.moment) : '');
  const selected = data.moments.find((mo) => String(mo.moment) === moment);
  const [values, setValues] = useState<ScoreValues>(selected?.begeleider.scores ?? {});
  const [saved, setSaved] = useState('');
  const coachLabel = (k: ScoreKey) => (k === 'welzijn' || k === 'sociaalNetwerk' ? qt(`coachDomain.${k}`) : qt(`domain.${k}`));
  const form = useFormSubmit({
    fields: { moment: { id: 'yd-qc-moment', label: t('fill.moment') }, ...scoreFields('yd-qc', coachLabel) },
    send: () => {
      const missing = missingScores(values, qt('need'));
      if (missing.length) return Promise.reject(new ApiError(400, 'request.invalid', qt('summary'), missing));
      return api.put<QuestionnairesView>(wsPath(workspace.slug, `youth-debt/participants/${participantId}/questionnaires`), { moment: Number(moment), scores: values });
    },
    onSaved: async () => {
      setSaved(t('fill.saved', { moment: label(Number(moment)) }));
      await refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt'] });
    },
  });
  return (
    <>
      <Heading level={3}>{t('fill.title')}</Heading>
      <p className="nl-paragraph" role="status">
        {saved}
      </p>
      {!first ? (
        <Paragraph>{t('fill.none')}</Paragraph>
      ) : !shown ? (
        <>
          <Paragraph>{t('fill.allDone')}</Paragraph>
          <Button
            onClick={() => {
              setShown(true);
              focusSoon('yd-qc-moment');
            }}
          >
            {t('fill.open')}
          </Button>
        </>
      ) : (
        <Form form={form}>
          <SelectField
            id="yd-qc-moment"
            label={t('fill.moment')}
            value={moment}
            options={moments.map((mo) => ({ value: String(mo.moment), label: `${label(mo.moment)} (${t(`option.${mo.begeleider.state}`)})` }))}
            onChange={(e) => {
              setMoment(e.target.value);
              setValues(data.moments.find((mo) => String(mo.moment) === e.target.value)?.begeleider.scores ?? {});
              setSaved('');
            }}
          />
          {selected?.begeleider.state === 'ingevuld' && <Paragraph>{t('fill.correct')}</Paragraph>}
          <ScoreQuestions idPrefix="yd-qc" values={values} onChange={(k, n) => setValues((old) => ({ ...old, [k]: n }))} label={coachLabel} error={form.fieldError} />
          <SubmitButton busy={form.busy}>{t('fill.submit')}</SubmitButton>
        </Form>
      )}
    </>
  );
}

function LinkPanel({ participantId, data }: { participantId: string; data: QuestionnairesView }) {
  const t = useT(m);
  const f = useFormat();
  const label = useMomentLabel();
  const { workspace } = useWorkspace();
  const client = useQueryClient();
  const open = fillable(data, 'jongere').filter((mo) => mo.jongere.state !== 'ingevuld');
  const [moment, setMoment] = useState(open[0] ? String(open[0].moment) : '');
  const [made, setMade] = useState<{ url: string; moment: number } | null>(null);
  const [status, setStatus] = useState('');
  const refresh = () => refreshAfterWrite(client, { queryKey: ['w', workspace.slug, 'youth-debt', 'questionnaires', participantId] });
  const form = useFormSubmit({
    fields: { moment: { id: 'yd-ql-moment', label: t('link.moment') } },
    send: () => api.post<{ path: string; moment: number }>(wsPath(workspace.slug, `youth-debt/participants/${participantId}/questionnaire-links`), { moment: Number(moment || open[0]?.moment) }),
    onSaved: async (link) => {
      setMade({ url: `${window.location.origin}${link.path}`, moment: link.moment });
      setStatus(t('link.made'));
      await refresh();
      focusSoon('yd-ql-url');
    },
  });
  const revoke = useConfirmedAction<Link>({
    action: (link) => api.post(wsPath(workspace.slug, `youth-debt/participants/${participantId}/questionnaire-links/${link.id}/revoke`)),
    onDone: async (link) => {
      setStatus(t('link.revoked', { moment: label(link.moment) }));
      if (made?.moment === link.moment) setMade(null);
      await refresh();
    },
  });
  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.url);
      setStatus(t('link.copied'));
    } catch {
      setStatus(t('link.copyFailed'));
    }
  };
  const active = data.moments.flatMap((mo) => (mo.activeLink ? [mo.activeLink] : []));
  return (
    <>
      <Heading level={3}>{t('link.title')}</Heading>
      <Paragraph>{t('link.intro')}</Paragraph>
      <p className="nl-paragraph" role="status">
        {status}
      </p>
      {made && (
        <Alert type="ok">
          <div className="yd-link-box">
            <TextField id="yd-ql-url" label={t('link.field', { moment: label(made.moment) })} readOnly value={made.url} onFocus={(e) => e.currentTarget.select()} />
            <Button onClick={copy}>{t('link.copy')}</Button>
          </div>
        </Alert>
      )}
      {open.length === 0 ? (
        <Paragraph>{t('link.none')}</Paragraph>
      ) : (
        <Form form={form}>
          <SelectField id="yd-ql-moment" label={t('link.moment')} value={moment} options={open.map((mo) => ({ value: String(mo.moment), label: label(mo.moment) }))} onChange={(e) => setMoment(e.target.value)} error={form.fieldError('moment')} />
          <SubmitButton busy={form.busy}>{t('link.make')}</SubmitButton>
        </Form>
      )}
      {active.length > 0 && (
        <>
          <Heading level={4}>{t('link.active')}</Heading>
          <ul className="utrecht-unordered-list">
            {active.map((link) => (
              <li key={link.id} className="utrecht-unordered-list__item">
                {t('link.activeItem', { moment: label(link.moment), date: f.date(link.expiresAt) })}{' '}
                {link.can.revoke && (
                  <Button appearance="subtle" aria-label={t('link.revokeLabel', { moment: label(link.moment) })} onClick={() => revoke.ask(link)}>
                    {t('link.revoke')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {revoke.dialog((link) => ({ title: t('link.revokeTitle'), body: t('link.revokeBody', { moment: label(link.moment) }), confirmLabel: t('link.revoke') }))}
        </>
      )}
    </>
  );
}

function Development({ data }: { data: QuestionnairesView }) {
  const t = useT(m);
  const qt = useT(qm);
  const f = useFormat();
  const label = useMomentLabel();
  const signed = (n: number) => (n > 0 ? `+${f.number(n)}` : f.number(n));
  return (
    <>
      <Heading level={3}>{t('dev.title')}</Heading>
      {data.development!.every((d) => d.moments.length === 0) ? (
        <Paragraph>{t('dev.none')}</Paragraph>
      ) : (
        data.development!.map((d) => (
          <div key={d.respondent}>
            <Heading level={4}>{d.respondent === 'jongere' ? t('dev.young') : t('dev.coach')}</Heading>
            {d.moments.length === 0 ? (
              <Paragraph>{t('dev.empty')}</Paragraph>
            ) : (
              <DataTable
                caption={d.respondent === 'jongere' ? t('dev.young') : t('dev.coach')}
                captionHidden
                rows={SCORE_KEYS}
                rowKey={(k) => k}
                columns={[
                  { header: t('dev.domain'), cell: (k) => qt(`short.${k}`), rowHeader: true },
                  ...d.moments.map((mo) => ({ header: label(mo.moment), cell: (k: ScoreKey) => f.number(mo.scores[k]), numeric: true })),
                  d.change && { header: t('dev.change'), cell: (k: ScoreKey) => signed(d.change!.scores[k]), numeric: true },
                ]}
              />
            )}
          </div>
        ))
      )}
    </>
  );
}


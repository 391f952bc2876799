import { useQuery } from '@tanstack/react-query';
import { api, ApiError, wsPath } from '../../../web/api';
import { defineMessages, useFormat, useLocale, useT } from '../../../web/i18n';
import { DataTable, EmptyState, Heading, Loaded, Paragraph } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import { m as pageMessages } from './messages';
import { EffectMonitor } from './EffectMonitor';
import { formatEuros } from './money';
import { PlanSummary } from './PlanSection';

/** The dashboard's figures (`GET …/youth-debt/dashboard`): aggregates only, no names or numbers. */
type Status = 'aanmelding' | 'intake' | 'actief' | 'afgerond' | 'uitgevallen';
type DebtStatus = 'open' | 'voorgesteld' | 'akkoord' | 'geweigerd' | 'geregeld';
interface DashboardView {
  participants: number;
  byStatus: { status: Status; participants: number }[];
  leavingReasons: { reason: string; participants: number }[];
  debts: { status: DebtStatus; kind: 'concurrent' | 'preferent'; debts: number; amountCents: number; participants: number }[];
  debtTotals: { debts: number; totalCents: number; participantsWithDebts: number; medianCents: number | null };
  newPerQuarter: { quarter: string; participants: number }[];
  ageAtStart: { band: string; participants: number }[];
  coachLoad: { band: string; coaches: number; participants: number }[];
  runningWithoutCoach: number;
}

const dm = defineMessages(
  {
    'intro': 'De aanpak in cijfers, zonder namen of deelnemersnummers. Elke grafiek staat ook als tabel op de pagina.',
    'summary': '{participants} deelnemers. Samen {debts} schulden van in totaal {total}; de mediane schuld per deelnemer met schulden is {median}.',
    'empty': 'Nog geen cijfers',
    'emptyHelp': 'Zodra er deelnemers zijn aangemeld, ziet u hier hoeveel er in elke fase zitten, hoeveel schuld er is en hoe het met de begeleiding gaat. Een beheerder, programmamanager, professional of partner kan deelnemers aanmelden onder Deelnemers.',
    'status.title': 'Deelnemers naar status',
    'status.chart': 'Deelnemers naar status: {list}.',
    'reasons.title': 'Redenen van uitval',
    'reasons.none': 'Er is nog niemand uitgevallen.',
    'reasons.caption': 'Uitgevallen deelnemers naar reden',
    'debts.title': 'Schulden naar status en soort schuldeiser',
    'debts.caption': 'Aantal schulden en bedrag per status, voor concurrente en preferente schuldeisers',
    'quarter.title': 'Nieuwe deelnemers per kwartaal',
    'quarter.chart': 'Nieuwe deelnemers per kwartaal (startdatum): {list}.',
    'age.title': 'Leeftijd bij de start',
    'age.chart': 'Deelnemers naar leeftijd bij de start: {list}.',
    'load.title': 'Begeleiders naar aantal lopende deelnemers',
    'load.caption': 'Hoeveel jongerenbegeleiders hoeveel lopende deelnemers (aanmelding, intake, actief) begeleiden',
    'load.withoutCoach': 'Lopende deelnemers zonder jongerenbegeleider: {n}.',
    'col.status': 'Status',
    'col.participants': 'Deelnemers',
    'col.reason': 'Reden',
    'col.concurrentCount': 'Concurrent: aantal',
    'col.concurrentAmount': 'Concurrent: bedrag',
    'col.preferentCount': 'Preferent: aantal',
    'col.preferentAmount': 'Preferent: bedrag',
    'col.quarter': 'Kwartaal',
    'col.age': 'Leeftijd',
    'col.load': 'Lopende deelnemers per begeleider',
    'col.coaches': 'Begeleiders',
    'age.jonger': 'jonger dan 18',
    'age.ouder': 'ouder dan 27',
    'age.band': '{band} jaar',
    'debt.open': 'open',
    'debt.voorgesteld': 'voorgesteld',
    'debt.akkoord': 'akkoord',
    'debt.geweigerd': 'geweigerd',
    'debt.geregeld': 'geregeld',
    'none': '—',
  },
  {
    'intro': 'The approach in figures, without names or participant numbers. Every chart is also on the page as a table.',
    'summary': '{participants} participants. Together {debts} debts totalling {total}; the median debt per participant with debts is {median}.',
    'empty': 'No figures yet',
    'emptyHelp': 'Once participants are registered, you will see here how many are in each stage, how much debt there is and how coaching is going. An administrator, programme manager, professional or partner can register participants under Participants.',
    'status.title': 'Participants by status',
    'status.chart': 'Participants by status: {list}.',
    'reasons.title': 'Reasons for leaving',
    'reasons.none': 'Nobody has dropped out yet.',
    'reasons.caption': 'Participants who dropped out, by reason',
    'debts.title': 'Debts by status and kind of creditor',
    'debts.caption': 'Number of debts and amount per status, for concurrent and preferential creditors',
    'quarter.title': 'New participants per quarter',
    'quarter.chart': 'New participants per quarter (start date): {list}.',
    'age.title': 'Age at the start',
    'age.chart': 'Participants by age at the start: {list}.',
    'load.title': 'Coaches by number of running participants',
    'load.caption': 'How many coaches coach how many running participants (registered, intake, active)',
    'load.withoutCoach': 'Running participants without a coach: {n}.',
    'col.status': 'Status',
    'col.participants': 'Participants',
    'col.reason': 'Reason',
    'col.concurrentCount': 'Concurrent: number',
    'col.concurrentAmount': 'Concurrent: amount',
    'col.preferentCount': 'Preferential: number',
    'col.preferentAmount': 'Preferential: amount',
    'col.quarter': 'Quarter',
    'col.age': 'Age',
    'col.load': 'Running participants per coach',
    'col.coaches': 'Coaches',
    'age.jonger': 'under 18',
    'age.ouder': 'over 27',
    'age.band': '{band} years',
    'debt.open': 'open',
    'debt.voorgesteld': 'proposed',
    'debt.akkoord': 'accepted',
    'debt.geweigerd': 'refused',
    'debt.geregeld': 'settled',
    'none': '—',
  },
);

/** Horizontal bars drawn in SVG; the table next to it carries the same figures. */
function Bars({ id, rows, summary }: { id: string; rows: { label: string; value: number }[]; summary: string }) {
  const f = useFormat();
  const max = Math.max(1, ...rows.map((r) => r.value));
  const labelWidth = 150;
  const barArea = 360;
  const rowHeight = 28;
  const height = rows.length * rowHeight + 8;
  return (
    <figure className="yd-chart">
      <svg viewBox={`0 0 ${labelWidth + barArea + 60} ${height}`} role="img" aria-labelledby={`${id}-caption`}>
        {rows.map((r, i) => {
          const y = 4 + i * rowHeight;
          const width = r.value > 0 ? Math.max(2, (r.value / max) * barArea) : 0;
          return (
            <g key={r.label}>
              <text className="yd-chart__label" x={labelWidth - 8} y={y + rowHeight / 2} textAnchor="end" dominantBaseline="middle">
                {r.label}
              </text>
              <rect className="yd-chart__bar" x={labelWidth} y={y + 4} width={width} height={rowHeight - 10} />
              <text className="yd-chart__value" x={labelWidth + width + 6} y={y + rowHeight / 2} dominantBaseline="middle">
                {f.number(r.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id={`${id}-caption`}>{summary}</figcaption>
    </figure>
  );
}

/** The section "Dashboard" on the module's start page, for every member. */
export function Dashboard() {
  const t = useT(dm);
  const pt = useT(pageMessages);
  const f = useFormat();
  const { locale } = useLocale();
  const { workspace } = useWorkspace();
  const query = useQuery({
    queryKey: ['w', workspace.slug, 'youth-debt', 'dashboard'],
    queryFn: () => api.get<DashboardView>(wsPath(workspace.slug, 'youth-debt/dashboard')),
    retry: (count, error) => !(error instanceof ApiError && [400, 403, 404].includes(error.status)) && count < 2,
  });
  const list = (rows: { label: string; value: number }[]) => rows.map((r) => `${r.label} ${f.number(r.value)}`).join(', ');
  const ageLabel = (band: string) => (band === 'jonger' || band === 'ouder' ? t(`age.${band}`) : t('age.band', { band: band.replace('-', '–') }));
  return (
    <Loaded
      query={query}
      isEmpty={(d) => d.participants === 0}
      empty={
        <EmptyState title={t('empty')}>
          <Paragraph>{t('emptyHelp')}</Paragraph>
        </EmptyState>
      }
    >
      {(d) => {
        const status = d.byStatus.map((s) => ({ label: pt(`status.${s.status}`), value: s.participants }));
        const quarters = d.newPerQuarter.map((q) => ({ label: q.quarter, value: q.participants }));
        const ages = d.ageAtStart.filter((a) => a.participants > 0 || (a.band !== 'jonger' && a.band !== 'ouder')).map((a) => ({ label: ageLabel(a.band), value: a.participants }));
        const debtStatuses = [...new Set(d.debts.map((g) => g.status))];
        const group = (status: DebtStatus, kind: string) => d.debts.find((g) => g.status === status && g.kind === kind)!;
        return (
          <>
            <Paragraph>{t('intro')}</Paragraph>
            <Paragraph>
              {t('summary', {
                participants: f.number(d.participants),
                debts: f.number(d.debtTotals.debts),
                total: formatEuros(d.debtTotals.totalCents, locale),
                median: d.debtTotals.medianCents === null ? t('none') : formatEuros(d.debtTotals.medianCents, locale),
              })}
            </Paragraph>

            <Heading level={3}>{t('status.title')}</Heading>
            <Bars id="yd-dash-status" rows={status} summary={t('status.chart', { list: list(status) })} />
            <DataTable
              caption={t('status.title')}
              captionHidden
              rows={status}
              rowKey={(r) => r.label}
              columns={[
                { header: t('col.status'), cell: (r) => r.label, rowHeader: true },
                { header: t('col.participants'), cell: (r) => f.number(r.value), numeric: true },
              ]}
            />

            <Heading level={3}>{t('reasons.title')}</Heading>
            {d.leavingReasons.length ? (
              <DataTable
                caption={t('reasons.caption')}
                captionHidden
                rows={d.leavingReasons}
                rowKey={(r) => r.reason}
                columns={[
                  { header: t('col.reason'), cell: (r) => r.reason || t('none'), rowHeader: true },
                  { header: t('col.participants'), cell: (r) => f.number(r.participants), numeric: true },
                ]}
              />
            ) : (
              <Paragraph>{t('reasons.none')}</Paragraph>
            )}

            <Heading level={3}>{t('debts.title')}</Heading>
            <DataTable
              caption={t('debts.caption')}
              captionHidden
              rows={debtStatuses}
              rowKey={(s) => s}
              columns={[
                { header: t('col.status'), cell: (s) => t(`debt.${s}`), rowHeader: true },
                { header: t('col.concurrentCount'), cell: (s) => f.number(group(s, 'concurrent').debts), numeric: true },
                { header: t('col.concurrentAmount'), cell: (s) => formatEuros(group(s, 'concurrent').amountCents, locale), numeric: true },
                { header: t('col.preferentCount'), cell: (s) => f.number(group(s, 'preferent').debts), numeric: true },
                { header: t('col.preferentAmount'), cell: (s) => formatEuros(group(s, 'preferent').amountCents, locale), numeric: true },
              ]}
            />

            <Heading level={3}>{t('quarter.title')}</Heading>
            <Bars id="yd-dash-quarter" rows={quarters} summary={t('quarter.chart', { list: list(quarters) })} />
            <DataTable
              caption={t('quarter.title')}
              captionHidden
              rows={quarters}
              rowKey={(r) => r.label}
              columns={[
                { header: t('col.quarter'), cell: (r) => r.label, rowHeader: true },
                { header: t('col.participants'), cell: (r) => f.number(r.value), numeric: true },
              ]}
            />

            <Heading level={3}>{t('age.title')}</Heading>
            <Bars id="yd-dash-age" rows={ages} summary={t('age.chart', { list: list(ages) })} />
            <DataTable
              caption={t('age.title')}
              captionHidden
              rows={ages}
              rowKey={(r) => r.label}
              columns={[
                { header: t('col.age'), cell: (r) => r.label, rowHeader: true },
                { header: t('col.participants'), cell: (r) => f.number(r.value), numeric: true },
              ]}
            />

            <Heading level={3}>{t('load.title')}</Heading>
            <DataTable
              caption={t('load.caption')}
              captionHidden
              rows={d.coachLoad}
              rowKey={(r) => r.band}
              columns={[
                { header: t('col.load'), cell: (r) => r.band.replace('-', '–'), rowHeader: true },
                { header: t('col.coaches'), cell: (r) => f.number(r.coaches), numeric: true },
                { header: t('col.participants'), cell: (r) => f.number(r.participants), numeric: true },
              ]}
            />
            <Paragraph>{t('load.withoutCoach', { n: f.number(d.runningWithoutCoach) })}</Paragraph>
            <PlanSummary />
            <EffectMonitor />
          </>
        );
      }}
    </Loaded>
  );
}

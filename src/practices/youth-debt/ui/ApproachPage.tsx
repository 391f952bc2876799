import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../../web/api';
import { defineMessages, useFormat, useLocale, useT } from '../../../web/i18n';
import { DataTable, EmptyState, Heading, Loaded, PageHeading, Paragraph } from '../../../web/ui';
import { m as pageMessages } from './messages';
import { formatEuros } from './money';

/** `GET /api/youth-debt/approach`: per workspace and in total, every figure protected against small numbers. */
type Cell = { value: number | null; suppressed: boolean };
const STATUSES = ['aanmelding', 'intake', 'actief', 'afgerond', 'uitgevallen'] as const;
interface Figures {
  participants: Cell;
  byStatus: { status: (typeof STATUSES)[number]; participants: Cell }[];
  debtTotals: { debts: Cell; totalCents: Cell; medianCents: Cell };
}
interface ApproachView {
  minimumGroup: number;
  items: (Figures & { workspaceId: string; workspaceSlug: string; workspaceName: string })[];
  total: Figures;
}
type Row = Figures & { id: string; name: string };

const am = defineMessages(
  {
    'title': 'Schuldenaanpak jongeren in het hele land',
    'intro': 'De cijfers van elke werkruimte die de aanpak uitvoert, naast elkaar en opgeteld: voor de stichting die de aanpak verspreidt en de beheerders van deze installatie. Zonder namen, deelnemersnummers of redenen van uitval.',
    'protection': 'Een cijfer over een groep van minder dan {n} deelnemers tonen we niet (‘verborgen’), en ook geen cijfer waarmee zo’n groep uit de totalen terug te rekenen is.',
    'empty': 'Nog geen werkruimte voert de aanpak uit',
    'emptyHelp': 'Zodra een werkruimte deelnemers aanmeldt, staat ze hier met haar cijfers.',
    'status.title': 'Deelnemers naar status',
    'status.caption': 'Deelnemers per werkruimte naar status, en opgeteld',
    'debts.title': 'Schulden',
    'debts.caption': 'Schulden per werkruimte: aantal, totaal en de mediane schuld per deelnemer met schulden',
    'col.workspace': 'Werkruimte',
    'col.total': 'Totaal',
    'col.debts': 'Schulden',
    'col.amount': 'Totale schuld',
    'col.median': 'Mediane schuld',
    'row.total': 'Alle werkruimtes samen',
    'hidden': 'verborgen',
    'forbidden': 'Alleen beheerders van de installatie zien de aanpak in het hele land. Vraag een beheerder als u deze cijfers nodig hebt.',
  },
  {
    'title': 'Youth debt approach across the country',
    'intro': 'The figures of every workspace that runs the approach, side by side and added up: for the foundation that spreads the approach and the administrators of this installation. Without names, participant numbers or reasons for leaving.',
    'protection': 'A figure about a group of fewer than {n} participants is not shown (‘hidden’), nor one from which such a group could be recomputed from the totals.',
    'empty': 'No workspace runs the approach yet',
    'emptyHelp': 'As soon as a workspace registers participants, it appears here with its figures.',
    'status.title': 'Participants by status',
    'status.caption': 'Participants per workspace by status, and added up',
    'debts.title': 'Debts',
    'debts.caption': 'Debts per workspace: number, total and the median debt per participant with debts',
    'col.workspace': 'Workspace',
    'col.total': 'Total',
    'col.debts': 'Debts',
    'col.amount': 'Total debt',
    'col.median': 'Median debt',
    'row.total': 'All workspaces together',
    'hidden': 'hidden',
    'forbidden': 'Only administrators of the installation see the approach across the country. Ask an administrator if you need these figures.',
  },
);

/** `/aanpak/schuldenaanpak`: the approach-wide view for the foundation (administrators of the installation). */
export default function ApproachPage() {
  const t = useT(am);
  const st = useT(pageMessages);
  const f = useFormat();
  const query = useQuery({ queryKey: ['youth-debt', 'approach'], queryFn: () => api.get<ApproachView>('/api/youth-debt/approach'), retry: false });
  const show = (c: Cell, format: (v: number) => string = f.number) => (c.suppressed || c.value === null ? <span className="dichter-small">{t('hidden')}</span> : format(c.value));
  const { locale } = useLocale();
  const euros = (v: number) => formatEuros(v, locale);
  const forbidden = query.error instanceof ApiError && query.error.status === 403;
  return (
    <>
      <PageHeading title={t('title')} />
      <Paragraph lead>{t('intro')}</Paragraph>
      {forbidden ? (
        <Paragraph>{t('forbidden')}</Paragraph>
      ) : (
        <Loaded query={query}>
          {(view) => {
            if (view.items.length === 0)
              return (
                <EmptyState title={t('empty')}>
                  <Paragraph>{t('emptyHelp')}</Paragraph>
                </EmptyState>
              );
            const rows: Row[] = [...view.items.map((w) => ({ ...w, id: w.workspaceId, name: w.workspaceName })), { ...view.total, id: 'total', name: t('row.total') }];
            return (
              <>
                <Paragraph>{t('protection', { n: view.minimumGroup })}</Paragraph>
                <Heading level={2}>{t('status.title')}</Heading>
                <DataTable
                  caption={t('status.caption')}
                  rows={rows}
                  rowKey={(r) => r.id}
                  columns={[
                    { header: t('col.workspace'), cell: (r) => r.name, rowHeader: true },
                    ...STATUSES.map((s) => ({ header: st(`status.${s}`), cell: (r: Row) => show(r.byStatus.find((x) => x.status === s)!.participants), numeric: true })),
                    { header: t('col.total'), cell: (r) => show(r.participants), numeric: true },
                  ]}
                />
                <Heading level={2}>{t('debts.title')}</Heading>
                <DataTable
                  caption={t('debts.caption')}
                  rows={rows}
                  rowKey={(r) => r.id}
                  columns={[
                    { header: t('col.workspace'), cell: (r) => r.name, rowHeader: true },
                    { header: t('col.debts'), cell: (r) => show(r.debtTotals.debts), numeric: true },
                    { header: t('col.amount'), cell: (r) => show(r.debtTotals.totalCents, euros), numeric: true },
                    { header: t('col.median'), cell: (r) => show(r.debtTotals.medianCents, euros), numeric: true },
                  ]}
                />
              </>
            );
          }}
        </Loaded>
      )}
    </>
  );
}

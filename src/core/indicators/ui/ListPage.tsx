import { useLocale, useT } from '../../../web/i18n';
import { ButtonGroup, ButtonLink, DataTable, EmptyState, Link, Loaded, PageHeading, Paragraph, Section } from '../../../web/ui';
import { usePagePath } from '../../../web/workspace';
import { m } from './messages';
import { ATTENTION_METHOD } from '../analysis';
import { tidy, unitAfter, useAttention, useIndicators, useLabels, useNumber, usePeriodLabel, type AttentionView, type IndicatorView } from './shared';
import './indicators.css';

/** A badge for a composition-sensitive indicator: words with a border, never colour alone. */
export function CompositionBadge() {
  const t = useT(m);
  return <span className="dichter-badge indicators-badge--warning">{t('badge.composition')}</span>;
}

/** The periods in short: "2019, 2024" or "2015 – 2024 (10)". */
function usePeriodsText() {
  const t = useT(m);
  const label = usePeriodLabel();
  return (periods: string[]) => {
    if (periods.length === 0) return t('list.noPeriods');
    if (periods.length <= 3) return periods.map(label).join(', ');
    return t('list.periodRange', { first: label(periods[0]!), last: label(periods[periods.length - 1]!), count: periods.length });
  };
}

/** The attention rows shown at once; the rest are counted. */
const SIGNALS_SHOWN = 50;

/** Where attention is needed, and where all signals are green: areas clearly better or worse than their peers, per indicator. */
function AttentionSection({ data }: { data: AttentionView }) {
  const t = useT(m);
  const page = usePagePath();
  const num = useNumber();
  const labels = useLabels();
  const periodLabel = usePeriodLabel();
  const { locale } = useLocale();
  const { counts } = data;
  const compared = counts.better + counts.expected + counts.worse;
  const rows = [...data.items].sort((a, b) => (a.attention === b.attention ? a.indicator.name.localeCompare(b.indicator.name) || a.area.name.localeCompare(b.area.name) : a.attention === 'worse' ? -1 : 1));
  return (
    <Section id="indicators-attention" title={t('attention.title')}>
      <Paragraph>
        {compared === 0
          ? t('attention.nothingCompared')
          : counts.worse === 0
            ? t('attention.allGreen', { compared: num(compared, { digits: 0 }), better: num(counts.better, { digits: 0 }) })
            : t('attention.counts', { compared: num(compared, { digits: 0 }), worse: num(counts.worse, { digits: 0 }), better: num(counts.better, { digits: 0 }), expected: num(counts.expected, { digits: 0 }) })}
      </Paragraph>
      {rows.length > 0 && (
        <>
          <DataTable
            caption={t('attention.caption')}
            rows={rows.slice(0, SIGNALS_SHOWN)}
            rowKey={(r) => `${r.indicator.code}-${r.area.code}-${r.period}`}
            columns={[
              { header: t('col.signal'), cell: (r) => <span className={`dichter-badge indicators-badge--${r.attention}`}><span aria-hidden="true">{r.attention === 'better' ? '▲ ' : '▼ '}</span>{labels.attention(r.attention)}</span> },
              {
                header: t('col.area'),
                rowHeader: true,
                cell: (r) => (
                  <Link to={page(`indicatoren/${encodeURIComponent(r.indicator.code)}?${new URLSearchParams({ gebied: r.area.code, periode: r.period })}`)}>
                    {t('attention.rowLink', { area: r.area.name, indicator: r.indicator.name })}
                  </Link>
                ),
              },
              { header: t('col.period'), cell: (r) => periodLabel(r.period) },
              { header: t('col.value'), numeric: true, cell: (r) => tidy(`${num(r.value)} ${unitAfter(r.indicator.unit)}`) },
              { header: t('comparison.reference'), numeric: true, cell: (r) => tidy(`${num(r.reference)} ${unitAfter(r.indicator.unit)}`) },
            ]}
          />
          {rows.length > SIGNALS_SHOWN && <Paragraph small>{t('attention.more', { count: rows.length - SIGNALS_SHOWN })}</Paragraph>}
        </>
      )}
      <details className="indicators-details">
        <summary>{t('comparison.methodTitle')}</summary>
        <Paragraph>{ATTENTION_METHOD[locale]}</Paragraph>
      </details>
    </Section>
  );
}

/** The indicators of the workspace: what each measures, its unit and direction, where the figures come from and which periods are known. */
export default function ListPage() {
  const t = useT(m);
  const page = usePagePath();
  const labels = useLabels();
  const num = useNumber();
  const periods = usePeriodsText();
  const query = useIndicators();
  const canImport = !!query.data?.can.import;
  const attention = useAttention(!!query.data && query.data.items.some((i) => i.measurementCount > 0));
  return (
    <>
      <PageHeading title={t('list.title')} />
      <Paragraph lead>{t('list.intro')}</Paragraph>
      {canImport && (
        <ButtonGroup>
          <ButtonLink to={page('indicatoren/importeren')}>{t('list.import')}</ButtonLink>
        </ButtonGroup>
      )}
      <Loaded
        query={query}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState title={t('list.emptyTitle')}>
            <Paragraph>{t('list.emptyText')}</Paragraph>
            <Paragraph>{t('list.emptyCli')}</Paragraph>
            <pre className="dichter-pre">npx dichter import indicators --workspace &lt;werkruimte&gt; --mapping auto Kerncijfers_wijken_en_buurten_2019.csv</pre>
            {canImport && (
              <Paragraph>
                <Link to={page('indicatoren/importeren')}>{t('list.import')}</Link>
              </Paragraph>
            )}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            {data.items.some((i) => i.compositionSensitive) && <Paragraph small>{t('list.compositionNote')}</Paragraph>}
            <DataTable<IndicatorView>
              caption={t('list.caption', { count: data.items.length })}
              rows={data.items}
              rowKey={(i) => i.code}
              columns={[
                {
                  header: t('col.indicator'),
                  rowHeader: true,
                  cell: (i) => (
                    <>
                      <Link to={page(`indicatoren/${encodeURIComponent(i.code)}`)}>{i.name}</Link>
                      <span className="indicators-code"> {i.code}</span>
                      {i.compositionSensitive && (
                        <>
                          {' '}
                          <CompositionBadge />
                        </>
                      )}
                    </>
                  ),
                },
                { header: t('col.unit'), cell: (i) => i.unit || '–' },
                { header: t('col.direction'), cell: (i) => labels.direction(i.direction) },
                { header: t('col.source'), cell: (i) => labels.source(i.source) },
                { header: t('col.periods'), cell: (i) => periods(i.periods) },
                { header: t('col.measurements'), numeric: true, cell: (i) => num(i.measurementCount, { digits: 0 }) },
              ]}
            />
            {attention.data && <AttentionSection data={attention.data} />}
          </>
        )}
      </Loaded>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { api, wsPath } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { BackLink, DataTable, Link, Loaded, PageHeading, Paragraph, RowHeader, Section, Table, TBody, Td, Th, THead, Tr } from '../../../web/ui';
import { usePagePath, useWorkspace } from '../../../web/workspace';
import { m } from './messages';
import { DOMAINS, LEVELS, ruleKeys, useLabels, type Domain, type LoadView } from './shared';
import './rules.css';

/** Active rules per domain (rows) and level (columns), with totals. */
function DomainLevelTable({ data }: { data: LoadView }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const count = (d: Domain, l: string) => data.activeByDomainAndLevel.find((x) => x.domain === d && x.level === l)?.count ?? 0;
  const domains = DOMAINS.filter((d) => data.activeByDomainAndLevel.some((x) => x.domain === d));
  const levels = LEVELS.filter((l) => data.activeByDomainAndLevel.some((x) => x.level === l));
  const rowTotal = (d: Domain) => levels.reduce((n, l) => n + count(d, l), 0);
  const colTotal = (l: string) => domains.reduce((n, d) => n + count(d, l), 0);
  return (
    <Table caption={t('load.byDomainCaption')}>
      <THead>
        <Th>{t('col.domain')}</Th>
        {levels.map((l) => (
          <Th key={l} numeric>
            {labels.level(l)}
          </Th>
        ))}
        <Th numeric>{t('load.total')}</Th>
      </THead>
      <TBody>
        {domains.map((d) => (
          <Tr key={d}>
            <RowHeader>{labels.domain(d)}</RowHeader>
            {levels.map((l) => (
              <Td key={l} numeric>
                {f.number(count(d, l))}
              </Td>
            ))}
            <Td numeric>
              <strong>{f.number(rowTotal(d))}</strong>
            </Td>
          </Tr>
        ))}
        <Tr>
          <RowHeader>{t('load.total')}</RowHeader>
          {levels.map((l) => (
            <Td key={l} numeric>
              <strong>{f.number(colTotal(l))}</strong>
            </Td>
          ))}
          <Td numeric>
            <strong>{f.number(data.activeRules)}</strong>
          </Td>
        </Tr>
      </TBody>
    </Table>
  );
}

/** The same totals per domain as bars; the table above is the text alternative. */
function DomainChart({ data }: { data: LoadView }) {
  const t = useT(m);
  const f = useFormat();
  const labels = useLabels();
  const rows = DOMAINS.map((d) => ({ domain: d, count: data.activeByDomainAndLevel.filter((x) => x.domain === d).reduce((n, x) => n + x.count, 0) })).filter((r) => r.count > 0);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const labelWidth = 170;
  const barArea = 380;
  const rowHeight = 30;
  const height = rows.length * rowHeight + 8;
  return (
    <figure className="rules-chart">
      <svg viewBox={`0 0 ${labelWidth + barArea + 60} ${height}`} role="img" aria-labelledby="rules-load-chart-caption">
        {rows.map((r, i) => {
          const y = 4 + i * rowHeight;
          const width = Math.max(2, (r.count / max) * barArea);
          return (
            <g key={r.domain}>
              <text className="rules-chart__label" x={labelWidth - 8} y={y + rowHeight / 2} textAnchor="end" dominantBaseline="middle">
                {labels.domain(r.domain)}
              </text>
              <rect className="rules-chart__bar" x={labelWidth} y={y + 4} width={width} height={rowHeight - 10} />
              <text className="rules-chart__value" x={labelWidth + width + 6} y={y + rowHeight / 2} dominantBaseline="middle">
                {f.number(r.count)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="rules-load-chart-caption">{t('load.chartLabel')}</figcaption>
    </figure>
  );
}

/** Rule load: how many rules apply, where they come from, and how they grow. */
export default function LoadPage() {
  const t = useT(m);
  const f = useFormat();
  const { workspace } = useWorkspace();
  const page = usePagePath();
  const load = useQuery({ queryKey: ruleKeys.load(workspace.slug), queryFn: () => api.get<LoadView>(wsPath(workspace.slug, 'rules/load')) });
  return (
    <>
      <BackLink to={page('regels')}>{t('back.register')}</BackLink>
      <PageHeading title={t('load.title')} />
      <Paragraph>{t('load.intro')}</Paragraph>
      <Loaded query={load}>
        {(data) => (
          <>
            <Paragraph lead>
              <strong>{data.activeRules === 1 ? t('load.activeOne') : t('load.active', { count: f.number(data.activeRules) })}</strong>
            </Paragraph>
            <Section id="rules-load-domain" title={t('load.byDomain')}>
              {data.activeByDomainAndLevel.length === 0 ? (
                <Paragraph>{t('load.none')}</Paragraph>
              ) : (
                <>
                  <DomainLevelTable data={data} />
                  <DomainChart data={data} />
                </>
              )}
            </Section>
            <Section id="rules-load-year" title={t('load.perYear')}>
              {data.newPerYear.length === 0 ? (
                <Paragraph>{t('load.none')}</Paragraph>
              ) : (
                <DataTable
                  caption={t('load.perYearCaption')}
                  rows={data.newPerYear}
                  rowKey={(r) => String(r.year)}
                  columns={[
                    { header: t('load.year'), rowHeader: true, cell: (r) => r.year },
                    { header: t('load.count'), numeric: true, cell: (r) => f.number(r.count) },
                  ]}
                />
              )}
            </Section>
            <Section id="rules-load-rule" title={t('load.perRule')}>
              {data.deviationsPerRule.length === 0 ? (
                <Paragraph>{t('load.none')}</Paragraph>
              ) : (
                <DataTable
                  caption={t('load.perRuleCaption')}
                  rows={data.deviationsPerRule}
                  rowKey={(r) => r.ruleId}
                  columns={[
                    {
                      header: t('load.rule'),
                      rowHeader: true,
                      cell: (r) => (
                        <Link to={page(`regels/${r.ruleId}`)}>
                          <span className="rules-code">{r.code}</span> {r.title}
                        </Link>
                      ),
                    },
                    { header: t('col.deviations'), numeric: true, cell: (r) => f.number(r.count) },
                  ]}
                />
              )}
            </Section>
          </>
        )}
      </Loaded>
    </>
  );
}

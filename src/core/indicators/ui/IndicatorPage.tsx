import { useCallback, useMemo, type FormEvent, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { NotFoundPage } from '../../../web/pages/NotFoundPage';
import { useFormat, useLocale, useT } from '../../../web/i18n';
import { Alert, BackLink, Button, ButtonGroup, DataList, DataTable, Heading, Loaded, Loading, LoadError, PageHeading, Paragraph, Section, SelectField, TextField, useDraft } from '../../../web/ui';
import { usePagePath } from '../../../web/workspace';
import { ATTENTION_METHOD } from '../analysis';
import { Chart, Plot } from './Chart';
import { CompositionBadge } from './ListPage';
import { m } from './messages';
import {
  isNotFound,
  PEERS,
  periodDate,
  useCodedAreas,
  useComparison,
  useComposition,
  useAreasWithValues,
  useIndicator,
  useLabels,
  useNumber,
  usePeriodLabel,
  usePeriodTick,
  useTrend,
  tidy,
  unitAfter,
  type Attention,
  type ComparisonItem,
  type ComparisonView,
  type CompositionView,
  type IndicatorView,
  type Peers,
  type TrendView,
} from './shared';
import './indicators.css';

type Choice = { gebied: string; periode: string; vergelijk: string; van: string; tot: string };

const PERIOD = /^(19|20)\d{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** Axis ticks in the reader's number format (1.234,5 in Dutch). */
function useTick() {
  const f = useFormat();
  return useCallback((d: number) => f.number(d), [f]);
}

/** An attention signal in words with a symbol, never colour alone. */
function AttentionBadge({ attention }: { attention: Attention | null }) {
  const labels = useLabels();
  const symbol = attention === 'better' ? '▲' : attention === 'worse' ? '▼' : attention === 'expected' ? '●' : '–';
  return (
    <span className={`dichter-badge indicators-badge--${attention ?? 'none'}`}>
      <span aria-hidden="true">{symbol} </span>
      {labels.attention(attention)}
    </span>
  );
}

/** The warning of the performance paradox, wherever a composition-sensitive figure without panel data is shown. */
export function CompositionWarning({ id }: { id: string }) {
  const t = useT(m);
  return (
    <Alert type="warning" className="indicators-warning" aria-labelledby={id}>
      <Heading level={3} appearance={5} id={id}>
        {t('warning.title')}
      </Heading>
      <Paragraph>{t('warning.text')}</Paragraph>
    </Alert>
  );
}

/** Area, period, peers and the two periods of the composition analysis, as a GET-like form kept in the URL. */
function ChoiceForm({
  indicator,
  areas,
  compositionPeriods,
  values,
  onApply,
}: {
  indicator: IndicatorView;
  areas: { code: string; name: string; kind: string }[];
  compositionPeriods: string[];
  values: Choice;
  onApply(next: Choice): void;
}) {
  const t = useT(m);
  const labels = useLabels();
  const periodLabel = usePeriodLabel();
  const [draft, setDraft] = useDraft(values);
  const set = (name: keyof Choice, value: string) => setDraft({ ...draft, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const periods = indicator.periods.map((p) => ({ value: p, label: periodLabel(p) }));
  const spans = compositionPeriods.map((p) => ({ value: p, label: periodLabel(p) }));
  const showSpans = (indicator.compositionSensitive || indicator.hasPanel) && spans.length > 1;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="indicators-choice" className="indicators-choice">
      <Heading level={2} appearance={4} id="indicators-choice">
        {t('choice.title')}
      </Heading>
      <div className="dichter-filters">
        <SelectField
          id="indicators-area"
          label={t('choice.area')}
          value={draft.gebied}
          onChange={(e) => set('gebied', e.target.value)}
          options={areas.map((a) => ({ value: a.code, label: `${a.name} (${t(`kind.${a.kind === 'gemeente' || a.kind === 'wijk' || a.kind === 'buurt' ? a.kind : 'other'}`)}, ${a.code})` }))}
        />
        {periods.length > 0 && <SelectField id="indicators-period" label={t('choice.period')} value={draft.periode} onChange={(e) => set('periode', e.target.value)} options={periods} />}
        <SelectField id="indicators-peers" label={t('choice.peers')} value={draft.vergelijk} onChange={(e) => set('vergelijk', e.target.value)} options={PEERS.map((p) => ({ value: p, label: labels.peers(p) }))} />
      </div>
      {showSpans ? (
        <div className="dichter-filters">
          <SelectField id="indicators-from" label={t('choice.from')} value={draft.van} onChange={(e) => set('van', e.target.value)} options={spans} />
          <SelectField id="indicators-to" label={t('choice.to')} value={draft.tot} onChange={(e) => set('tot', e.target.value)} options={spans} />
        </div>
      ) : (
        indicator.hasPanel && (
          // Panel data may cover periods without measurements: then the periods are typed.
          <div className="dichter-filters">
            <TextField id="indicators-from" label={t('choice.from')} description={t('choice.periodExample')} value={draft.van} onChange={(e) => set('van', e.target.value)} className="indicators-period-input" />
            <TextField id="indicators-to" label={t('choice.to')} description={t('choice.periodExample')} value={draft.tot} onChange={(e) => set('tot', e.target.value)} className="indicators-period-input" />
          </div>
        )
      )}
      <ButtonGroup className="dichter-filters__actions">
        <Button type="submit" appearance="primary">
          {t('choice.apply')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function TrendSection({ data }: { data: TrendView }) {
  const t = useT(m);
  const tick = useTick();
  const periodTick = usePeriodTick();
  const labels = useLabels();
  const num = useNumber();
  const periodLabel = usePeriodLabel();
  const { indicator, area, items } = data;
  const known = items.filter((i) => i.value !== null);
  const suppressed = items.filter((i) => i.status === 'suppressed').length;
  const label = t('trend.chartLabel', { indicator: indicator.name, area: area.name });

  let summary: string;
  if (known.length === 0) summary = t('trend.summaryNone', { area: area.name });
  else if (known.length === 1) summary = t('trend.summaryOne', { area: area.name, period: periodLabel(known[0]!.period), value: num(known[0]!.value), unit: unitAfter(indicator.unit) });
  else {
    const first = known[0]!;
    const last = known[known.length - 1]!;
    const diff = last.value! - first.value!;
    const way = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
    const good = indicator.direction === 'neutral' || way === 'flat' ? '' : (way === 'up') === (indicator.direction === 'higher') ? t('trend.goodWay') : t('trend.badWay');
    summary = t(`trend.summary.${way}`, {
      area: area.name,
      from: periodLabel(first.period),
      to: periodLabel(last.period),
      first: num(first.value),
      last: num(last.value),
      diff: num(Math.abs(diff)),
      unit: unitAfter(indicator.unit),
    });
    if (good) summary += ` ${good}`;
  }
  if (suppressed > 0) summary += ` ${t('trend.suppressed', { count: suppressed })}`;
  summary = tidy(summary);

  const render = useCallback(
    (width: number): Plot.PlotOptions => {
      const points = items.map((i) => ({ date: periodDate(i.period), period: i.period, value: i.value }));
      const dots = points.filter((p) => p.value !== null);
      const values = dots.map((p) => p.value!);
      const low = Math.min(...values);
      const high = Math.max(...values);
      // One value (or all equal) gives an empty domain: show it in the middle of a band around it.
      const pad = Math.abs(low) * 0.1 || 1;
      // As many period labels as fit (about 7 px per character), evenly spread, the last one always.
      const labelWidth = Math.max(...points.map((p) => periodTick(p.period).length)) * 7 + 14;
      const room = Math.max(2, Math.floor((width - 90) / labelWidth));
      const step = Math.ceil(points.length / room);
      const ticks = points.filter((_, i) => (points.length - 1 - i) % step === 0);
      const byTime = new Map(points.map((p) => [p.date.getTime(), periodTick(p.period)]));
      return {
        width,
        height: 260,
        marginLeft: 60,
        marginRight: 36,
        x: { type: 'utc', label: null, ticks: ticks.map((p) => p.date), tickFormat: (d: Date) => byTime.get(d.getTime()) ?? '', inset: 20 },
        y: { label: unitAfter(indicator.unit) || null, grid: true, nice: true, tickFormat: tick, ...(low === high ? { domain: [low - pad, high + pad] } : {}) },
        marks: [
          Plot.lineY(points, { x: 'date', y: 'value', className: 'indicators-line', strokeWidth: 2 }),
          Plot.dot(dots, { x: 'date', y: 'value', r: 4, className: 'indicators-dot' }),
          // Every value on a short series; only the first and the last on a long one (the table has them all).
          Plot.text(dots.length > 6 ? [dots[0]!, dots[dots.length - 1]!] : dots, { x: 'date', y: 'value', text: (d: { value: number }) => num(d.value), dy: -10, className: 'indicators-value-label' }),
        ],
      };
    },
    [items, indicator.unit, num, periodTick, tick],
  );

  return (
    <Section id="indicators-trend" title={t('trend.title', { area: area.name })}>
      {known.length === 0 ? (
        <Paragraph>{summary}</Paragraph>
      ) : (
        <Chart
          label={label}
          summary={summary}
          render={render}
          table={
            <DataTable
              caption={label}
              rows={items}
              rowKey={(i) => i.period}
              columns={[
                { header: t('col.period'), rowHeader: true, cell: (i) => periodLabel(i.period) },
                { header: indicator.unit ? t('col.valueUnit', { unit: indicator.unit }) : t('col.value'), numeric: true, cell: (i) => num(i.value) },
                { header: t('col.status'), cell: (i) => labels.status(i.status) },
              ]}
            />
          }
        />
      )}
    </Section>
  );
}

/** At most `max` characters, with an ellipsis: long buurt names on a phone. */
const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text);

function ComparisonSection({ data, peers }: { data: ComparisonView; peers: Peers }) {
  const t = useT(m);
  const tick = useTick();
  const labels = useLabels();
  const num = useNumber();
  const { locale } = useLocale();
  const periodLabel = usePeriodLabel();
  const { indicator, area, items, reference } = data;
  const chosen = items.find((i) => i.area.code === area.code);
  const known = useMemo(
    () => items.filter((i) => i.value !== null).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.value! - a.value! || a.area.name.localeCompare(b.area.name)),
    [items],
  );
  const label = t('comparison.chartLabel', { indicator: indicator.name, area: area.name, period: periodLabel(data.period) });
  const better = items.filter((i) => i.attention === 'better').map((i) => i.area.name);
  const worse = items.filter((i) => i.attention === 'worse').map((i) => i.area.name);
  const missing = items.length - known.length;

  const sentences: string[] = [];
  if (chosen && chosen.value !== null && chosen.rank !== null) {
    sentences.push(
      t(indicator.direction === 'neutral' ? 'comparison.summaryNeutral' : 'comparison.summary', {
        area: area.name,
        rank: chosen.rank,
        count: known.length,
        value: num(chosen.value),
        unit: unitAfter(indicator.unit),
        reference: num(reference.value),
        distance: num(chosen.distance, { signed: true }),
      }),
    );
    if (indicator.direction !== 'neutral') sentences.push(t(`comparison.attention.${chosen.attention ?? 'expected'}`, { area: area.name }));
  } else sentences.push(t('comparison.summaryNoValue', { area: area.name, period: periodLabel(data.period), reference: num(reference.value) }));
  if (indicator.direction !== 'neutral') {
    if (better.length === 0 && worse.length === 0) sentences.push(t('comparison.allExpected'));
    else {
      if (better.length) sentences.push(t('comparison.betterList', { areas: better.join(', ') }));
      if (worse.length) sentences.push(t('comparison.worseList', { areas: worse.join(', ') }));
    }
  }
  if (missing > 0) sentences.push(t('comparison.missing', { count: missing }));

  const render = useCallback(
    (width: number): Plot.PlotOptions => {
      const names = new Map(known.map((i) => [i.area.code, i.area.name]));
      const maxChars = width < 480 ? 13 : 28;
      const longest = Math.min(maxChars, Math.max(...known.map((i) => i.area.name.length), 4));
      // About 7 px per character at 12 px, plus the marker of the chosen area.
      const others = known.filter((i) => i.area.code !== area.code);
      const mine = known.filter((i) => i.area.code === area.code);
      const signals = known.filter((i) => i.attention === 'better' || i.attention === 'worse');
      const marks: Plot.Markish[] = [
        Plot.barX(others, { x: 'value', y: (i: ComparisonItem) => i.area.code, className: 'indicators-bar' }),
        Plot.barX(mine, { x: 'value', y: (i: ComparisonItem) => i.area.code, className: 'indicators-bar indicators-bar--chosen' }),
        Plot.ruleX([0]),
        Plot.text(signals, {
          x: 'value',
          y: (i: ComparisonItem) => i.area.code,
          text: (i: ComparisonItem) => (i.attention === 'better' ? '▲' : '▼'),
          textAnchor: 'start',
          dx: 4,
          className: 'indicators-value-label',
        }),
      ];
      if (reference.value !== null) {
        marks.push(
          Plot.ruleX([reference.value], { className: 'indicators-reference', strokeDasharray: '5 3', strokeWidth: 2 }),
          Plot.text([reference.value], { x: (d: number) => d, frameAnchor: 'top', dy: -12, text: () => t('comparison.medianMark', { value: num(reference.value) }), className: 'indicators-value-label' }),
        );
      }
      return {
        width,
        height: 58 + 24 * known.length,
        marginTop: 30,
        marginLeft: Math.round(longest * 7.2) + 24,
        marginRight: 28,
        marginBottom: 44,
        x: { label: unitAfter(indicator.unit) || null, grid: true, nice: true, tickFormat: tick, labelOffset: 38 },
        y: {
          label: null,
          domain: known.map((i) => i.area.code),
          tickFormat: (code: string) => {
            const name = shorten(names.get(code) ?? code, maxChars);
            return code === area.code ? `▶ ${name}` : name;
          },
        },
        marks,
      };
    },
    [known, area.code, reference.value, indicator.unit, num, t, tick],
  );

  return (
    <Section id="indicators-comparison" title={t('comparison.title', { area: area.name, period: periodLabel(data.period) })}>
      <Paragraph>{t(`comparison.peersIntro.${peers}`)}</Paragraph>
      {chosen && (
        <DataList
          items={[
            [t('comparison.rank'), chosen.rank === null ? '–' : t('comparison.rankOf', { rank: chosen.rank, count: known.length })],
            [t('col.value'), chosen.value === null ? labels.status(chosen.status) : tidy(`${num(chosen.value)} ${unitAfter(indicator.unit)}`)],
            [t('comparison.reference'), tidy(`${num(reference.value)} ${unitAfter(indicator.unit)}`)],
            [t('comparison.distance'), chosen.distance === null ? '–' : tidy(`${num(chosen.distance, { signed: true })} ${unitAfter(indicator.unit)}`)],
            [t('comparison.signal'), <AttentionBadge attention={indicator.direction === 'neutral' && chosen.attention ? null : chosen.attention} key="signal" />],
          ]}
        />
      )}
      {known.length === 0 ? (
        <Paragraph>{tidy(sentences.join(' '))}</Paragraph>
      ) : (
        <Chart
          label={label}
          summary={
            <>
              {tidy(sentences.join(' '))} <span className="dichter-small">{t('comparison.legend')}</span>
            </>
          }
          render={render}
          table={
            <DataTable
              caption={label}
              rows={[...known, ...items.filter((i) => i.value === null)]}
              rowKey={(i) => i.area.code}
              columns={[
                { header: t('col.rank'), numeric: true, cell: (i) => i.rank ?? '–' },
                {
                  header: t('col.area'),
                  rowHeader: true,
                  cell: (i) => (
                    <>
                      {i.area.name}
                      {i.area.code === area.code && <span className="indicators-chosen"> {t('comparison.chosen')}</span>}
                    </>
                  ),
                },
                { header: indicator.unit ? t('col.valueUnit', { unit: indicator.unit }) : t('col.value'), numeric: true, cell: (i) => (i.value === null ? labels.status(i.status) : num(i.value)) },
                { header: t('col.distance'), numeric: true, cell: (i) => num(i.distance, { signed: true }) },
                { header: t('col.z'), numeric: true, cell: (i) => num(i.z, { signed: true, digits: 2 }) },
                indicator.direction !== 'neutral' && { header: t('col.signal'), cell: (i) => <AttentionBadge attention={i.attention} /> },
              ]}
            />
          }
        />
      )}
      <details className="indicators-details">
        <summary>{t('comparison.methodTitle')}</summary>
        <Paragraph>{ATTENTION_METHOD[locale]}</Paragraph>
      </details>
    </Section>
  );
}

const TERMS = ['stayers', 'entry', 'exit'] as const;

function CompositionChart({ data, indicator, areaName, period0, period1 }: { data: CompositionView; indicator: IndicatorView; areaName: string; period0: string; period1: string }) {
  const t = useT(m);
  const tick = useTick();
  const num = useNumber();
  const periodLabel = usePeriodLabel();
  const from = periodLabel(period0);
  const to = periodLabel(period1);
  const rows = [
    ...TERMS.map((term) => ({ key: term, label: t(`composition.term.${term}`), value: data[term], total: false })),
    { key: 'change', label: t('composition.term.change'), value: data.change, total: true },
  ];
  const label = t('composition.chartLabel', { indicator: indicator.name, area: areaName, from, to });
  const biggest = TERMS.reduce((a, b) => (Math.abs(data[b]) > Math.abs(data[a]) ? b : a), 'stayers' as (typeof TERMS)[number]);
  const composition = Math.abs(data.entry + data.exit);
  const summary = [
    t('composition.summary', { area: areaName, from, to, mean0: num(data.mean0), mean1: num(data.mean1), change: num(data.change, { signed: true }), unit: unitAfter(indicator.unit) }),
    t('composition.parts', { stayers: num(data.stayers, { signed: true }), entry: num(data.entry, { signed: true }), exit: num(data.exit, { signed: true }) }),
    data.counts.stayers === 0 ? t('composition.noStayers') : composition > Math.abs(data.stayers) ? t('composition.mostlyComposition') : t('composition.mostlyStayers'),
  ]
    .map(tidy)
    .join(' ');

  const render = useCallback(
    (width: number): Plot.PlotOptions => {
      const terms = rows.filter((r) => !r.total);
      const total = rows.filter((r) => r.total);
      return {
        width,
        height: 58 + 36 * rows.length,
        marginLeft: Math.max(...rows.map((r) => r.label.length)) * 7.5 + 16,
        marginRight: 16,
        // Room inside the scale for the value labels beyond the longest bars.
        marginBottom: 44,
        x: { label: indicator.unit ? t('composition.axis', { unit: indicator.unit }) : null, labelOffset: 38, grid: true, nice: true, tickFormat: tick, insetLeft: rows.some((r) => r.value < 0) ? 48 : 0, insetRight: 48 },
        y: { label: null, domain: rows.map((r) => r.label) },
        marks: [
          Plot.barX(terms, { x: 'value', y: 'label', className: 'indicators-bar' }),
          Plot.barX(total, { x: 'value', y: 'label', className: 'indicators-bar indicators-bar--total' }),
          Plot.ruleX([0]),
          // The value beside the end of each bar: right of a rise, left of a fall.
          Plot.text(
            rows.filter((r) => r.value >= 0),
            { x: 'value', y: 'label', text: (r: { value: number }) => num(r.value, { signed: true }), textAnchor: 'start', dx: 6, className: 'indicators-value-label' },
          ),
          Plot.text(
            rows.filter((r) => r.value < 0),
            { x: 'value', y: 'label', text: (r: { value: number }) => num(r.value, { signed: true }), textAnchor: 'end', dx: -6, className: 'indicators-value-label' },
          ),
        ],
      };
    },
    // rows are derived from data and t
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, indicator.unit, num, t, tick],
  );

  return (
    <>
      <Chart
        label={label}
        summary={summary}
        render={render}
        table={
          <DataTable
            caption={label}
            rows={rows}
            rowKey={(r) => r.key}
            columns={[
              { header: t('composition.col.part'), rowHeader: true, cell: (r) => r.label },
              { header: t('composition.col.contribution'), numeric: true, cell: (r) => num(r.value, { signed: true }) },
              {
                header: t('composition.col.people'),
                numeric: true,
                cell: (r) => (r.key === 'stayers' ? data.counts.stayers : r.key === 'entry' ? data.counts.entrants : r.key === 'exit' ? data.counts.leavers : '–'),
              },
            ]}
          />
        }
      />
      <Heading level={3} appearance={5}>
        {t('composition.howTitle')}
      </Heading>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">{t('composition.how.stayers', { count: data.counts.stayers, from, to })}</li>
        <li className="utrecht-unordered-list__item">{t('composition.how.entry', { count: data.counts.entrants, to })}</li>
        <li className="utrecht-unordered-list__item">{t('composition.how.exit', { count: data.counts.leavers, from })}</li>
      </ul>
      <Paragraph small>{t('composition.formulaIntro')}</Paragraph>
      <p className="nl-paragraph indicators-formula">
        <code className="dichter-code">ΔȲ = (Ȳ_S1 − Ȳ_S0) + w_I1 · (Ȳ_I1 − Ȳ_S1) + w_O0 · (Ȳ_S0 − Ȳ_O0)</code>
      </p>
      <Paragraph small>{t('composition.formulaLegend')}</Paragraph>
    </>
  );
}

function CompositionSection({ indicator, area, period0, period1, warning }: { indicator: IndicatorView; area: { code: string; name: string }; period0: string; period1: string; warning: boolean }) {
  const t = useT(m);
  const periodLabel = usePeriodLabel();
  const twoPeriods = !!period0 && !!period1 && period0 !== period1;
  const query = useComposition(indicator.hasPanel && twoPeriods ? indicator.code : '', area.code, period0, period1);
  const noPanel = !indicator.hasPanel || (query.isError && isNotFound(query.error));
  // Without panel data the composition is only news for composition-sensitive indicators: they get the warning.
  if (!indicator.compositionSensitive && !indicator.hasPanel) return null;
  return (
    <Section id="indicators-composition" title={t('composition.title')}>
      <Paragraph>{t('composition.intro')}</Paragraph>
      {noPanel ? (
        <>
          <Paragraph>{indicator.hasPanel ? t('composition.noPanelArea', { area: area.name, from: periodLabel(period0), to: periodLabel(period1) }) : t('composition.noPanel')}</Paragraph>
          {warning && <Paragraph>{t('composition.noPanelWarning')}</Paragraph>}
        </>
      ) : !twoPeriods ? (
        <Paragraph>{t('composition.twoPeriods')}</Paragraph>
      ) : query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <CompositionChart data={query.data} indicator={indicator} areaName={area.name} period0={period0} period1={period1} />
      )}
    </Section>
  );
}

/** One indicator: what it is, its trend in an area, the area beside its peers, and the composition of a change. */
export default function IndicatorPage() {
  const t = useT(m);
  const page = usePagePath();
  const labels = useLabels();
  const periodLabel = usePeriodLabel();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const one = useIndicator(code);
  const areas = useCodedAreas();
  const indicator = one.data;
  const areaList = areas.data ?? [];
  const periods = indicator?.periods ?? [];
  const pick = (name: string, allowed: readonly string[], fallback: string) => {
    const v = params.get(name);
    return v && allowed.includes(v) ? v : fallback;
  };
  const codes = areaList.map((a) => a.code);
  // Without a chosen area: a wijk (else any area) that has figures in the latest period.
  const latest = periods[periods.length - 1] ?? '';
  const withValues = useAreasWithValues(params.get('gebied') ? '' : code, latest);
  const candidates = withValues.data ? areaList.filter((a) => withValues.data.has(a.code.toUpperCase())) : [];
  const pool = candidates.length ? candidates : areaList;
  const defaultArea = (pool.find((a) => a.kind === 'wijk') ?? pool[0])?.code ?? '';
  // The composition needs the periods of the panel data, which may differ from those of the measurements.
  const panelPeriods = indicator?.panelPeriods.length ? indicator.panelPeriods : periods;
  const anyPeriod = (name: string, fallback: string) => {
    const v = params.get(name);
    return v && PERIOD.test(v) ? v : fallback;
  };
  const choice: Choice = {
    gebied: pick('gebied', codes, defaultArea),
    periode: pick('periode', periods, periods[periods.length - 1] ?? ''),
    vergelijk: pick('vergelijk', PEERS, 'siblings'),
    van: anyPeriod('van', panelPeriods[0] ?? ''),
    tot: anyPeriod('tot', panelPeriods[panelPeriods.length - 1] ?? ''),
  };
  const compositionPeriods = [...new Set([...periods, ...panelPeriods, choice.van, choice.tot].filter(Boolean))].sort();
  const trend = useTrend(indicator ? code : '', choice.gebied);
  const comparison = useComparison(indicator ? code : '', choice.gebied, choice.periode, choice.vergelijk as Peers);

  if (one.isError && isNotFound(one.error)) return <NotFoundPage />;
  if (one.isPending || areas.isPending || withValues.isLoading) return <Loading />;
  if (one.isError) return <LoadError error={one.error} onRetry={() => one.refetch()} />;
  if (areas.isError) return <LoadError error={areas.error} onRetry={() => areas.refetch()} />;
  if (!indicator) return <NotFoundPage />;

  const area = areaList.find((a) => a.code === choice.gebied);
  const warning = !!trend.data?.compositionWarning || !!comparison.data?.compositionWarning;
  const apply = (next: Choice) => setParams(new URLSearchParams(Object.entries(next).filter(([, v]) => v)), { replace: false });

  return (
    <>
      <BackLink to={page('indicatoren')}>{t('back.list')}</BackLink>
      <PageHeading title={indicator.name} />
      {indicator.description && <Paragraph lead>{indicator.description}</Paragraph>}
      <DataList
        items={[
          [t('col.code'), <span className="indicators-code" key="code">{indicator.code}</span>],
          [t('col.unit'), indicator.unit || '–'],
          [t('col.direction'), labels.direction(indicator.direction)],
          [t('col.source'), labels.source(indicator.source)],
          [t('col.periodType'), labels.periodType(indicator.periodType)],
          [t('col.aggregation'), indicator.formula ? t('aggregation.formula', { numerator: indicator.formula.numerator, denominator: indicator.formula.denominator, factor: indicator.formula.factor }) : t(`aggregation.${indicator.aggregation}`)],
          [t('col.periods'), periods.length ? periods.map(periodLabel).join(', ') : t('list.noPeriods')],
          ...(indicator.compositionSensitive ? ([[t('col.composition'), <CompositionBadge key="badge" />]] as [string, ReactNode][]) : []),
        ]}
      />
      {areaList.length === 0 ? (
        <Alert type="info">
          <Paragraph>{t('page.noAreas')}</Paragraph>
        </Alert>
      ) : periods.length === 0 ? (
        <Alert type="info">
          <Paragraph>{t('page.noValues')}</Paragraph>
        </Alert>
      ) : (
        <>
          <ChoiceForm indicator={indicator} areas={areaList} compositionPeriods={compositionPeriods} values={choice} onApply={apply} />
          {warning && <CompositionWarning id="indicators-warning" />}
          <Loaded query={trend}>{(data) => <TrendSection data={data} />}</Loaded>
          <Loaded query={comparison}>{(data) => <ComparisonSection data={data} peers={choice.vergelijk as Peers} />}</Loaded>
          {area && <CompositionSection indicator={indicator} area={area} period0={choice.van} period1={choice.tot} warning={warning} />}
        </>
      )}
    </>
  );
}

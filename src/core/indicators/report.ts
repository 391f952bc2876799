import type { Locale } from '../../platform/errors';
import type { ReportBlock, ReportSectionDefinition } from '../../platform/report';
import { AreaDirectory, type AreaEntry } from './areas';
import { lineChartSvg } from '../../platform/charts';
import { indicatorPolicy as policy } from './policies';
import * as repo from './repository';
import { valuesOf, type Value } from './service';

const KIND_RANK: Record<string, number> = { gemeente: 0, wijk: 1, buurt: 2 };

const texts = {
  nl: {
    period: 'Periode',
    value: 'Waarde',
    status: { final: 'definitief', provisional: 'voorlopig', suppressed: 'geheim (niet gepubliceerd)' },
    single: (name: string, area: string, value: string, period: string) => `${name} in ${area}: ${value} (${period}).`,
    trend: (name: string, area: string, from: string, p0: string, to: string, p1: string, word: string) => `${name} in ${area} ${word} van ${from} (${p0}) naar ${to} (${p1}).`,
    rose: 'steeg',
    fell: 'daalde',
    stayed: 'bleef gelijk',
    direction: { higher: 'Hoger is beter.', lower: 'Lager is beter.', neutral: '' },
    chartTitle: (name: string, area: string) => `${name} in ${area} per periode`,
    warning: (name: string, area: string) =>
      `Let op bij ${name}: dit is een gemiddelde of aandeel van de bewoners van ${area}. Het kan veranderen doordat mensen verhuizen, zonder dat het voor de mensen die er wonen beter of slechter gaat. Er zijn geen paneelgegevens om dat uit elkaar te halen.`,
  },
  en: {
    period: 'Period',
    value: 'Value',
    status: { final: 'final', provisional: 'provisional', suppressed: 'suppressed (not published)' },
    single: (name: string, area: string, value: string, period: string) => `${name} in ${area}: ${value} (${period}).`,
    trend: (name: string, area: string, from: string, p0: string, to: string, p1: string, word: string) => `${name} in ${area} ${word} from ${from} (${p0}) to ${to} (${p1}).`,
    rose: 'rose',
    fell: 'fell',
    stayed: 'stayed the same',
    direction: { higher: 'Higher is better.', lower: 'Lower is better.', neutral: '' },
    chartTitle: (name: string, area: string) => `${name} in ${area} per period`,
    warning: (name: string, area: string) =>
      `Note on ${name}: this is an average or share of the residents of ${area}. It can change because people move, without things getting better or worse for the people who live there. There is no panel data to tell these apart.`,
  },
} as const;

/** Whether a period starts on or before a date (YYYY-MM-DD): `2024-Q2` starts 2024-04-01. */
function startsBy(period: string, date: string): boolean {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  const start = q ? `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01` : period.length === 4 ? `${period}-01-01` : `${period}-01`;
  return start <= date;
}

function numberFormat(locale: Locale, unit: string) {
  const nf = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
  const suffix = unit === '%' ? '%' : unit && unit !== 'aantal' ? ` ${unit}` : '';
  return (v: number) => `${nf.format(v)}${suffix}`;
}

/**
 * The indicators of the report's scope, each with its latest value and trend as a chart with a
 * table and a one-sentence summary, and a warning for every composition-sensitive indicator
 * without panel data. For an action line: the indicators linked to it. For an area: its figures;
 * otherwise the area with the longest series (the highest level first).
 */
export const indicatorReportSections: ReportSectionDefinition[] = [
  {
    id: 'indicators.measurements',
    order: 50,
    part: 'above',
    title: { nl: 'Indicatoren: cijfers naast de verhalen', en: 'Indicators: figures beside the stories' },
    async build(ctx, scope) {
      const ws = policy.authorize(ctx, 'indicator.read');
      const t = texts[ctx.locale];
      let indicators = await repo.listIndicators(ctx.db, ws.id);
      if (scope.actionLineId) {
        const links = await repo.ladderNodesOf(ctx.db, ws.id);
        indicators = indicators.filter((i) => (links.get(i.id) ?? []).includes(scope.actionLineId!));
      }
      if (indicators.length === 0) return [];
      const dir = await AreaDirectory.cached(ctx);
      const inScope = scope.areaId ? new Set([scope.areaId, ...dir.descendants(scope.areaId).map((a) => a.id)]) : null;
      const blocks: ReportBlock[] = [];
      for (const indicator of indicators) {
        const values = (await valuesOf(ctx.db, ws.id, indicator, inScope ? { areaIds: [...inScope] } : {})).filter((v) => startsBy(v.period, scope.to) && dir.byId.has(v.areaId));
        if (values.length === 0) continue;
        // The area: the scope's own when it has figures, else the one with the longest series, the highest level first.
        const byArea = new Map<string, Value[]>();
        for (const v of values) byArea.set(v.areaId, [...(byArea.get(v.areaId) ?? []), v]);
        const rank = (a: AreaEntry) => KIND_RANK[a.kind] ?? 9;
        const areaId =
          scope.areaId && byArea.has(scope.areaId)
            ? scope.areaId
            : [...byArea.keys()].sort((a, b) => byArea.get(b)!.length - byArea.get(a)!.length || rank(dir.byId.get(a)!) - rank(dir.byId.get(b)!))[0]!;
        const area = dir.byId.get(areaId)!;
        // The same area code across divisions forms one series.
        const series = values.filter((v) => dir.byId.get(v.areaId)?.code === area.code || v.areaId === area.id).sort((a, b) => a.period.localeCompare(b.period));
        const perPeriod = [...new Map(series.map((v) => [v.period, v])).values()];
        const fmt = numberFormat(ctx.locale, indicator.unit);
        const shown = (v: Value) => (v.value === null ? t.status.suppressed : fmt(v.value));
        const known = perPeriod.filter((v) => v.value !== null);
        const last = perPeriod[perPeriod.length - 1]!;
        let summary = t.single(indicator.name, area.name, shown(last), last.period);
        if (known.length >= 2) {
          const a = known[0]!;
          const b = known[known.length - 1]!;
          const word = b.value! > a.value! ? t.rose : b.value! < a.value! ? t.fell : t.stayed;
          summary = t.trend(indicator.name, area.name, fmt(a.value!), a.period, fmt(b.value!), b.period, word);
        }
        const direction = t.direction[indicator.direction as keyof typeof t.direction] ?? '';
        blocks.push({ h3: indicator.unit && indicator.unit !== 'aantal' ? `${indicator.name} (${indicator.unit})` : indicator.name });
        const table = { head: [t.period, t.value], rows: perPeriod.map((v) => [v.period, v.status === 'final' ? shown(v) : `${shown(v)} (${t.status[v.status as keyof typeof t.status]})`]) };
        if (perPeriod.length >= 2) {
          const title = t.chartTitle(indicator.name, area.name);
          blocks.push({
            chart: {
              title,
              summary: direction ? `${summary} ${direction}` : summary,
              svg: lineChartSvg({ title, desc: summary, points: perPeriod.map((v) => ({ label: v.period, value: v.value })) }),
              table,
            },
          });
        } else {
          blocks.push({ p: direction ? `${summary} ${direction}` : summary });
        }
        if (indicator.compositionSensitive) {
          // Panel data for the area shown lets the composition be told apart; elsewhere it does not help.
          const shownAreas = [...new Set(series.map((v) => v.areaId))];
          if (!(await repo.indicatorsWithPanel(ctx.db, ws.id, shownAreas)).has(indicator.id)) blocks.push({ warning: t.warning(indicator.name, area.name) });
        }
      }
      return blocks;
    },
  },
];

import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import { api, ApiError, wsPath } from '../../../web/api';
import { useFormat, useLocale, useT } from '../../../web/i18n';
import { useWorkspace } from '../../../web/workspace';
import type { AreaListView } from '../../areas/schema';
import type { Attention, Direction } from '../analysis';
import type { attentionView, comparisonView, compositionView, importPreviewView, importReportView, indicatorListView, indicatorView, trendView } from '../schema';
import { m } from './messages';

export type { Attention, Direction };
/** An indicator as the API shows it. */
export type IndicatorView = z.infer<typeof indicatorView>;
export type IndicatorList = Omit<z.infer<typeof indicatorListView>, 'items'> & { items: IndicatorView[] };
export type TrendView = z.infer<typeof trendView>;
export type ComparisonView = z.infer<typeof comparisonView>;
export type ComparisonItem = ComparisonView['items'][number];
export type CompositionView = z.infer<typeof compositionView>;
export type ImportPreview = z.infer<typeof importPreviewView>;
export type ImportReport = z.infer<typeof importReportView>;
export type AttentionView = z.infer<typeof attentionView>;
/** The indicator as the trend and comparison answers carry it. */
export type IndicatorRef = TrendView['indicator'];

// The lists of schema.ts, repeated here so the browser bundle does not pull in zod.
export const SOURCES = ['manual', 'import', 'formula', 'practice'] as const satisfies readonly IndicatorView['source'][];
export const PERIOD_TYPES = ['year', 'quarter', 'month'] as const satisfies readonly IndicatorView['periodType'][];
export const AGGREGATIONS = ['sum', 'ratio', 'mean'] as const satisfies readonly IndicatorView['aggregation'][];
export type Source = (typeof SOURCES)[number];
export type PeriodType = (typeof PERIOD_TYPES)[number];
export type Status = TrendView['items'][number]['status'];
export type Peers = ComparisonView['peers'];
export const PEERS = ['siblings', 'municipality'] as const satisfies readonly Peers[];

/** Query keys: everything of this module under one key, so one refresh after an import covers all pages. */
export const indicatorKeys = {
  all: (slug: string) => ['w', slug, 'indicators'] as const,
  list: (slug: string) => ['w', slug, 'indicators', 'list'] as const,
  one: (slug: string, code: string) => ['w', slug, 'indicators', 'one', code] as const,
  attention: (slug: string) => ['w', slug, 'indicators', 'attention'] as const,
  trend: (slug: string, code: string, area: string) => ['w', slug, 'indicators', 'trend', code, area] as const,
  comparison: (slug: string, code: string, area: string, period: string, peers: string) => ['w', slug, 'indicators', 'comparison', code, area, period, peers] as const,
  composition: (slug: string, code: string, area: string, period0: string, period1: string) => ['w', slug, 'indicators', 'composition', code, area, period0, period1] as const,
  areas: (slug: string) => ['w', slug, 'indicators', 'areas'] as const,
};

const notFound = (error: unknown): boolean => error instanceof ApiError && [400, 404, 422].includes(error.status);
const retry = (count: number, error: Error) => count < 2 && !notFound(error);
export { notFound as isNotFound };

export function useIndicators() {
  const { workspace } = useWorkspace();
  return useQuery({ queryKey: indicatorKeys.list(workspace.slug), queryFn: () => api.get<IndicatorList>(wsPath(workspace.slug, 'indicators')) });
}

export function useIndicator(code: string) {
  const { workspace } = useWorkspace();
  return useQuery({ queryKey: indicatorKeys.one(workspace.slug, code), queryFn: () => api.get<IndicatorView>(wsPath(workspace.slug, `indicators/${encodeURIComponent(code)}`)), enabled: !!code, retry });
}

/** The codes of the areas with a value (or a suppressed one) in a period, to start on an area that has figures. */
export function useAreasWithValues(code: string, period: string) {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: [...indicatorKeys.one(workspace.slug, code), 'areas', period] as const,
    queryFn: async () => {
      const list = await api.get<{ items: { area: string }[] }>(wsPath(workspace.slug, `indicators/${encodeURIComponent(code)}/values?${new URLSearchParams({ period })}`));
      return new Set(list.items.map((i) => i.area.toUpperCase()));
    },
    enabled: !!code && !!period,
    retry,
  });
}

/** Where attention is needed: per indicator (latest period) the areas clearly better or worse than their peers. */
export function useAttention(enabled: boolean) {
  const { workspace } = useWorkspace();
  return useQuery({ queryKey: indicatorKeys.attention(workspace.slug), queryFn: () => api.get<AttentionView>(wsPath(workspace.slug, 'indicators/attention')), enabled });
}

/** The workspace's areas that have a CBS code (the indicator API names areas by code), newest division first. */
export function useCodedAreas() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: indicatorKeys.areas(workspace.slug),
    queryFn: async () => {
      const list = await api.get<AreaListView>(wsPath(workspace.slug, 'areas?limit=500'));
      const byCode = new Map<string, { code: string; name: string; kind: string; year: number }>();
      for (const a of list.items) {
        if (!a.code) continue;
        const known = byCode.get(a.code);
        if (!known || known.year < a.year) byCode.set(a.code, { code: a.code, name: a.name, kind: a.kind, year: a.year });
      }
      return [...byCode.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.code.localeCompare(b.code));
    },
    staleTime: 60_000,
  });
}
const KIND_ORDER = ['gemeente', 'wijk', 'buurt'];

export function useTrend(code: string, area: string) {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: indicatorKeys.trend(workspace.slug, code, area),
    queryFn: () => api.get<TrendView>(wsPath(workspace.slug, `indicators/${encodeURIComponent(code)}/trend?${new URLSearchParams({ area })}`)),
    enabled: !!code && !!area,
    retry,
  });
}

export function useComparison(code: string, area: string, period: string, peers: Peers) {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: indicatorKeys.comparison(workspace.slug, code, area, period, peers),
    queryFn: () => api.get<ComparisonView>(wsPath(workspace.slug, `indicators/${encodeURIComponent(code)}/comparison?${new URLSearchParams({ area, period, peers })}`)),
    enabled: !!code && !!area && !!period,
    retry,
  });
}

export function useComposition(code: string, area: string, period0: string, period1: string) {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: indicatorKeys.composition(workspace.slug, code, area, period0, period1),
    queryFn: () => api.get<CompositionView>(wsPath(workspace.slug, `indicators/${encodeURIComponent(code)}/composition?${new URLSearchParams({ area, period0, period1 })}`)),
    enabled: !!code && !!area && !!period0 && !!period1 && period0 !== period1,
    retry,
  });
}

/** Labels of the fixed values, in the reader's language. */
export function useLabels() {
  const t = useT(m);
  return {
    direction: (d: Direction) => t(`direction.${d}`),
    source: (s: string) => ((SOURCES as readonly string[]).includes(s) ? t(`source.${s as Source}`) : s),
    periodType: (p: string) => ((PERIOD_TYPES as readonly string[]).includes(p) ? t(`periodType.${p as PeriodType}`) : p),
    status: (s: Status | null | undefined) => (s ? t(`status.${s}`) : t('status.missing')),
    attention: (a: Attention | null) => (a ? t(`attention.${a}`) : t('attention.none')),
    peers: (p: Peers) => t(`peers.${p}`),
  };
}

/** "2024", "2024 kwartaal 1", "maart 2024". */
export function usePeriodLabel() {
  const t = useT(m);
  const f = useFormat();
  return useCallback(
    (period: string) => {
      const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
      if (quarter) return t('period.quarter', { year: quarter[1]!, quarter: quarter[2]! });
      const month = /^(\d{4})-(\d{2})$/.exec(period);
      if (month) return f.date(`${period}-01`).replace(/^1\s+/, '');
      return period;
    },
    [t, f],
  );
}

/** A period in short, for the ticks of a time axis: "2024", "K1 2024", "mrt 24". */
export function usePeriodTick() {
  const t = useT(m);
  const { locale } = useLocale();
  return useCallback(
    (period: string) => {
      const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
      if (quarter) return t('period.quarterShort', { year: quarter[1]!, quarter: quarter[2]! });
      const month = /^(\d{4})-(\d{2})$/.exec(period);
      if (month) {
        const format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
        return format.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1))).replace('.', '');
      }
      return period;
    },
    [t, locale],
  );
}

/** A unit to put after a number: none for a plain count ("aantal"). */
export const unitAfter = (unit: string) => (/^aantal$/i.test(unit.trim()) ? '' : unit);
/** Texts put together from parts with an empty unit: no double spaces, no space before punctuation. */
export const tidy = (text: string) => text.replace(/\s+/g, ' ').replace(/\s+([.,;:)])/g, '$1').trim();

/** A period as a moment in time, for a time axis. */
export function periodDate(period: string): Date {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return new Date(Date.UTC(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1));
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return new Date(Date.UTC(Number(period.slice(0, 4)), 0, 1));
}

/** Numbers as people read them in a monitor: at most two decimals, thousands separated. */
export function useNumber() {
  const f = useFormat();
  return useCallback(
    (value: number | null | undefined, options: { signed?: boolean; digits?: number } = {}) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return '–';
      const digits = options.digits ?? (Math.abs(value) >= 100 ? 0 : 2);
      const rounded = Number(value.toFixed(digits));
      const text = f.number(rounded === 0 ? 0 : rounded);
      return options.signed && rounded > 0 ? `+${text}` : text;
    },
    [f],
  );
}

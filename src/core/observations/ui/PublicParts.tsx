import { useQuery } from '@tanstack/react-query';
import type { SelectHTMLAttributes } from 'react';
import type { z } from 'zod';
import { api, ApiError } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { cx, FieldShell } from '../../../web/ui';
import type { followUpView, Kind, publicObservationView, publicReportCreated, Status } from '../schema';
import { pm } from './public-messages';

/** Shared parts of the resident-facing pages: types, queries, labels, the neighbourhood select. */

export type PublicObservation = z.infer<typeof publicObservationView>;
export type PublicList = { items: PublicObservation[]; total: number; workspaceName: string };
export type FollowUp = z.infer<typeof followUpView>;
export type ReportCreated = z.infer<typeof publicReportCreated>;
export type { Kind, Status };

export interface PublicArea {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  parentId: string | null;
  year: number;
  population: number | null;
}
type AreaPage = { items: PublicArea[]; total: number; year: number | null };

// The lists of schema.ts, repeated so the browser bundle does not pull in zod. The order is the form's.
export const PUBLIC_KINDS = ['signaal', 'knelpunt', 'idee', 'verhaal', 'succes'] as const satisfies readonly Kind[];
export const PUBLIC_STATUSES = ['nieuw', 'in_behandeling', 'doorgezet', 'heropend', 'beantwoord', 'afgesloten'] as const satisfies readonly Status[];
export const OPEN: readonly Status[] = ['nieuw', 'in_behandeling', 'heropend', 'doorgezet'];
export const isPublicKind = (v: string | null): v is Kind => !!v && (PUBLIC_KINDS as readonly string[]).includes(v);
export const isPublicStatus = (v: string | null): v is Status => !!v && (PUBLIC_STATUSES as readonly string[]).includes(v);

export const publicApi = {
  list: (slug: string, query = '') => `/api/public/w/${encodeURIComponent(slug)}/observations${query ? `?${query}` : ''}`,
  report: (slug: string) => `/api/public/w/${encodeURIComponent(slug)}/observations`,
  areas: (slug: string, kind: 'wijk' | 'buurt', offset: number) => `/api/public/w/${encodeURIComponent(slug)}/areas?kind=${kind}&limit=500&offset=${offset}`,
  geojson: (slug: string, kind: 'wijk' | 'buurt') => `/api/public/w/${encodeURIComponent(slug)}/areas.geojson?kind=${kind}`,
  followUp: (token: string, rest = '') => `/api/public/observations/${encodeURIComponent(token)}${rest}`,
};

export const publicKeys = {
  list: (slug: string, query: string) => ['public', slug, 'observations', query] as const,
  all: (slug: string, query: string) => ['public', slug, 'observations', 'all', query] as const,
  areas: (slug: string) => ['public', slug, 'areas'] as const,
  geojson: (slug: string, kind: string) => ['public', slug, 'areas.geojson', kind] as const,
  followUp: (token: string) => ['public', 'followUp', token] as const,
};

export const isStatus = (error: unknown, ...statuses: number[]) => error instanceof ApiError && statuses.includes(error.status);

export function usePublicLabels() {
  const t = useT(pm);
  return {
    // the public side knows the core kinds; a practice's kind shows as its id
    kind: (k: string) => ((PUBLIC_KINDS as readonly string[]).includes(k) ? t(`kind.${k as Kind}`) : k),
    kindHint: (k: Kind) => t(`kindHint.${k}`),
    status: (s: Status) => t(`status.${s}`),
    statusExplain: (s: Status) => t(`statusExplain.${s}`),
  };
}

/** Every page of a paged public list (areas are few: a city has some hundreds of buurten). */
async function allAreas(slug: string, kind: 'wijk' | 'buurt') {
  const items: PublicArea[] = [];
  for (let offset = 0; offset < 10_000; offset += 500) {
    const page = await api.get<AreaPage>(publicApi.areas(slug, kind, offset));
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  return items;
}

export interface PublicAreas {
  wijken: PublicArea[];
  buurten: PublicArea[];
  byId: Map<string, PublicArea>;
}

/** The workspace's wijken and buurten (latest division), also those without boundaries. */
export function usePublicAreas(slug: string) {
  return useQuery({
    queryKey: publicKeys.areas(slug),
    queryFn: async (): Promise<PublicAreas> => {
      const [wijken, buurten] = await Promise.all([allAreas(slug, 'wijk'), allAreas(slug, 'buurt')]);
      return { wijken, buurten, byId: new Map([...wijken, ...buurten].map((a) => [a.id, a])) };
    },
    staleTime: 10 * 60_000,
    retry: false,
  });
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl', { numeric: true });

/**
 * A select of the buurten grouped by wijk (`optgroup`), with the label, help and error of the
 * other fields. `wholeWijk` adds "Heel <wijk>" at the top of each group (for filtering).
 */
export function AreaSelect({
  id,
  label,
  description,
  error,
  optional,
  areas,
  emptyLabel,
  wholeWijk,
  className,
  ...select
}: {
  id: string;
  label: string;
  description?: string;
  error?: string;
  optional?: boolean;
  areas: PublicAreas | undefined;
  emptyLabel: string;
  wholeWijk?: boolean;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const t = useT(pm);
  const wijken = [...(areas?.wijken ?? [])].sort(byName);
  const known = new Set(wijken.map((w) => w.id));
  const buurten = [...(areas?.buurten ?? [])].sort(byName);
  const loose = buurten.filter((b) => !b.parentId || !known.has(b.parentId));
  const describedBy = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional}>
      <select
        id={id}
        className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid', className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...select}
      >
        <option value="">{emptyLabel}</option>
        {wijken.map((w) => {
          const inside = buurten.filter((b) => b.parentId === w.id);
          if (!inside.length && !wholeWijk) return null;
          return (
            <optgroup key={w.id} label={w.name}>
              {wholeWijk && <option value={w.id}>{t('report.areaWhole', { name: w.name })}</option>}
              {inside.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </optgroup>
          );
        })}
        {loose.length > 0 &&
          (wijken.length ? (
            <optgroup label={t('report.areaOther')}>
              {loose.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </optgroup>
          ) : (
            loose.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))
          ))}
      </select>
    </FieldShell>
  );
}

/** Plain text as paragraphs (blank lines) with its line breaks kept; never HTML. */
export function PlainText({ text }: { text: string }) {
  const blocks = text.split(/\n{2,}/).filter((b) => b.trim());
  return (
    <>
      {blocks.map((block, i) => (
        <p key={i} className="nl-paragraph dichter-prewrap">
          {block}
        </p>
      ))}
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { api, wsPath, type List } from '../../../web/api';
import { useFormat, useT } from '../../../web/i18n';
import { cx } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import type { AreaListView } from '../../areas/schema';
import type { checkTextView, HistoryEntry, inboxView, Kind, kindsView, listView, ObservationSummaryView, ObservationView, personalDataHit, Status, templateView } from '../schema';
import { m } from './messages';
import { calendarDaysUntil, textBlocks } from './text';

export { focusSoon, pageHeading, useDraft, useNarrowScreen } from '../../../web/ui';
export type { HistoryEntry, Kind, ObservationSummaryView, ObservationView, Status };
export type ListView = z.infer<typeof listView>;
export type InboxView = z.infer<typeof inboxView>;
export type CheckTextView = z.infer<typeof checkTextView>;
export type PersonalDataHit = z.infer<typeof personalDataHit>;
export type TemplateView = z.infer<typeof templateView>;
export type TemplateList = List<TemplateView> & { can: { manage: boolean } };
export type Visibility = ObservationView['visibility'];
export type KindsView = z.infer<typeof kindsView>;

// The lists of schema.ts, repeated here so the browser bundle does not pull in zod.
export const KIND_LIST = ['verhaal', 'signaal', 'knelpunt', 'idee', 'succes'] as const satisfies readonly Kind[];
export const STATUS_LIST = ['nieuw', 'in_behandeling', 'doorgezet', 'heropend', 'beantwoord', 'afgesloten'] as const satisfies readonly Status[];
export const VISIBILITY_LIST = ['intern', 'workspace', 'public'] as const satisfies readonly Visibility[];
export const ANSWERED_KINDS: readonly Kind[] = ['signaal', 'knelpunt'];
export const OPEN_STATUSES: readonly Status[] = ['nieuw', 'in_behandeling', 'heropend', 'doorgezet'];
export const isKind = (v: string | null): v is Kind => !!v && (KIND_LIST as readonly string[]).includes(v);
export const isStatus = (v: string | null): v is Status => !!v && (STATUS_LIST as readonly string[]).includes(v);

/** Query keys: everything of this module under one key, so one refresh after a write covers lists, inbox and pages. */
export const observationKeys = {
  all: (slug: string) => ['w', slug, 'observations'] as const,
  list: (slug: string, query: string) => ['w', slug, 'observations', 'list', query] as const,
  one: (slug: string, id: string) => ['w', slug, 'observations', 'one', id] as const,
  inbox: (slug: string) => ['w', slug, 'observations', 'inbox'] as const,
  templates: (slug: string) => ['w', slug, 'observations', 'templates'] as const,
};

/** Every kind a member can record: the core's five and those the workspace's practices add (with their names). */
export function useKinds() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: [...observationKeys.all(workspace.slug), 'kinds'],
    staleTime: 30 * 60_000,
    queryFn: async () => (await api.get<KindsView>(wsPath(workspace.slug, 'observation-kinds'))).items,
  });
}

export function useLabels() {
  const t = useT(m);
  const kinds = useKinds();
  return {
    // a practice's kind is named by the practice (in the reader's language, by the server)
    kind: (k: string) => (isKind(k) ? t(`kind.${k}`) : (kinds.data?.find((x) => x.id === k)?.label ?? k)),
    kindHint: (k: string) => (isKind(k) ? t(`kindHint.${k}`) : undefined),
    status: (s: Status) => t(`status.${s}`),
    visibility: (v: Visibility) => t(`visibility.${v}`),
    personal: (k: PersonalDataHit['kind']) => t(`personal.${k}`),
  };
}

/** What the member may do with observations (the list's `can`); the screen never derives it from the role. */
export function useAbilities() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: observationKeys.list(workspace.slug, 'abilities'),
    queryFn: async () => (await api.get<ListView>(wsPath(workspace.slug, 'observations?limit=1'))).can,
    staleTime: 60_000,
  });
}

export function useObservation(id: string) {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: observationKeys.one(workspace.slug, id),
    queryFn: () => api.get<ObservationView>(wsPath(workspace.slug, `observations/${encodeURIComponent(id)}`)),
    retry: (count, error) => count < 2 && !(error instanceof Error && 'status' in error && [400, 404].includes((error as { status: number }).status)),
  });
}

export function useTemplates() {
  const { workspace } = useWorkspace();
  return useQuery({ queryKey: observationKeys.templates(workspace.slug), queryFn: () => api.get<TemplateList>(wsPath(workspace.slug, 'observation-templates')) });
}

export interface AreaGroup {
  /** The wijk, or null for buurten without one. */
  wijk: { id: string; name: string } | null;
  buurten: { id: string; name: string; parentId: string | null }[];
}

/**
 * The wijken with their buurten of the newest area division, for the pickers. Fetched in pages
 * of 500, as the API serves them.
 */
export function useAreaGroups() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: [...observationKeys.all(workspace.slug), 'areas'],
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<AreaGroup[]> => {
      const all: AreaListView['items'] = [];
      for (let offset = 0; offset < 20_000; offset += 500) {
        const page = await api.get<AreaListView>(wsPath(workspace.slug, `areas?limit=500&offset=${offset}`));
        all.push(...page.items);
        if (page.items.length < 500) break;
      }
      const local = all.filter((a) => a.kind === 'wijk' || a.kind === 'buurt');
      const year = Math.max(...local.map((a) => a.year));
      const current = local.filter((a) => a.year === year);
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl', { numeric: true });
      const wijken = current.filter((a) => a.kind === 'wijk').sort(byName);
      const buurten = current.filter((a) => a.kind === 'buurt').sort(byName);
      const groups: AreaGroup[] = wijken.map((w) => ({ wijk: { id: w.id, name: w.name }, buurten: buurten.filter((b) => b.parentId === w.id) }));
      const loose = buurten.filter((b) => !wijken.some((w) => w.id === b.parentId));
      if (loose.length) groups.push({ wijk: null, buurten: loose });
      return groups;
    },
  });
}

export interface ActionLine {
  id: string;
  code: string | null;
  title: string;
}

/** The action lines of the policy ladder, by code. */
export function useActionLines() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: [...observationKeys.all(workspace.slug), 'action-lines'],
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const res = await api.get<List<ActionLine>>(wsPath(workspace.slug, 'ladder/nodes?rung=action_line&limit=500'));
      return res.items
        .map((n) => ({ id: n.id, code: n.code, title: n.title }))
        .sort((a, b) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff', 'nl', { numeric: true }) || a.title.localeCompare(b.title, 'nl'));
    },
  });
}

export const lineLabel = (n: { code: string | null; title: string }) => (n.code ? `${n.code} ${n.title}` : n.title);

export function useMembers() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: [...observationKeys.all(workspace.slug), 'members'],
    staleTime: 5 * 60_000,
    queryFn: async () => (await api.get<List<{ userId: string; name: string; role: string }>>(wsPath(workspace.slug, 'members'))).items.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  });
}

/** A small label with words (never colour alone): kind, status, "te laat". */
export function Badge({ kind, value, children }: { kind: 'kind' | 'status' | 'overdue' | 'internal' | 'personal'; value?: string; children: ReactNode }) {
  return <span className={cx('dichter-badge', `obs-badge--${kind}`, value && `obs-badge--${kind}-${value}`)}>{children}</span>;
}

export function KindBadge({ kind }: { kind: string }) {
  return (
    <Badge kind="kind" value={kind}>
      {useLabels().kind(kind)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  return (
    <Badge kind="status" value={status}>
      {useLabels().status(status)}
    </Badge>
  );
}

export function OverdueBadge() {
  const t = useT(m);
  return <Badge kind="overdue">{t('due.overdueBadge')}</Badge>;
}

/** "nog 3 dagen", "vandaag", "2 dagen te laat": the due date in words, by calendar days. */
export function useDueWords() {
  const t = useT(m);
  return (dueAt: string, overdue: boolean) => {
    const days = calendarDaysUntil(dueAt);
    if (overdue || days < 0) {
      if (days >= 0) return t('due.lateToday');
      return days === -1 ? t('due.lateOne') : t('due.lateDays', { count: -days });
    }
    if (days === 0) return t('due.today');
    if (days === 1) return t('due.tomorrow');
    return t('due.inDays', { count: days });
  };
}

/** The due date with the words, and "te laat" in text when it has passed. */
export function Due({ dueAt, overdue, open = true }: { dueAt: string | null; overdue: boolean; open?: boolean }) {
  const t = useT(m);
  const f = useFormat();
  const words = useDueWords();
  if (!dueAt) return <>{t('due.none')}</>;
  return (
    <span className={cx('obs-due', overdue && 'obs-due--overdue')}>
      {overdue && (
        <>
          <OverdueBadge />{' '}
        </>
      )}
      <time dateTime={dueAt}>{f.date(dueAt)}</time>
      {open && <> ({words(dueAt, overdue)})</>}
    </span>
  );
}

/** Text as it was written: paragraphs and `- ` lists, never HTML. */
export function PlainText({ text }: { text: string }) {
  return (
    <div className="obs-text">
      {textBlocks(text).map((block, i) =>
        block.kind === 'list' ? (
          <ul key={i} className="utrecht-unordered-list">
            {block.items.map((item, j) => (
              <li key={j} className="utrecht-unordered-list__item">
                {item}
              </li>
            ))}
          </ul>
        ) : (
          <p key={i} className="nl-paragraph dichter-prewrap">
            {block.text}
          </p>
        ),
      )}
    </div>
  );
}


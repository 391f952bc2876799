import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, wsPath, type List } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { cx } from '../../../web/ui';
import { useWorkspace } from '../../../web/workspace';
import type { AreaListView } from '../../areas/schema';
import type { NodeSummaryView, NodeView, Rung, TheoryView, checkView, treeView } from '../schema';
import { m } from './messages';
import type { TreeFilter } from './tree';

export type { NodeSummaryView, NodeView, Rung, TheoryView };
export type TreeView = z.infer<typeof treeView>;
export type CheckView = z.infer<typeof checkView>;

export const RUNG_LIST: Rung[] = ['value', 'challenge', 'goal', 'action_line', 'intervention'];
export const PHASE_LIST = ['verkennen', 'experimenteren', 'uitvoeren', 'verankeren'] as const;
export const STATUS_LIST = ['gepland', 'lopend', 'gepauzeerd', 'afgerond', 'gestopt'] as const;
export const KIND_LIST = ['project', 'maatregel', 'activiteit'] as const;
export const ELEMENT_KIND_LIST = ['activity', 'output', 'outcome', 'impact'] as const;
export const ASSUMPTION_STATUS_LIST = ['untested', 'holds', 'doubtful', 'refuted'] as const;
export const rungAbove = (r: Rung): Rung | null => (r === 'value' ? null : RUNG_LIST[RUNG_LIST.indexOf(r) - 1]);
export const rungBelow = (r: Rung): Rung | null => (r === 'intervention' ? null : RUNG_LIST[RUNG_LIST.indexOf(r) + 1]);

export const ladderKeys = {
  all: (slug: string) => ['w', slug, 'ladder'] as const,
  tree: (slug: string) => ['w', slug, 'ladder', 'tree'] as const,
  node: (slug: string, id: string) => ['w', slug, 'ladder', 'node', id] as const,
  check: (slug: string) => ['w', slug, 'ladder', 'check'] as const,
};

/** GET …/ladder/tree: the ladder down to the action lines, or (`parentId`) one node's children; filtered on the server. */
export function treeQuery(slug: string, query: TreeFilter & { parentId?: string } = {}) {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
  params.sort();
  const search = params.toString();
  return queryOptions({
    queryKey: [...ladderKeys.tree(slug), search],
    queryFn: () => api.get<TreeView>(wsPath(slug, search ? `ladder/tree?${search}` : 'ladder/tree')),
    staleTime: 30_000,
  });
}

/** The ladder down to the action lines (with `filter`: the matches and the nodes above them); while a new filter's answer loads, the previous one stays as placeholder, so the page around the tree stays put. */
export function useTree(filter: TreeFilter = {}) {
  const { workspace } = useWorkspace();
  return useQuery({ ...treeQuery(workspace.slug, filter), placeholderData: keepPreviousData });
}

export interface Lookups {
  partners: { id: string; name: string }[];
  members: { userId: string; name: string }[];
  areas: { id: string; name: string; code: string | null; year: number }[];
}

/** Partners, members and areas: for the filters, the form and the names on a node's page. */
export function useLookups() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: [...ladderKeys.all(workspace.slug), 'lookups'],
    staleTime: 60_000,
    queryFn: async (): Promise<Lookups> => {
      const [partners, members] = await Promise.all([
        api.get<List<{ id: string; name: string }>>(wsPath(workspace.slug, 'partners')),
        api.get<List<{ userId: string; name: string }>>(wsPath(workspace.slug, 'members')),
      ]);
      const areas: Lookups['areas'] = [];
      for (let offset = 0; offset < 20_000; offset += 500) {
        const page = await api.get<AreaListView>(wsPath(workspace.slug, `areas?limit=500&offset=${offset}`));
        areas.push(...page.items);
        if (page.items.length < 500) break;
      }
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');
      return { partners: [...partners.items].sort(byName), members: [...members.items].sort(byName), areas: areas.sort(byName) };
    },
  });
}

export function useLabels() {
  const t = useT(m);
  return {
    rung: (r: Rung) => t(`rung.${r}`),
    rungPlural: (r: Rung) => t(`rungPlural.${r}`),
    phase: (p: string) => t(`phase.${p as (typeof PHASE_LIST)[number]}`),
    status: (s: string) => t(`status.${s as (typeof STATUS_LIST)[number]}`),
    kind: (k: string) => t(`kind.${k as (typeof KIND_LIST)[number]}`),
    element: (k: string) => t(`element.${k as (typeof ELEMENT_KIND_LIST)[number]}`),
    assumption: (s: string) => t(`assumption.${s as (typeof ASSUMPTION_STATUS_LIST)[number]}`),
  };
}

/** A small label with text (never colour alone): rung, phase, status. */
export function Badge({ kind, value, children }: { kind: 'rung' | 'phase' | 'status' | 'public' | 'assumption'; value?: string; children: React.ReactNode }) {
  return <span className={cx('dichter-badge', `dichter-badge--${kind}`, value && `dichter-badge--${kind}-${value}`)}>{children}</span>;
}

/** "AL-001 Title" or just the title. */
export const nodeLabel = (n: { code: string | null; title: string }) => (n.code ? `${n.code} ${n.title}` : n.title);

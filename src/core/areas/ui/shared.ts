import { useQuery } from '@tanstack/react-query';
import { api, wsPath, type List } from '../../../web/api';
import { useT } from '../../../web/i18n';
import { useWorkspace } from '../../../web/workspace';
import type { AreaKind, AreaListView } from '../schema';
import { m } from './messages';

export type { AreaKind };

const kinds: Record<AreaKind, true> = { gemeente: true, wijk: true, buurt: true, straat: true, complex: true, gebied: true };
export const KIND_LIST = Object.keys(kinds) as AreaKind[];
/** Kinds a workspace adds by hand; gemeenten, wijken and buurten come from CBS imports. */
export const MANUAL_KINDS: AreaKind[] = ['straat', 'complex', 'gebied'];

export function isKind(value: string | null): value is AreaKind {
  return !!value && value in kinds;
}

export function useKindLabel() {
  const t = useT(m);
  return {
    one: (kind: AreaKind) => t(`kind.${kind}`),
    many: (kind: AreaKind) => t(`kindPlural.${kind}`),
  };
}

export const areaKeys = {
  all: (slug: string) => ['w', slug, 'areas'] as const,
  lists: (slug: string) => ['w', slug, 'areas', 'list'] as const,
  years: (slug: string) => ['w', slug, 'areas', 'years'] as const,
  maps: (slug: string) => ['w', slug, 'areas', 'geojson'] as const,
};

export function useAreaYears() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: areaKeys.years(workspace.slug),
    queryFn: () => api.get<List<{ year: number; count: number }>>(wsPath(workspace.slug, 'areas/years')),
  });
}

/** What the member may do with the workspace's areas, as the list answers it (`can`); the screen never derives it from the role. */
export function useAreaAbilities() {
  const { workspace } = useWorkspace();
  return useQuery({
    queryKey: [...areaKeys.lists(workspace.slug), 'abilities'],
    queryFn: async () => (await api.get<AreaListView>(wsPath(workspace.slug, 'areas?limit=1'))).can,
  });
}
export type AreaAbility = keyof AreaListView['can'];

export const CLI_IMPORT = (slug: string) => `npx dichter import areas --workspace ${slug} buurten.geojson`;

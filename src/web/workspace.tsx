import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { WorkspaceView } from '../core/workspaces/schema';
import { api, wsPath, type List } from './api';

export type { WorkspaceView };

export interface NavItem {
  path: string;
  label: string;
  module: string;
  order: number;
}

export const workspaceKeys = {
  all: ['workspaces'] as const,
  one: (slug: string) => ['w', slug] as const,
  nav: (slug: string) => ['w', slug, 'nav'] as const,
};

export function useMyWorkspaces(enabled = true) {
  return useQuery({ queryKey: workspaceKeys.all, queryFn: () => api.get<List<WorkspaceView>>('/api/workspaces'), enabled });
}

export function useWorkspaceQuery(slug: string) {
  return useQuery({ queryKey: workspaceKeys.one(slug), queryFn: () => api.get<WorkspaceView>(wsPath(slug)) });
}

export function useNavQuery(slug: string) {
  return useQuery({ queryKey: workspaceKeys.nav(slug), queryFn: () => api.get<List<NavItem>>(wsPath(slug, 'nav')) });
}

const WorkspaceContext = createContext<{ workspace: WorkspaceView; nav: NavItem[] } | null>(null);
export const WorkspaceProvider = WorkspaceContext.Provider;

/** The current workspace (settings, your role and what you may do) inside /w/:slug. */
export function useWorkspace() {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace() outside a workspace');
  return value;
}

/** `/w/<slug>/<rest>`: a page of the current workspace. */
export function usePagePath() {
  const { workspace } = useWorkspace();
  return (rest = '') => `/w/${workspace.slug}${rest ? `/${rest.replace(/^\//, '')}` : ''}`;
}

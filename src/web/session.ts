import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { UserView } from '../platform/auth/schema';
import { api, setCsrfToken } from './api';
import { useLocale, type Locale } from './i18n';

export type ThemeName = 'voorbeeld' | 'rijkshuisstijl';

export interface SessionView {
  user: UserView | null;
  csrfToken: string | null;
  oidc: { enabled: boolean; label: string };
  theme: ThemeName;
  version: string;
}

export const sessionKey = ['session'] as const;

export async function fetchSession() {
  const session = await api.get<SessionView>('/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** Signs out on the server, forgets every cached answer and keeps only the anonymous session. */
export function useSignOut() {
  const client = useQueryClient();
  return useCallback(async () => {
    try {
      await api.post('/api/auth/sign-out');
    } finally {
      setCsrfToken(null);
      const session = client.getQueryData<SessionView>(sessionKey);
      client.clear();
      if (session) client.setQueryData<SessionView>(sessionKey, { ...session, user: null, csrfToken: null });
    }
  }, [client]);
}

/**
 * Switches the language and, for a signed-in person, saves it in their account (PATCH /api/me),
 * so it follows them to other devices.
 */
export function useSwitchLocale() {
  const { setLocale } = useLocale();
  const client = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      setLocale(locale);
      if (!client.getQueryData<SessionView>(sessionKey)?.user) return;
      try {
        const user = await api.patch<UserView>('/api/me', { locale });
        client.setQueryData<SessionView>(sessionKey, (s) => (s?.user ? { ...s, user } : s));
      } catch {
        // The switch itself worked and is remembered on this device; the account keeps its old language.
      }
    },
    [setLocale, client],
  );
}

/** The theme class on <html>: the installation's theme, or the workspace's own while inside it. */
export function applyTheme(theme: ThemeName | undefined) {
  if (!theme) return;
  const el = document.documentElement;
  el.classList.remove('voorbeeld-theme', 'rijkshuisstijl-theme');
  el.classList.add(`${theme}-theme`);
  el.dataset.theme = theme;
}

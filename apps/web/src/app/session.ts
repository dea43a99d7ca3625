import type { SessionInfo } from '@sinergi/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, setCsrfToken } from './api.ts';
import { LANGUAGE_KEY, loadLanguage } from './i18n.ts';

/** Who is signed in, with what permissions: every page and the shell need it. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async () => {
    const info = await get<SessionInfo>('/api/auth/session');
    setCsrfToken(info.csrfToken);
    return info;
  },
  staleTime: 60_000,
});

export function useSession() {
  const query = useQuery(sessionQuery);
  const can = useCallback(
    (permission: string) => query.data?.permissions.includes(permission) ?? false,
    [query.data],
  );
  return { ...query, session: query.data, can };
}

export function useLanguage() {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const toggle = useCallback(async () => {
    const next = lang === 'id' ? 'en' : 'id';
    await loadLanguage(next);
    localStorage.setItem(LANGUAGE_KEY, next);
    document.documentElement.lang = next;
    await i18n.changeLanguage(next);
    // The server's messages follow the same choice.
    await post('/api/auth/language', { language: next }).catch(() => undefined);
    await client.invalidateQueries();
  }, [lang, i18n, client]);
  return { lang, toggle } as const;
}

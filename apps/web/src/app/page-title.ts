import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { noteTitle } from './drawn-parts.ts';
import { accountNav, adminNav, mainNav, type NavItem } from './feature.ts';

const APP = 'Sinergi';

/**
 * The navigation entry a page is under: the entry with the longest address the page's starts with
 * (a desa's scorecard is under the village index), one for the reader's role first where two
 * entries share an address.
 */
export function sectionOf(pathname: string, role: string): NavItem | undefined {
  const under = (item: NavItem) =>
    item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
  const fits = (item: NavItem) => !item.roles || item.roles.includes(role);
  let best: NavItem | undefined;
  for (const item of [...mainNav, ...adminNav, accountNav].filter(under))
    if (
      !best ||
      item.to.length > best.to.length ||
      (item.to.length === best.to.length && fits(item) && !fits(best))
    )
      best = item;
  return best;
}

/**
 * Gives the page its title, "<page> · Sinergi", as the browser's tab, history and a screen reader
 * name it (WCAG 2.4.2): set in the browser, and noted when the server draws the page so its first
 * HTML carries it too (entry-server.tsx). Every page had "Sinergi" alone.
 */
export function usePageTitle(page: string | null): void {
  const title = page ? `${page} · ${APP}` : APP;
  noteTitle(title);
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** The title of the page at `pathname`: its section's name in the navigation. */
export function useSectionTitle(pathname: string, role: string): void {
  const { t } = useTranslation();
  const section = sectionOf(pathname, role);
  usePageTitle(section ? t(section.label) : null);
}

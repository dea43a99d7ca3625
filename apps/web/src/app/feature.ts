import type { ComponentType } from 'react';
import type { TextKey } from './i18n.ts';

/**
 * What a web feature adds to the app, declared in its own `features/<name>/feature.ts`: its pages
 * (paths under the shell, each with the permission that opens it; `open` pages need no sign-in when
 * the anonymous role holds the permission) and its navigation entries. The app finds every
 * feature.ts itself, so adding a feature touches no central list.
 */
/** The navigation's groups, in the order of the planning year's work. */
export const navGroups = ['planning', 'budget', 'monitoring', 'data', 'public'] as const;
export type NavGroup = (typeof navGroups)[number];

export interface NavItem {
  /** Place in the navigation, across features (lower first). */
  order: number;
  /** The group it is listed under; none for the home entry at the top. */
  group?: NavGroup;
  /** Only these roles see the entry (besides holding its permission): a desa has no use for an import page. */
  roles?: readonly string[];
  to: string;
  label: TextKey;
  match?: string;
  permission?: string;
  exact?: boolean;
  /** Only on the installation's first government (its page is there alone). */
  installation?: boolean;
  /**
   * Also at a province's Sinergi. A province plans (its RPJMD and Renstra, the synchronisation
   * with its kabupaten) and reads the village index; Musrenbang, projects, votes and the rest are a
   * kabupaten's work, so its menu leaves them out. The administration entries are always shown.
   */
  province?: boolean;
}
export interface FeatureRoute {
  path: string;
  page: ComponentType;
  permission?: string;
  open?: boolean;
}
export interface Feature {
  routes?: FeatureRoute[];
  nav?: NavItem[];
  adminNav?: NavItem[];
}

const found = import.meta.glob<{ feature: Feature }>('../features/*/feature.ts', { eager: true });
const features = Object.values(found).map((m) => m.feature);
const byOrder = (a: NavItem, b: NavItem) => a.order - b.order;

export const featureRoutes: FeatureRoute[] = features.flatMap((f) => f.routes ?? []);
export const mainNav: NavItem[] = features.flatMap((f) => f.nav ?? []).sort(byOrder);
export const adminNav: NavItem[] = features.flatMap((f) => f.adminNav ?? []).sort(byOrder);
/** The reader's own account, at the foot of the navigation. */
export const accountNav: NavItem = { order: 0, to: '/akun', label: 'nav.account', province: true };

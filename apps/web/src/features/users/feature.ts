import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const UsersPage = lazy(() => import('./UsersPage.tsx'));

/** What the users feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [{ path: 'pengguna', page: UsersPage, permission: 'users.manage' }],
  adminNav: [{ order: 10, to: '/pengguna', label: 'nav.users', permission: 'users.manage' }],
};

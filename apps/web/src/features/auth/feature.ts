import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const AccountPage = lazy(() => import('./AccountPage.tsx'));

/** What the auth feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [{ path: 'akun', page: AccountPage, permission: 'account.self' }],
};

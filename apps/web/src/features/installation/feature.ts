import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const InstallationPage = lazy(() => import('./InstallationPage.tsx'));

/** The installation's page: its first government's administrators add kabupaten and provinces. */
export const feature: Feature = {
  routes: [{ path: 'instalasi', page: InstallationPage, permission: 'installation.manage' }],
  adminNav: [
    {
      order: 5,
      to: '/instalasi',
      label: 'nav.installation',
      permission: 'installation.manage',
      installation: true,
    },
  ],
};

import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const OrganisationsPage = lazy(() => import('./OrganisationsPage.tsx'));

/** What the organisations feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [{ path: 'perangkat-daerah', page: OrganisationsPage }],
  nav: [
    {
      order: 190,
      group: 'data',
      to: '/perangkat-daerah',
      label: 'nav.organisations',
      permission: 'organisations.read',
      province: true,
    },
  ],
};

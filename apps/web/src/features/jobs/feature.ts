import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const JobsPage = lazy(() => import('./JobsPage.tsx'));

/** What the jobs feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [{ path: 'pekerjaan', page: JobsPage, permission: 'jobs.read' }],
  nav: [
    {
      order: 191,
      group: 'data',
      to: '/pekerjaan',
      label: 'nav.jobs',
      permission: 'jobs.read',
      roles: ['admin', 'perencana'],
      province: true,
    },
  ],
};

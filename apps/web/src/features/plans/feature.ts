import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const PlanDataPage = lazy(() => import('./PlanDataPage.tsx'));
const PlanPage = lazy(() => import('./PlanPage.tsx'));
const PlanningPage = lazy(() => import('./PlanningPage.tsx'));
const ProvincePage = lazy(() => import('./ProvincePage.tsx'));
const TargetsPage = lazy(() => import('./TargetsPage.tsx'));

/** What the plans feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [
    { path: 'perencanaan', page: PlanningPage, permission: 'plans.read', open: true },
    { path: 'perencanaan/data', page: PlanDataPage, permission: 'plans.manage' },
    { path: 'capaian', page: TargetsPage, permission: 'plans.read', open: true },
    { path: 'perencanaan/provinsi', page: ProvincePage, permission: 'plans.read', open: true },
    // A kabupaten's plan, read by its province.
    { path: 'perencanaan/provinsi/:code/:id', page: PlanPage, permission: 'plans.read', open: true },
    { path: 'perencanaan/:id', page: PlanPage, permission: 'plans.read', open: true },
  ],
  nav: [
    {
      order: 70,
      group: 'planning',
      to: '/perencanaan',
      label: 'nav.planning',
      permission: 'plans.read',
      province: true,
    },
    {
      order: 71,
      group: 'monitoring',
      to: '/capaian',
      label: 'nav.targets',
      permission: 'plans.read',
      province: true,
    },
  ],
};

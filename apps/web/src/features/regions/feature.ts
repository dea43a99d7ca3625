import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const RegionPage = lazy(() => import('./RegionPage.tsx'));

/** What the regions feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [
    { path: 'wilayah', page: RegionPage, permission: 'regions.read', open: true },
    { path: 'wilayah/:code', page: RegionPage, permission: 'regions.read', open: true },
  ],
  nav: [
    { order: 100, group: 'data', to: '/wilayah', label: 'nav.regions', match: '/wilayah', province: true },
  ],
};

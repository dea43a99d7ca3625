import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const OpenDataPage = lazy(() => import('./OpenDataPage.tsx'));

/** Open data (issue 21, Satu Data): every public table to download, with its dictionary. */
export const feature: Feature = {
  routes: [{ path: 'data-terbuka', page: OpenDataPage, permission: 'opendata.read', open: true }],
  nav: [
    { order: 185, group: 'public', to: '/data-terbuka', label: 'nav.opendata', permission: 'opendata.read' },
  ],
};

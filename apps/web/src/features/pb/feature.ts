import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const ElectionPage = lazy(() => import('./ElectionPage.tsx'));
const ElectionsPage = lazy(() => import('./ElectionsPage.tsx'));

/** What the pb feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [
    { path: 'anggaran-partisipatif', page: ElectionsPage, permission: 'pb.read', open: true },
    { path: 'anggaran-partisipatif/:id', page: ElectionPage, permission: 'pb.read', open: true },
  ],
  nav: [{ order: 60, group: 'budget', to: '/anggaran-partisipatif', label: 'nav.pb', permission: 'pb.read' }],
};

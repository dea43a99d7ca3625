import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const DesaScorecardPage = lazy(() => import('./DesaScorecardPage.tsx'));
const ImportPage = lazy(() => import('./ImportPage.tsx'));
const IndexDashboardPage = lazy(() => import('./IndexDashboardPage.tsx'));
const SchemesPage = lazy(() => import('./SchemesPage.tsx'));
const WorklistPage = lazy(() => import('./WorklistPage.tsx'));

/** What the village-index feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [
    { path: 'indeks-desa', page: IndexDashboardPage, permission: 'index.read', open: true },
    { path: 'indeks-desa/verifikasi', page: WorklistPage, permission: 'index.worklist' },
    { path: 'indeks-desa/impor', page: ImportPage, permission: 'index.import' },
    { path: 'indeks-desa/skema', page: SchemesPage, permission: 'index.read' },
    { path: 'indeks-desa/:code', page: DesaScorecardPage, permission: 'index.read', open: true },
  ],
  nav: [
    { order: 30, to: '/indeks-desa', label: 'nav.villageIndex', permission: 'index.read', exact: true },
    { order: 31, to: '/indeks-desa/verifikasi', label: 'nav.worklist', permission: 'index.worklist' },
    { order: 32, to: '/indeks-desa/impor', label: 'nav.indexImport', permission: 'index.import' },
    { order: 33, to: '/indeks-desa/skema', label: 'nav.schemes', permission: 'index.schemes.manage' },
  ],
};

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
    {
      order: 95,
      group: 'data',
      to: '/indeks-desa',
      label: 'nav.villageIndex',
      permission: 'index.read',
      exact: true,
      province: true,
    },
    {
      order: 42,
      group: 'planning',
      to: '/indeks-desa/verifikasi',
      label: 'nav.worklist',
      permission: 'index.worklist',
      roles: ['admin', 'perencana', 'kecamatan'],
    },
    // The desa's own entry of the year, on the same page.
    {
      order: 42,
      group: 'planning',
      to: '/indeks-desa/verifikasi',
      label: 'nav.indexEntry',
      permission: 'index.enter',
      roles: ['desa'],
    },
    {
      order: 96,
      group: 'data',
      to: '/indeks-desa/impor',
      label: 'nav.indexImport',
      permission: 'index.import',
      province: true,
    },
    {
      order: 97,
      group: 'data',
      to: '/indeks-desa/skema',
      label: 'nav.schemes',
      permission: 'index.schemes.manage',
    },
  ],
};

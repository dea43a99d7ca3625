import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const PovertyPage = lazy(() => import('./PovertyPage.tsx'));
const ProgramPage = lazy(() => import('./ProgramPage.tsx'));
const ProgramsPage = lazy(() => import('./ProgramsPage.tsx'));
const RegistryPage = lazy(() => import('./RegistryPage.tsx'));
const UmkmPage = lazy(() => import('./UmkmPage.tsx'));

/** What the programs feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [
    { path: 'program', page: ProgramsPage, permission: 'programs.read' },
    { path: 'program/:id', page: ProgramPage, permission: 'programs.read' },
    { path: 'penduduk', page: RegistryPage, permission: 'registry.read' },
    { path: 'umkm', page: UmkmPage, permission: 'registry.read' },
    { path: 'kemiskinan', page: PovertyPage, permission: 'poverty.read', open: true },
  ],
  nav: [
    { order: 90, group: 'monitoring', to: '/program', label: 'nav.programList', permission: 'programs.read' },
    { order: 91, group: 'data', to: '/penduduk', label: 'nav.registry', permission: 'registry.read' },
    { order: 92, group: 'data', to: '/umkm', label: 'nav.umkm', permission: 'registry.read' },
    { order: 93, group: 'data', to: '/kemiskinan', label: 'nav.poverty', permission: 'poverty.read' },
  ],
};

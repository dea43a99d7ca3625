import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const ComparePage = lazy(() => import('./ComparePage.tsx'));
const ScenarioPage = lazy(() => import('./ScenarioPage.tsx'));
const ScenariosPage = lazy(() => import('./ScenariosPage.tsx'));

/** What the allocation feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [
    { path: 'skenario', page: ScenariosPage, permission: 'allocation.read' },
    { path: 'skenario/banding', page: ComparePage, permission: 'allocation.read' },
    { path: 'skenario/:id', page: ScenarioPage, permission: 'allocation.read' },
  ],
  nav: [{ order: 50, group: 'budget', to: '/skenario', label: 'nav.budget', permission: 'allocation.read' }],
};

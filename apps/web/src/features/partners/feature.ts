import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const PartnersPage = lazy(() => import('./PartnersPage.tsx'));
const PartnerPage = lazy(() => import('./PartnerPage.tsx'));

/** Development partners, their agreements and the CSR catalogue (issue 21). */
export const feature: Feature = {
  routes: [
    { path: 'mitra', page: PartnersPage, permission: 'partners.read', open: true },
    { path: 'mitra/:id', page: PartnerPage, permission: 'partners.read', open: true },
  ],
  nav: [{ order: 150, group: 'budget', to: '/mitra', label: 'nav.partners', permission: 'partners.read' }],
};

import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const ConsultationsPage = lazy(() => import('./ConsultationsPage.tsx'));
const ConsultationPage = lazy(() => import('./ConsultationPage.tsx'));

/** Public consultation on draft plans (issue 21; Permendagri 86/2017). */
export const feature: Feature = {
  routes: [
    { path: 'konsultasi', page: ConsultationsPage, permission: 'consultations.read', open: true },
    { path: 'konsultasi/:id', page: ConsultationPage, permission: 'consultations.read', open: true },
  ],
  nav: [
    {
      order: 183,
      group: 'public',
      to: '/konsultasi',
      label: 'nav.consultations',
      permission: 'consultations.read',
    },
  ],
};

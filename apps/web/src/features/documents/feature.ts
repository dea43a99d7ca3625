import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const DocumentSettingsPage = lazy(() => import('./DocumentSettingsPage.tsx'));

/** The office's letterhead and document numbering (Bappeda and the admin set them). */
export const feature: Feature = {
  routes: [{ path: 'kop-surat', page: DocumentSettingsPage, permission: 'documents.manage' }],
  adminNav: [{ order: 30, to: '/kop-surat', label: 'nav.documents', permission: 'documents.manage' }],
};

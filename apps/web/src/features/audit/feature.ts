import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const AuditPage = lazy(() => import('./AuditPage.tsx'));

/** What the audit feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [{ path: 'audit', page: AuditPage, permission: 'audit.read' }],
  adminNav: [{ order: 20, to: '/audit', label: 'nav.audit', permission: 'audit.read' }],
};

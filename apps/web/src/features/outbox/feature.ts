import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const OutboxPage = lazy(() => import('./OutboxPage.tsx'));

/** The writes kept on the device until they can be sent (issue 20, work without a connection). */
export const feature: Feature = {
  routes: [{ path: 'antrean', page: OutboxPage, permission: 'account.self' }],
};

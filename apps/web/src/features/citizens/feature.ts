import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const RegisterPage = lazy(() => import('./RegisterPage.tsx'));
const VerifyPage = lazy(() => import('./VerifyPage.tsx'));

/** Citizens' own accounts (issue 20): register, open the mailed link, then support and comment. */
export const feature: Feature = {
  routes: [
    { path: 'warga/daftar', page: RegisterPage, permission: 'proposals.track', open: true },
    { path: 'warga/verifikasi', page: VerifyPage, permission: 'proposals.track', open: true },
  ],
};

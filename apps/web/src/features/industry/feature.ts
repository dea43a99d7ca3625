import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const IndustryPage = lazy(() => import('./IndustryPage.tsx'));
const IndustryDetailPage = lazy(() => import('./IndustryDetailPage.tsx'));
const AnalysisPage = lazy(() => import('./AnalysisPage.tsx'));
const TrainingsPage = lazy(() => import('./TrainingsPage.tsx'));
const TrainingPage = lazy(() => import('./TrainingPage.tsx'));
const SentraPage = lazy(() => import('./SentraPage.tsx'));

/** The industry registry, its analysis and green trainings (staff), and the sentra IKM (public); issue 21. */
export const feature: Feature = {
  routes: [
    { path: 'industri', page: IndustryPage, permission: 'industry.read' },
    { path: 'industri/analisis', page: AnalysisPage, permission: 'industry.read' },
    { path: 'industri/pelatihan', page: TrainingsPage, permission: 'industry.read' },
    { path: 'industri/pelatihan/:id', page: TrainingPage, permission: 'industry.read' },
    { path: 'industri/:id', page: IndustryDetailPage, permission: 'industry.read' },
    { path: 'sentra-ikm', page: SentraPage, permission: 'industry.public', open: true },
  ],
  nav: [
    {
      order: 94,
      group: 'data',
      to: '/industri',
      label: 'nav.industry',
      permission: 'industry.read',
      match: '/industri',
    },
    {
      order: 186,
      group: 'public',
      to: '/sentra-ikm',
      label: 'nav.sentra',
      permission: 'industry.public',
    },
  ],
};

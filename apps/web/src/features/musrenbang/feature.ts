import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const AspirationPage = lazy(() => import('./AspirationPage.tsx'));
const PublicProposalsPage = lazy(() => import('./PublicProposalsPage.tsx'));
const ForumPage = lazy(() => import('./ForumPage.tsx'));
const ForumsPage = lazy(() => import('./ForumsPage.tsx'));
const ProposalDetailPage = lazy(() => import('./ProposalDetailPage.tsx'));
const ProposalFormPage = lazy(() => import('./ProposalFormPage.tsx'));
const ProposalsPage = lazy(() => import('./ProposalsPage.tsx'));
const TrackPage = lazy(() => import('./TrackPage.tsx'));

/** What the musrenbang feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [
    { path: 'usulan', page: ProposalsPage, permission: 'proposals.read' },
    { path: 'usulan/baru', page: ProposalFormPage, permission: 'proposals.create' },
    { path: 'usulan/:id', page: ProposalDetailPage, permission: 'proposals.read' },
    { path: 'forum', page: ForumsPage, permission: 'forums.read' },
    { path: 'forum/:id', page: ForumPage, permission: 'forums.read' },
    { path: 'aspirasi', page: AspirationPage, permission: 'aspirations.submit', open: true },
    { path: 'usulan-publik', page: PublicProposalsPage, permission: 'proposals.track', open: true },
    { path: 'lacak', page: TrackPage, permission: 'proposals.track', open: true },
    { path: 'lacak/:code', page: TrackPage, permission: 'proposals.track', open: true },
  ],
  nav: [
    { order: 40, group: 'planning', to: '/usulan', label: 'nav.musrenbang', permission: 'proposals.read' },
    { order: 41, group: 'planning', to: '/forum', label: 'nav.forums', permission: 'forums.read' },
    {
      order: 180,
      group: 'public',
      to: '/aspirasi',
      label: 'nav.aspiration',
      permission: 'aspirations.submit',
    },
    {
      order: 179,
      group: 'public',
      to: '/usulan-publik',
      label: 'nav.publicProposals',
      permission: 'proposals.track',
    },
    { order: 181, group: 'public', to: '/lacak', label: 'nav.track', permission: 'proposals.track' },
  ],
};

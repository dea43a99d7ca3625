import { lazy } from 'react';
import type { Feature } from '../../app/feature.ts';

const ProjectFormPage = lazy(() => import('./ProjectFormPage.tsx'));
const ProjectPage = lazy(() => import('./ProjectPage.tsx'));
const ProjectsPage = lazy(() => import('./ProjectsPage.tsx'));
const RoadsPage = lazy(() => import('./RoadsPage.tsx'));

/** What the projects feature adds to the app: its pages (loaded on demand) and navigation entries. */
export const feature: Feature = {
  routes: [
    { path: 'proyek', page: ProjectsPage, permission: 'projects.read', open: true },
    { path: 'proyek/baru', page: ProjectFormPage, permission: 'projects.manage' },
    { path: 'proyek/:id', page: ProjectPage, permission: 'projects.read', open: true },
    { path: 'jalan', page: RoadsPage, permission: 'projects.read', open: true },
  ],
  nav: [
    { order: 80, group: 'monitoring', to: '/proyek', label: 'nav.projects', permission: 'projects.read' },
  ],
};

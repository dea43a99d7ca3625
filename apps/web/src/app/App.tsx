import { createTheme, Loader, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { queryCache } from './query-errors.ts';
import { Shell } from './Shell.tsx';
import { useSession } from './session.ts';

// Pages past the first screen load on demand, so the first page's JavaScript stays small.
const RegionPage = lazy(() => import('../features/regions/RegionPage.tsx'));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));
const JobsPage = lazy(() => import('../features/jobs/JobsPage.tsx'));
const OrganisationsPage = lazy(() => import('../features/organisations/OrganisationsPage.tsx'));
const AccountPage = lazy(() => import('../features/auth/AccountPage.tsx'));
const IndexDashboardPage = lazy(() => import('../features/village-index/IndexDashboardPage.tsx'));
const DesaScorecardPage = lazy(() => import('../features/village-index/DesaScorecardPage.tsx'));
const WorklistPage = lazy(() => import('../features/village-index/WorklistPage.tsx'));
const ImportPage = lazy(() => import('../features/village-index/ImportPage.tsx'));
const SchemesPage = lazy(() => import('../features/village-index/SchemesPage.tsx'));
const ProposalsPage = lazy(() => import('../features/musrenbang/ProposalsPage.tsx'));
const ProposalFormPage = lazy(() => import('../features/musrenbang/ProposalFormPage.tsx'));
const ProposalDetailPage = lazy(() => import('../features/musrenbang/ProposalDetailPage.tsx'));
const AspirationPage = lazy(() => import('../features/musrenbang/AspirationPage.tsx'));
const TrackPage = lazy(() => import('../features/musrenbang/TrackPage.tsx'));
const ScenariosPage = lazy(() => import('../features/allocation/ScenariosPage.tsx'));
const ScenarioPage = lazy(() => import('../features/allocation/ScenarioPage.tsx'));
const ComparePage = lazy(() => import('../features/allocation/ComparePage.tsx'));
const ForumsPage = lazy(() => import('../features/musrenbang/ForumsPage.tsx'));
const ForumPage = lazy(() => import('../features/musrenbang/ForumPage.tsx'));
const ProgramsPage = lazy(() => import('../features/programs/ProgramsPage.tsx'));
const ProgramPage = lazy(() => import('../features/programs/ProgramPage.tsx'));
const RegistryPage = lazy(() => import('../features/programs/RegistryPage.tsx'));
const PovertyPage = lazy(() => import('../features/programs/PovertyPage.tsx'));
const UmkmPage = lazy(() => import('../features/programs/UmkmPage.tsx'));
const ProjectsPage = lazy(() => import('../features/projects/ProjectsPage.tsx'));
const ProjectPage = lazy(() => import('../features/projects/ProjectPage.tsx'));
const ProjectFormPage = lazy(() => import('../features/projects/ProjectFormPage.tsx'));
const RoadsPage = lazy(() => import('../features/projects/RoadsPage.tsx'));
const PlanningPage = lazy(() => import('../features/plans/PlanningPage.tsx'));
const PlanPage = lazy(() => import('../features/plans/PlanPage.tsx'));
const PlanDataPage = lazy(() => import('../features/plans/PlanDataPage.tsx'));
const TargetsPage = lazy(() => import('../features/plans/TargetsPage.tsx'));
const ElectionsPage = lazy(() => import('../features/pb/ElectionsPage.tsx'));
const ElectionPage = lazy(() => import('../features/pb/ElectionPage.tsx'));

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'md', fontFamily: 'system-ui, sans-serif' });
const queryClient = new QueryClient({
  queryCache,
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

/**
 * Shows a page to those allowed. `open` pages (the public portal: regions and the village index)
 * need no sign-in when the anonymous role holds the permission.
 */
function Guard({ permission, open, children }: { permission?: string; open?: boolean; children: ReactNode }) {
  const { session, isLoading, can } = useSession();
  if (isLoading) return <Loader m="xl" />;
  if (open && permission && can(permission)) return <>{children}</>;
  if (!session?.user) return <Navigate to="/masuk" replace />;
  if (permission && !can(permission)) return <Navigate to="/" replace />;
  return <>{children}</>;
}

export function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense fallback={<Loader m="xl" />}>
            <Routes>
              <Route path="/masuk" element={<LoginPage />} />
              <Route element={<Shell />}>
                <Route
                  index
                  element={
                    <Guard>
                      <HomePage />
                    </Guard>
                  }
                />
                <Route
                  path="wilayah"
                  element={
                    <Guard permission="regions.read" open>
                      <RegionPage />
                    </Guard>
                  }
                />
                <Route
                  path="wilayah/:code"
                  element={
                    <Guard permission="regions.read" open>
                      <RegionPage />
                    </Guard>
                  }
                />
                <Route
                  path="indeks-desa"
                  element={
                    <Guard permission="index.read" open>
                      <IndexDashboardPage />
                    </Guard>
                  }
                />
                <Route
                  path="indeks-desa/verifikasi"
                  element={
                    <Guard permission="index.worklist">
                      <WorklistPage />
                    </Guard>
                  }
                />
                <Route
                  path="indeks-desa/impor"
                  element={
                    <Guard permission="index.import">
                      <ImportPage />
                    </Guard>
                  }
                />
                <Route
                  path="indeks-desa/skema"
                  element={
                    <Guard permission="index.read">
                      <SchemesPage />
                    </Guard>
                  }
                />
                <Route
                  path="indeks-desa/:code"
                  element={
                    <Guard permission="index.read" open>
                      <DesaScorecardPage />
                    </Guard>
                  }
                />
                <Route
                  path="usulan"
                  element={
                    <Guard permission="proposals.read">
                      <ProposalsPage />
                    </Guard>
                  }
                />
                <Route
                  path="usulan/baru"
                  element={
                    <Guard permission="proposals.create">
                      <ProposalFormPage />
                    </Guard>
                  }
                />
                <Route
                  path="usulan/:id"
                  element={
                    <Guard permission="proposals.read">
                      <ProposalDetailPage />
                    </Guard>
                  }
                />
                <Route
                  path="skenario"
                  element={
                    <Guard permission="allocation.read">
                      <ScenariosPage />
                    </Guard>
                  }
                />
                <Route
                  path="skenario/banding"
                  element={
                    <Guard permission="allocation.read">
                      <ComparePage />
                    </Guard>
                  }
                />
                <Route
                  path="skenario/:id"
                  element={
                    <Guard permission="allocation.read">
                      <ScenarioPage />
                    </Guard>
                  }
                />
                <Route
                  path="perencanaan"
                  element={
                    <Guard permission="plans.read" open>
                      <PlanningPage />
                    </Guard>
                  }
                />
                <Route
                  path="perencanaan/data"
                  element={
                    <Guard permission="plans.manage">
                      <PlanDataPage />
                    </Guard>
                  }
                />
                <Route
                  path="capaian"
                  element={
                    <Guard permission="plans.read" open>
                      <TargetsPage />
                    </Guard>
                  }
                />
                <Route
                  path="perencanaan/:id"
                  element={
                    <Guard permission="plans.read" open>
                      <PlanPage />
                    </Guard>
                  }
                />
                <Route
                  path="proyek"
                  element={
                    <Guard permission="projects.read" open>
                      <ProjectsPage />
                    </Guard>
                  }
                />
                <Route
                  path="proyek/baru"
                  element={
                    <Guard permission="projects.manage">
                      <ProjectFormPage />
                    </Guard>
                  }
                />
                <Route
                  path="proyek/:id"
                  element={
                    <Guard permission="projects.read" open>
                      <ProjectPage />
                    </Guard>
                  }
                />
                <Route
                  path="jalan"
                  element={
                    <Guard permission="projects.read" open>
                      <RoadsPage />
                    </Guard>
                  }
                />
                <Route
                  path="program"
                  element={
                    <Guard permission="programs.read">
                      <ProgramsPage />
                    </Guard>
                  }
                />
                <Route
                  path="program/:id"
                  element={
                    <Guard permission="programs.read">
                      <ProgramPage />
                    </Guard>
                  }
                />
                <Route
                  path="penduduk"
                  element={
                    <Guard permission="registry.read">
                      <RegistryPage />
                    </Guard>
                  }
                />
                <Route
                  path="umkm"
                  element={
                    <Guard permission="registry.read">
                      <UmkmPage />
                    </Guard>
                  }
                />
                <Route
                  path="kemiskinan"
                  element={
                    <Guard permission="poverty.read" open>
                      <PovertyPage />
                    </Guard>
                  }
                />
                <Route
                  path="anggaran-partisipatif"
                  element={
                    <Guard permission="pb.read" open>
                      <ElectionsPage />
                    </Guard>
                  }
                />
                <Route
                  path="anggaran-partisipatif/:id"
                  element={
                    <Guard permission="pb.read" open>
                      <ElectionPage />
                    </Guard>
                  }
                />
                <Route
                  path="forum"
                  element={
                    <Guard permission="forums.read">
                      <ForumsPage />
                    </Guard>
                  }
                />
                <Route
                  path="forum/:id"
                  element={
                    <Guard permission="forums.read">
                      <ForumPage />
                    </Guard>
                  }
                />
                <Route
                  path="aspirasi"
                  element={
                    <Guard permission="aspirations.submit" open>
                      <AspirationPage />
                    </Guard>
                  }
                />
                <Route
                  path="lacak"
                  element={
                    <Guard permission="proposals.track" open>
                      <TrackPage />
                    </Guard>
                  }
                />
                <Route
                  path="lacak/:code"
                  element={
                    <Guard permission="proposals.track" open>
                      <TrackPage />
                    </Guard>
                  }
                />
                <Route
                  path="perangkat-daerah"
                  element={
                    <Guard>
                      <OrganisationsPage />
                    </Guard>
                  }
                />
                <Route
                  path="pekerjaan"
                  element={
                    <Guard permission="jobs.read">
                      <JobsPage />
                    </Guard>
                  }
                />
                <Route
                  path="pengguna"
                  element={
                    <Guard permission="users.manage">
                      <UsersPage />
                    </Guard>
                  }
                />
                <Route
                  path="audit"
                  element={
                    <Guard permission="audit.read">
                      <AuditPage />
                    </Guard>
                  }
                />
                <Route
                  path="akun"
                  element={
                    <Guard permission="account.self">
                      <AccountPage />
                    </Guard>
                  }
                />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

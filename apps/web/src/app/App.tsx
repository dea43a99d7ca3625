import { createTheme, Loader, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import { featureRoutes } from './feature.ts';
import { PageTakenOver, UntilHydrated } from './hydrated.tsx';
import { queryCache } from './query-errors.ts';
import { byPrecedence, Navigate, Route, Router, Switch } from './router.tsx';
import { Shell } from './Shell.tsx';
import { useSession } from './session.ts';

// The home, the portal and the sign-in page are loaded when shown, as every page is: none of them
// waits for the others' code.
const LoginPage = lazy(() =>
  import('../features/auth/LoginPage.tsx').then((m) => ({ default: m.LoginPage })),
);
const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const PortalPage = lazy(() =>
  import('../features/home/PortalPage.tsx').then((m) => ({ default: m.PortalPage })),
);

/** `/` is the account's home once signed in, and the public portal for everyone else (issue 20). */
function Index() {
  const { session, isLoading } = useSession();
  if (isLoading) return <Loader m="xl" />;
  // A citizen's account has no office work waiting: its home is the portal too.
  return session?.user && session.user.role !== 'warga' ? <HomePage /> : <PortalPage />;
}

const routes = byPrecedence(featureRoutes);
const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'system-ui, sans-serif',
  // A wide table scrolls in the browser's own box (smooth on a phone), not in Mantine's ScrollArea,
  // which vite.config.ts keeps out of the tables' code (issue 18).
  // A badge is a span, not Mantine's div: pages put badges in a line of text (a <p>), and a <p>
  // holding a <div> is not HTML a browser keeps, so the page the server drew did not match.
  // A select's list of options is drawn when it opens, not kept hidden in the page: kept, every
  // select drew all its options (the kamus: every item) as the app took over a page the server drew,
  // in one synchronous task (issue 18).
  components: {
    Combobox: { defaultProps: { keepMounted: false } },
    TableScrollContainer: { defaultProps: { type: 'native' } },
    // Its words are whole: in a narrow table column Mantine cut them to 'TERPI…' or 'c…'.
    Badge: { defaultProps: { component: 'span' }, styles: { label: { overflow: 'visible' } } },
  },
});
export const queryClient = new QueryClient({
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

/** Where the server draws the app (entry-server.tsx): the address, and where a redirect is noted. */
export interface OnServer {
  path: string;
  context: { redirectTo?: string };
}

/**
 * The app. In the browser it reads the address bar and shares `queryClient`; the server draws a
 * page's first HTML at an address, with a client of that request's own.
 */
export function App({ client = queryClient, server }: { client?: QueryClient; server?: OnServer }) {
  const app = (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={client}>
        <UntilHydrated>
          <Suspense fallback={<Loader m="xl" />}>
            <Switch>
              <Route path="/masuk">
                <LoginPage />
                <PageTakenOver />
              </Route>
              <Route>
                <Shell>
                  <Switch>
                    <Route path="/">
                      <Index />
                    </Route>
                    {routes.map(({ path, page: Page, permission, open }) => (
                      <Route key={path} path={`/${path}`}>
                        <Guard permission={permission} open={open}>
                          <Page />
                        </Guard>
                      </Route>
                    ))}
                    <Route>
                      <Navigate to="/" replace />
                    </Route>
                  </Switch>
                </Shell>
              </Route>
            </Switch>
          </Suspense>
        </UntilHydrated>
      </QueryClientProvider>
    </MantineProvider>
  );
  return server ? (
    <Router ssrPath={server.path} ssrContext={server.context}>
      {app}
    </Router>
  ) : (
    app
  );
}

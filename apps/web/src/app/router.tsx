import { Redirect, useLocation } from 'wouter';

/**
 * The app's router: wouter (about 2 kB gzip) in place of React Router, which was 11 kB gzip of the
 * first page's JavaScript for the few things the app asks of a router (issue 18). Pages import these names
 * from here, in React Router's shapes: `navigate(to, { replace })`, `<Navigate to replace />`.
 */
export { Link, Route, Router, Switch, useParams, useSearchParams } from 'wouter';

/** A function that goes to a path of the app; `{ replace: true }` takes the place of the current entry. */
export function useNavigate() {
  return useLocation()[1];
}

/** The path shown, without its query. */
export function usePathname() {
  return useLocation()[0];
}

/** Goes to `to` once drawn. */
export function Navigate({ to, replace }: { to: string; replace?: boolean }) {
  return <Redirect to={to} replace={replace} />;
}

/**
 * Paths in the order they are to be tried: a fixed segment before a parameter at the same place
 * (`usulan/baru` before `usulan/:id`), otherwise as listed. React Router ranked them itself;
 * wouter's Switch takes the first that matches.
 */
export function byPrecedence<T extends { path: string }>(routes: readonly T[]): T[] {
  const rank = (path: string) => path.split('/').map((segment) => (segment.startsWith(':') ? 1 : 0));
  return [...routes].sort((a, b) => {
    const [x, y] = [rank(a.path), rank(b.path)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return 0;
  });
}

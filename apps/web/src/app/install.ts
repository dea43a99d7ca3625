import type { QueryClient } from '@tanstack/react-query';

/**
 * Registers the service worker that keeps the app for work without a connection (issue 20) once
 * the first page has what it asked for. Installing it downloads every file of the app (about 180);
 * registered at the window's load, as the PWA plugin does, those downloads took the browser's
 * connections while the first page still waited for its own API calls (a settings read the server
 * answered in 9 ms reached the page after 277 ms; issue 18). So: once nothing has been fetching
 * for a second, or ten seconds after load at the latest.
 */
export function registerWhenSettled(client: QueryClient): void {
  // The development server has no service worker (the PWA plugin writes it at build).
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  // A browser that refuses it (private mode, a blocked scope) still runs the app, online only.
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  };
  const watch = () => {
    const latest = Date.now() + 10_000;
    let quietSince = Date.now();
    const check = () => {
      if (client.isFetching() > 0 || client.isMutating() > 0) quietSince = Date.now();
      if (Date.now() - quietSince >= 1_000 || Date.now() >= latest) register();
      else setTimeout(check, 250);
    };
    setTimeout(check, 250);
  };
  // The app's code runs in steps (main.tsx), so the window may have loaded before this runs.
  if (document.readyState === 'complete') watch();
  else window.addEventListener('load', watch, { once: true });
}

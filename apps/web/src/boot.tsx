/**
 * The app taking over the page (or drawing it), once main.tsx has loaded React's DOM renderer in a
 * task of its own.
 */
import { loaders } from 'virtual:sinergi-texts';
import type { SessionInfo } from '@sinergi/contracts';
import { type DehydratedState, hydrate } from '@tanstack/react-query';
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App, queryClient } from './app/App.tsx';
import { setCsrfToken } from './app/api.ts';
import { initialLanguage, loadLanguage, textLoaders } from './app/i18n.ts';
import { registerWhenSettled } from './app/install.ts';
import { followConnection } from './app/online.ts';
import { sessionQuery } from './app/session.ts';
import { listedFiles, nextTask } from './app/steps.ts';

/** How long the reads a page was drawn with count as fresh in the browser. */
const DRAWN_FRESH_MS = 30_000;

/**
 * The files of the page the server drew, run one at a time, each in a task of its own, before the
 * app takes the page over: taking it over, React would ask for the page's code and run all of it in
 * one task (112-197 ms for the forums at 4x CPU throttle, 143-199 ms for the new proposal form).
 * The server lists each file after those it imports (web.ts), so each import runs that file only;
 * the app's own files, already run, are passed over without a task. A file that fails to load is
 * left for the page to ask for again.
 */
async function runPageFiles() {
  for (const file of listedFiles()) {
    const started = performance.now();
    await import(/* @vite-ignore */ file).catch(() => undefined);
    if (performance.now() - started > 4) await nextTask();
  }
}

textLoaders(loaders);
followConnection();
const root = document.getElementById('root')!;
// The page as the server drew it, with the reads it was drawn with (entry-server.tsx): the app
// takes over its elements instead of drawing them again. Drawn in Bahasa Indonesia, so a reader who
// chose English gets the page drawn anew. (The service worker's copy of the app has no drawn page.)
const drawn = document.getElementById('sinergi-state');
const takeOver = drawn !== null && root.firstElementChild !== null && initialLanguage() === 'id';
if (takeOver) {
  const state = JSON.parse(drawn.textContent ?? '{}') as DehydratedState;
  hydrate(queryClient, state);
  // What the page was drawn with is as fresh as a read the browser made itself: not read again at
  // once (it would double every read of the first page); once changed or refetched, as any other.
  const drawnAt = new Map(state.queries.map((q) => [q.queryHash, q.state.dataUpdatedAt]));
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({
    ...defaults,
    queries: {
      ...defaults.queries,
      staleTime: (query) => (drawnAt.get(query.queryHash) === query.state.dataUpdatedAt ? DRAWN_FRESH_MS : 0),
    },
  });
  const session = queryClient.getQueryData<SessionInfo>(sessionQuery.queryKey);
  if (session) setCsrfToken(session.csrfToken);
}
// Every page waits on the session: it is asked for now, while the page's code loads, not once the
// page has drawn (on the sign-in page that was 400 ms later at 4x CPU throttle). Not for a page the
// server drew without it (out of time, on a cold or busy server): that page is taken over as drawn
// first, then reads it; a session come in before would draw the page otherwise than the server did
// (the sign-in page with its demo accounts), and React would throw the drawing away and start anew.
if (!takeOver || queryClient.getQueryData(sessionQuery.queryKey) !== undefined)
  void queryClient.prefetchQuery(sessionQuery);
// English is a separate download; a reader who chose it gets it before the first paint. (Not a
// top-level await: with one, the bundler splits the first route into forty files.)
if (takeOver) void runPageFiles().then(() => startTransition(() => void hydrateRoot(root, <App />)));
else void loadLanguage(initialLanguage()).then(() => createRoot(root).render(<App />));
registerWhenSettled(queryClient);

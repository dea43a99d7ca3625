/**
 * A page's first HTML, drawn by the server (issue 18). Without it the browser drew nothing until
 * the app's code had loaded and run and the page's reads had come back: the largest paint came at
 * 2.4-3.9 s at 4x CPU throttle, against 0.3 s for a bare HTML page. With it the page is there when
 * the HTML and CSS are; the app's code then takes over the same elements (hydration in boot.tsx).
 *
 * The page is drawn in rounds: each round draws it with what has been read so far, then reads what
 * it asked for (the session first, then the page's own reads, then reads that need those), through
 * `answer`, which the server gives the reader's own access. A read that fails is left for the
 * browser to ask again and show its error its own way, and so is a read marked READ_IN_BROWSER
 * (a map's boundaries). What was read goes into the HTML with the
 * page (`dehydrate`), so the browser draws the same and asks the server nothing twice at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Readable } from 'node:stream';
import { loaders } from 'virtual:sinergi-texts';
import { dehydrate, QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { App, type OnServer } from './app/App.tsx';
import { setTransport } from './app/api.ts';
import { noting } from './app/drawn-parts.ts';
import { textLoaders } from './app/i18n.ts';

/** One API read of the page being drawn, answered as the reader who asked for the page. */
export type Answer = (path: string) => Promise<{ status: number; type: string; body: string }>;

/** A drawn page: its HTML, as JSON the reads it was drawn with, and the source files of the lazy parts it shows. */
export interface Drawn {
  html: string;
  state: string;
  parts: string[];
  /** Whether every read the page asked for was read (none left to the browser), so it may be kept. */
  complete: boolean;
  /** The title the page gave itself (app/page-title.ts), for the HTML's <title>. */
  title: string | null;
}

const reading = new AsyncLocalStorage<Answer>();
setTransport(async (input, init) => {
  const answer = reading.getStore();
  // Only reads: the server drawing a page changes nothing.
  if (!answer || (init?.method ?? 'GET') !== 'GET') throw new TypeError('not a read of a page being drawn');
  const { status, type, body } = await answer(String(input));
  return new Response(body, { status, headers: { 'content-type': type } });
});

textLoaders(loaders);
/** Every group of texts, loaded once: a page drawn on the server never waits for its texts. */
let texts: Promise<unknown> | null = null;

/** Rounds of reads at most: the session, the page's reads, the reads that need those, one more. */
const ROUNDS = 4;

/**
 * The page as HTML. Drawn at once (renderToString) when all its code has loaded; a part whose code
 * has not (`<!--$!-->`: its lazy page or panel suspended) is waited for first (prerender waits for
 * every part) and the page is drawn again. The output never has React's inline scripts for parts
 * that finish late, which the pages' Content-Security-Policy would block.
 */
async function draw(
  client: QueryClient,
  server: OnServer,
): Promise<{ drawn: string; parts: string[]; title: string | null }> {
  const app = <App client={client} server={server} />;
  const first = noting(() => renderToString(app));
  if (!first.drawn.includes('<!--$!-->')) return first;
  const { prelude } = await prerenderToNodeStream(app);
  for await (const _ of prelude as Readable);
  return noting(() => renderToString(app));
}

/**
 * Draws the page at `path` (with its query). Null when the page sends its reader elsewhere (to sign
 * in, to the home page): the browser goes there itself. `budgetMs` bounds the time spent reading;
 * what is not read by then the page shows as loading, and the browser reads it.
 */
export async function render(path: string, answer: Answer, budgetMs = 400): Promise<Drawn | null> {
  texts ??= Promise.all(Object.values(loaders).map((load) => load()));
  await texts;
  const started = Date.now();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const cache = client.getQueryCache();
  const asked = new Set<string>();
  for (let round = 1; ; round++) {
    const server: OnServer = { path, context: {} };
    const { drawn: html, parts, title } = await draw(client, server);
    if (server.context.redirectTo !== undefined) return null;
    const waiting = cache
      .getAll()
      // A query not enabled (its key still lacks what it needs, as a plan's id before the list of
      // plans is read) is not asked for: fetched anyway, it read `/api/plans/undefined`.
      .filter(
        (q) =>
          q.state.status === 'pending' &&
          (q.options as { enabled?: unknown }).enabled !== false &&
          !asked.has(q.queryHash) &&
          !q.meta?.readInBrowser,
      );
    if (waiting.length === 0 || round > ROUNDS || Date.now() - started > budgetMs)
      return { html, state: JSON.stringify(dehydrate(client)), parts, complete: waiting.length === 0, title };
    for (const query of waiting) asked.add(query.queryHash);
    await reading.run(answer, () =>
      Promise.all(waiting.map((query) => query.fetch().catch(() => undefined))),
    );
    for (const query of cache.findAll({ predicate: (q) => q.state.status === 'error' })) cache.remove(query);
  }
}

/**
 * The web app: its built files, and every page's address answered with the app's HTML, the page
 * already drawn in it when the app was built with its server part (apps/web/src/entry-server.tsx,
 * built to dist-ssr/ beside dist/). A drawn page shows at once; the browser's copy of the app then
 * takes it over. Without the server part, or when drawing fails or too many pages are being drawn
 * at once, the page goes out empty and the browser draws it, as before (issue 18).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import { AppError } from '@sinergi/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { type Ask, DrawnPages, type ReadMade } from './drawn-pages.ts';
import { sendProblem } from './problem.ts';
import { type Encodable, encoded } from './read-cache.ts';

/** One API read of the page being drawn, answered with the access of the reader who asked for it. */
type Answer = (path: string) => Promise<{ status: number; type: string; body: string }>;

/** The app's server part, as entry-server.tsx exports it. */
interface Drawer {
  render(
    path: string,
    answer: Answer,
  ): Promise<{
    html: string;
    state: string;
    parts: string[];
    complete?: boolean;
    title?: string | null;
  } | null>;
}

/** The build's manifest (dist/.vite/manifest.json): each source file's built file and the files it imports. */
type Manifest = Record<string, { file: string; imports?: string[] }>;

/**
 * The files a drawn page's code needs besides the app's start: those of the lazy parts it shows
 * (`parts`, by source file) with everything they import, less those the page lists already (`listed`). Listed
 * in the page (`#sinergi-preload`, where the build lists the start's), they are named as module
 * preloads once it is painted (main.tsx), and fetched at once rather than one level of imports after
 * another as the browser finds them (issue 18). Each file comes after the files it imports, so the
 * app can run them one at a time, each in a task of its own (boot.tsx).
 */
export function preloadsOf(
  manifest: Manifest,
  parts: readonly string[],
  listed: ReadonlySet<string>,
): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk.imports ?? []) walk(imported);
    files.add(chunk.file);
  };
  for (const part of parts) walk(part);
  return [...files].map((file) => `/${file}`).filter((file) => file.endsWith('.js') && !listed.has(file));
}

/** The page's list of files to preload, as the build wrote it (vite.config.ts, preloadSteps). */
const PRELOAD_LIST = /(<script type="application\/json" id="sinergi-preload">)(\[[^<]*\])/;

/** The files the app's HTML loads already: its scripts and those it lists to preload. */
export function listedIn(html: string): string[] {
  const list = PRELOAD_LIST.exec(html)?.[2];
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  return [...scripts, ...(list ? (JSON.parse(list) as string[]) : [])];
}

/** The app's HTML with `files` added to its list of files to preload. */
export const withPreloads = (html: string, files: readonly string[]) =>
  files.length === 0
    ? html
    : html.replace(
        PRELOAD_LIST,
        (_all, open: string, list: string) =>
          `${open}${JSON.stringify([...(JSON.parse(list) as string[]), ...files]).replace(/</g, '\\u003c')}`,
      );

function manifestOf(dist: string): Manifest {
  try {
    return JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

/** Pages drawn at once at most; the others go out empty (drawing a large page takes 100-200 ms of CPU). */
const DRAWING_AT_ONCE = 2;
const ROOT = '<div id="root"></div>';
/** The title every page has until it names itself (apps/web/index.html). */
const TITLE = '<title>Sinergi</title>';

/** The page's own title in place of the app's, as text (`&` and `<` escaped). */
const titled = (html: string, title: string | null | undefined) =>
  title ? html.replace(TITLE, `<title>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>`) : html;

/** The server part, loaded at the first page asked for (React and the pages' code: not at start). */
function drawerOf(dist: string, log: FastifyInstance['log']): () => Promise<Drawer | null> {
  const entry = join(dirname(dist), 'dist-ssr', 'entry-server.js');
  let loading: Promise<Drawer | null> | null = null;
  return () => {
    loading ??= existsSync(entry)
      ? (import(pathToFileURL(entry).href) as Promise<Drawer>).catch((error: unknown) => {
          log.warn({ err: error }, 'the web app’s server part did not load; pages are drawn in the browser');
          return null;
        })
      : Promise.resolve(null);
    return loading;
  };
}

/** A read of the page, sent through the whole API (its permissions, read cache and limits) as the reader. */
const askAs =
  (app: FastifyInstance, request: FastifyRequest): Ask =>
  (path, headers = {}) =>
    app.inject({
      method: 'GET',
      url: path,
      remoteAddress: request.ip,
      headers: {
        accept: 'application/json',
        'x-language': 'id',
        ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}),
        ...(request.headers['user-agent'] ? { 'user-agent': request.headers['user-agent'] } : {}),
        ...headers,
      },
    });

/** The page's reads as the drawing asks them, each noted in `made` (what a kept page was drawn from). */
const answerFor =
  (ask: Ask, made: ReadMade[]): Answer =>
  async (path) => {
    const response = await ask(path);
    const etag = response.headers.etag;
    made.push({
      path,
      status: response.statusCode,
      etag: typeof etag === 'string' ? etag : null,
      body: response.body,
    });
    return {
      status: response.statusCode,
      type: String(response.headers['content-type'] ?? 'application/json'),
      body: response.body,
    };
  };

/** The reads a page was drawn with, in a script the browser does not run (`<` escaped: no `</script>`). */
const stateScript = (state: string) =>
  `<script type="application/json" id="sinergi-state">${state.replace(/</g, '\\u003c')}</script>`;

/** Serves the built single-page app; any non-API path falls back to index.html. */
export async function registerWeb(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const dist = ctx.config.webDistDir;
  const indexPath = join(dist, 'index.html');
  const built = existsSync(indexPath);
  const indexHtml = built ? readFileSync(indexPath) : null;
  const template = indexHtml?.toString('utf8') ?? '';
  // A built index.html with the empty root to draw into (checked once, not per request).
  const drawable = template.includes(ROOT);
  const drawer = drawerOf(dist, app.log);
  const manifest = built ? manifestOf(dist) : {};
  // What every page lists already (the app's start), read once.
  const listed = new Set(listedIn(template));
  let drawing = 0;

  const kept = new DrawnPages(ctx);

  /** The page at the request's address drawn into the app's HTML (kept, or drawn now); null when it goes out empty. */
  async function drawn(request: FastifyRequest): Promise<Encodable | null> {
    if (request.method !== 'GET' || !drawable) return null;
    if (!String(request.headers.accept ?? '').includes('text/html')) return null;
    const server = await drawer();
    if (!server) return null;
    const ask = askAs(app, request);
    const key = kept.keyOf(request);
    const page = key ? await kept.get(key, ask) : undefined;
    if (page) return page;
    if (drawing >= DRAWING_AT_ONCE) return null;
    drawing++;
    try {
      const reads: ReadMade[] = [];
      const page = await server.render(request.url, answerFor(ask, reads));
      if (!page) return null;
      const html = titled(
        withPreloads(template, preloadsOf(manifest, page.parts ?? [], listed)),
        page.title,
      ).replace(ROOT, `<div id="root">${page.html}</div>${stateScript(page.state)}`);
      // Kept only when nothing was left for the browser to read (a draw out of time shows loading).
      return key && page.complete ? kept.keep(key, html, reads) : { bytes: Buffer.from(html) };
    } catch (error) {
      // The address is not logged: it may carry a search the reader typed.
      request.log.warn({ err: error }, 'a page could not be drawn on the server; the browser draws it');
      return null;
    } finally {
      drawing--;
    }
  }

  if (built)
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      // The .br and .gz written at build time (scripts/compress-dist.mjs), when the browser takes them.
      preCompressed: true,
      cacheControl: false,
      // Files under /assets/ carry a hash of their content in the name: they never change.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    // HEAD as GET, without the body: a monitor checking that a page is up gets 200, not 404.
    if (request.url.startsWith('/api/') || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return sendProblem(reply, request, new AppError('NOT_FOUND'));
    }
    if (!indexHtml) {
      return reply
        .type('text/plain; charset=utf-8')
        .send('Sinergi: the web app is not built. Run `npm run build:web` (npm start does it for you).');
    }
    const page = await drawn(request);
    if (page === null)
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    // Drawn with the reader's own reads: kept by no cache between, and by the browser only for them.
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-cache')
      .header('vary', 'cookie');
    return reply.send(encoded(request, reply, page));
  });
}

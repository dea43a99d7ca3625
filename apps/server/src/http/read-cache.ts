/**
 * Reads answered from memory until the database says what they were read from changed.
 *
 * A GET route that opts in (`config.cache`: its answer depends only on the database, the session,
 * the address and the language, never on the clock; `'daily'`: also on today's date) is stored as
 * the bytes it sent, under the session (or the public), the language and the full address, with
 * the tables its queries named (db/tables-read.ts); a `'daily'` one with its day, and sent on that
 * day only. Every write's trigger (db/changes.ts) drops the entries of its table; a
 * write request here also drops what it touched before its answer leaves, so whoever wrote reads
 * their write next. Every cached answer carries an ETag, and a browser that has it gets 304; one
 * of 1 kB or more is sent compressed (brotli or gzip) when the browser takes it, compressed once.
 *
 * Requests for an answer being worked out wait for it rather than work it out again: fifty at
 * once for a page just dropped by a write were fifty runs of its queries, one after the other on
 * PGlite (bench:api: the first second of a route at a third of its rate, one answer after 975 ms).
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { todayIn } from '@sinergi/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { ChangeAwareCache } from '../db/change-aware-cache.ts';
import { asRequest } from '../db/tables-read.ts';

export interface Cached {
  /** The body as bytes, encoded once: sent as a string it was encoded again on every answer. */
  bytes: Buffer;
  etag: string;
  type: string;
  /** The route's own Cache-Control (the boundaries: kept an hour by the browser), else no-cache. */
  control: string | undefined;
  /** The body compressed, made the first time a browser takes it (a list of projects: 271 kB, 9x less). */
  br?: Buffer;
  gzip?: Buffer;
  /**
   * The route's address pattern, when the answer was read for a visitor without a session on a
   * route without a rate limit: it is then answered at the door (http/kept-door.ts).
   */
  door?: string;
  /** The day a `daily` answer was read (it shows "today"): on another day it is not sent. */
  day?: string;
}

/** What `encoded` sends: the body, and its compressed forms once made. */
export type Encodable = Pick<Cached, 'bytes' | 'br' | 'gzip'>;

/** Answers smaller than this go as they are. */
const COMPRESS_FROM = 1024;

/** The body in the best encoding `accepts` takes (brotli, then gzip), compressed once per answer. */
export function pickEncoding(
  accepts: string,
  entry: Encodable,
): { body: Buffer; encoding: 'br' | 'gzip' | undefined } {
  if (entry.bytes.length < COMPRESS_FROM) return { body: entry.bytes, encoding: undefined };
  if (/\bbr\b(?!;q=0(\.0*)?\b)/.test(accepts)) {
    entry.br ??= brotliCompressSync(entry.bytes, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: entry.bytes.length,
      },
    });
    return { body: entry.br, encoding: 'br' };
  }
  if (/\bgzip\b(?!;q=0(\.0*)?\b)/.test(accepts)) {
    entry.gzip ??= gzipSync(entry.bytes, { level: 6 });
    return { body: entry.gzip, encoding: 'gzip' };
  }
  return { body: entry.bytes, encoding: undefined };
}

/** The body in the best encoding the browser takes, saying which. */
export function encoded(request: FastifyRequest, reply: FastifyReply, entry: Encodable): Buffer {
  const { body, encoding } = pickEncoding(String(request.headers['accept-encoding'] ?? ''), entry);
  if (encoding) reply.header('content-encoding', encoding);
  return body;
}

/** What a signed-in answer also depends on: who the session's account is. */
const SESSION_TABLES = ['sessions', 'users'];

/** The key of an answer read by `session` (none: the public) in `lang` at `url`. */
export const keyOfAnswer = (session: string | undefined, lang: string, url: string) =>
  `${session ?? '-'} ${lang} ${url}`;

const keyOf = (request: FastifyRequest) => keyOfAnswer(request.session?.sessionId, request.lang, request.url);

/** The kept answer if it may still be sent: a `daily` one only on the day it was read. */
export const current = (entry: Cached | undefined, clock: () => Date): Cached | undefined =>
  entry && (!entry.day || entry.day === todayIn(undefined, clock())) ? entry : undefined;

/** A weak ETag of a body: its SHA-1. */
export const etagOf = (body: string) => `W/"${createHash('sha1').update(body).digest('base64url')}"`;

/** The headers that say how a kept answer may be kept further, and that it was kept. */
export const cacheHeaderValues = (etag: string, control: string | undefined, signedIn: boolean) => ({
  etag,
  'cache-control': control ?? (signedIn ? 'private, no-cache' : 'no-cache'),
  vary: 'cookie, accept-language, x-language, accept-encoding',
});

function cacheHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  control: string | undefined,
) {
  reply.headers(cacheHeaderValues(etag, control, Boolean(request.session)));
}

const notModified = (request: FastifyRequest, etag: string) => request.headers['if-none-match'] === etag;

export function registerReadCache(app: FastifyInstance, ctx: AppContext): ChangeAwareCache<Cached> {
  const cache = new ChangeAwareCache<Cached>(ctx.database.changes, {
    max: ctx.config.readCacheEntries,
    maxSize: ctx.config.readCacheBytes,
    sizeOf: (entry) => entry.bytes.length,
  });
  app.addHook('onClose', async () => cache.close());
  app.decorateRequest('tablesRead', null);
  app.decorateRequest('cacheTicket', 0);
  app.decorateRequest('cacheKey', '');
  app.decorateRequest('cacheHit', false);
  app.decorateRequest('cacheLeader', false);

  /** Of each answer being worked out, by key: those waiting for it. */
  const pending = new Map<string, (() => void)[]>();
  /** The answer of `request` is kept, or will not be: whoever waits for it goes on. */
  const release = (request: FastifyRequest) => {
    if (!request.cacheLeader) return;
    request.cacheLeader = false;
    const waiting = pending.get(request.cacheKey);
    pending.delete(request.cacheKey);
    // After this answer has left, not inside its hooks: fifty sends would hold it back.
    if (waiting?.length)
      setImmediate(() => {
        for (const next of waiting) next();
      });
  };

  // Every API handler runs recording the tables it queries, and stops at its next query once its
  // client has gone (db/tables-read.ts).
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const handler = route.handler;
    route.handler = function recorded(request, reply) {
      const tables = new Set<string>();
      request.tablesRead = tables;
      const gone = () => request.raw.socket?.destroyed === true;
      return asRequest({ tables, gone }, () => handler.call(this, request, reply));
    };
  });

  // A write's tables are told to every cache of this process (remembered sessions too) before
  // its answer leaves; the database's own notice may come a moment later on PostgreSQL.
  // Hooks in callback style: an async hook costs a promise per request, and a kept answer is
  // cheap enough for that to show.
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      for (const table of request.tablesRead ?? []) ctx.database.changes.emit(table);
    done(null, payload);
  });

  if (!ctx.config.readCacheEntries) return cache;

  const answer = (request: FastifyRequest, reply: FastifyReply, hit: Cached) => {
    request.cacheHit = true;
    cacheHeaders(request, reply, hit.etag, hit.control);
    // Said for whoever runs the server (a proxy's log, curl -I), as caches commonly say it.
    reply.header('x-cache', 'hit');
    if (notModified(request, hit.etag)) reply.code(304).send();
    else reply.type(hit.type).send(encoded(request, reply, hit));
  };
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' || !request.routeOptions.config?.cache) return done();
    request.cacheTicket = cache.ticket();
    request.cacheKey = keyOf(request);
    const hit = current(cache.get(request.cacheKey), ctx.clock);
    if (hit) return answer(request, reply, hit);
    const waiting = pending.get(request.cacheKey);
    if (!waiting) {
      pending.set(request.cacheKey, []);
      request.cacheLeader = true;
      return done();
    }
    // Kept by the one working it out, unless a write came first: then this one reads anew.
    waiting.push(() => {
      const kept = current(cache.get(request.cacheKey), ctx.clock);
      if (kept) answer(request, reply, kept);
      else {
        request.cacheTicket = cache.ticket();
        done();
      }
    });
  });
  // An answer that was not kept (an error, a client gone) lets the waiting go on.
  app.addHook('onResponse', (request, _reply, done) => {
    release(request);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    release(request);
    done();
  });

  /** Keeps a fresh answer of a cached route and sends it as the browser takes it. */
  const keep = (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (request.cacheHit || !request.routeOptions.config?.cache) return payload;
    if (reply.statusCode !== 200 || typeof payload !== 'string' || !request.tablesRead) return payload;
    const etag = etagOf(payload);
    const own = reply.getHeader('cache-control');
    const control = typeof own === 'string' ? own : undefined;
    cacheHeaders(request, reply, etag, control);
    const tables = request.session ? new Set([...request.tablesRead, ...SESSION_TABLES]) : request.tablesRead;
    const type = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
    const entry: Cached = { bytes: Buffer.from(payload), etag, type, control };
    // Read for anyone without a session, and no limit to count: anyone without one is sent it at
    // the door, with these same headers (http/kept-door.ts).
    if (!request.session && !request.routeOptions.config?.rateLimit) entry.door = request.routeOptions.url;
    if (request.routeOptions.config?.cache === 'daily') entry.day = todayIn(undefined, ctx.clock());
    cache.set(request.cacheKey, entry, tables, request.cacheTicket);
    release(request);
    if (!notModified(request, etag)) return encoded(request, reply, entry);
    reply.code(304);
    return '';
  };
  app.addHook('onSend', (request, reply, payload, done) => {
    done(null, keep(request, reply, payload));
  });
  return cache;
}

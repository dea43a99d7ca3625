/**
 * Kept public answers sent at the door, before the framework (issue 18: public reads near the speed
 * of a bare Fastify route).
 *
 * A read kept by the read cache (http/read-cache.ts) for a visitor without a session, on a route
 * without a rate limit, is the same bytes for everyone without one who asks the same address in the
 * same language. Such a request is answered here from the same cache, with the headers the app's
 * own answer of a kept read carries (the data set of security headers, ETag and 304, Cache-Control,
 * Vary, the encoding the client takes). Profiled under load, a kept answer through Fastify's
 * request cycle (its child logger, hooks, cookie parser, permission check, reply) cost about twice a
 * bare route's CPU, though its own work is a lookup and a write.
 *
 * Anything else goes on to the app as before: a session cookie (even one that turns out invalid),
 * a language cookie this does not read exactly as the app would, another method, an address not
 * kept, the app closing, and every request while debug logging is on (the app logs each then).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { pickLanguage } from '@sinergi/contracts';
import type { FastifyServerFactory, FastifyServerOptions } from 'fastify';
import type { ChangeAwareCache } from '../db/change-aware-cache.ts';
import { type Cached, cacheHeaderValues, current, keyOfAnswer, pickEncoding } from './read-cache.ts';
import { LANG_COOKIE, SESSION_COOKIE } from './security.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
/** Answers the request and says so, or leaves it untouched for the app. */
export type Door = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface DoorParts {
  cache: ChangeAwareCache<Cached>;
  /** The security headers of every API answer (http/security-headers.ts). */
  apiHeaders: Readonly<Record<string, string>>;
  clock: () => Date;
  /** Whether the app still takes requests. */
  open: () => boolean;
  /** Counts an answer in its route's tally, as the request log counts the app's (http/request-log.ts). */
  count: (route: string, status: number, ms: number) => void;
}

/** The one language cookie, exactly as the app reads it; any other form is left to the app's parser. */
const langCookie = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=(id|en)(?:;|$)`);

/** The language a cookie header chooses (undefined: none), or false when only the app can tell. */
function cookieLanguage(cookie: string): string | undefined | false {
  if (cookie.includes(SESSION_COOKIE)) return false;
  const at = cookie.indexOf(LANG_COOKIE);
  if (at < 0) return undefined;
  if (cookie.indexOf(LANG_COOKIE, at + 1) >= 0) return false;
  return langCookie.exec(cookie)?.[1] ?? false;
}

/** The headers of `entry` sent in `way`, made once per entry and way. */
type Way = 'identity' | 'br' | 'gzip' | '304';
const sentHeaders = new WeakMap<Cached, Partial<Record<Way, string[]>>>();

function headersOf(entry: Cached, way: Way, body: Buffer, apiHeaders: Readonly<Record<string, string>>) {
  let ways = sentHeaders.get(entry);
  if (!ways) {
    ways = {};
    sentHeaders.set(entry, ways);
  }
  const made = ways[way];
  if (made) return made;
  const headers: Record<string, string> = {
    ...apiHeaders,
    ...cacheHeaderValues(entry.etag, entry.control, false),
    'x-cache': 'hit',
  };
  if (way !== '304') {
    headers['content-type'] = entry.type;
    if (way !== 'identity') headers['content-encoding'] = way;
    headers['content-length'] = String(body.length);
  }
  const flat = Object.entries(headers).flat();
  ways[way] = flat;
  return flat;
}

export function keptDoor(parts: DoorParts): Door {
  return (req, res) => {
    const url = req.url;
    if (req.method !== 'GET' || !url?.startsWith('/api/') || !parts.open()) return false;
    const chosen = req.headers.cookie ? cookieLanguage(req.headers.cookie) : undefined;
    if (chosen === false) return false;
    const lang = pickLanguage(req.headers['accept-language'], req.headers['x-language'], chosen);
    const entry = current(parts.cache.get(keyOfAnswer(undefined, lang, url)), parts.clock);
    if (!entry?.door) return false;
    const started = performance.now();
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, headersOf(entry, '304', entry.bytes, parts.apiHeaders));
      res.end();
    } else {
      const { body, encoding } = pickEncoding(String(req.headers['accept-encoding'] ?? ''), entry);
      res.writeHead(200, headersOf(entry, encoding ?? 'identity', body, parts.apiHeaders));
      res.end(body);
    }
    parts.count(entry.door, res.statusCode, Math.round((performance.now() - started) * 10) / 10);
    return true;
  };
}

/**
 * A server factory for Fastify that asks `door()` first: the server Fastify makes itself when given
 * none (its timeouts as configured), or the one `outer` makes (installation/serve.ts).
 */
export function serverWithDoor(door: () => Door | null, outer?: FastifyServerFactory) {
  return (handler: Handler, options: FastifyServerOptions): Server => {
    const first: Handler = (req, res) => {
      if (!door()?.(req, res)) handler(req, res);
    };
    if (outer) return outer(first, options) as Server;
    const server = createServer(first);
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}

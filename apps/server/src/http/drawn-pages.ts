/**
 * Pages drawn for a reader without a session, kept with the reads they were drawn from (issue 18).
 *
 * Drawing a public page takes the server 60-200 ms of CPU (the village index about 100 ms warm)
 * and, on a machine shared with the browser, its first byte came 0.3-1 s after the request. A kept
 * page is sent again only while every read it was drawn from answers the same: each is asked again,
 * with the ETag it had when the read cache keeps it (http/read-cache.ts: 304 from memory), else in
 * full and compared with what it answered then; any other answer draws the page anew. A page with a
 * read that failed is never kept. Pages also hang on the day (a plan year's default is this year),
 * so the day is part of the key.
 */
import { todayIn } from '@sinergi/core';
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { AppContext } from '../context.ts';
import { type Encodable, etagOf } from './read-cache.ts';

/** A page's read as the drawing made it: its answer's status, ETag (none: not kept) and body. */
export interface ReadMade {
  path: string;
  status: number;
  etag: string | null;
  body: string;
}

/** The page's HTML as bytes, with its compressed forms once made (read-cache.ts, `encoded`). */
interface Kept extends Encodable {
  /** Each read with the ETag it had, or (none) that of its body. */
  reads: { path: string; etag: string | null; digest: string }[];
}

/** A read of the page as its visitor, through the whole API (web.ts), with `headers` added. */
export type Ask = (
  path: string,
  headers?: Record<string, string>,
) => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>;

/** Addresses kept at most: the public pages, each with its searches, of one kabupaten. */
const KEPT = 500;
const KEPT_BYTES = 32 * 1024 * 1024;

export class DrawnPages {
  private readonly pages = new LRUCache<string, Kept>({
    max: KEPT,
    maxSize: KEPT_BYTES,
    sizeCalculation: (page) => Math.max(1, page.bytes.length),
  });

  constructor(private readonly ctx: AppContext) {}

  /** The key of a request whose page may be kept: none with a cookie (a session, a language chosen). */
  keyOf(request: FastifyRequest): string | null {
    if (request.headers.cookie || !this.ctx.config.readCacheEntries) return null;
    return `${todayIn(undefined, this.ctx.clock())} ${request.headers['accept-language'] ?? ''} ${request.url}`;
  }

  /** The kept page of `key` if every read it was drawn from still answers the same. */
  async get(key: string, ask: Ask): Promise<Kept | undefined> {
    const page = this.pages.get(key);
    if (!page) return undefined;
    for (const read of page.reads) {
      const response = await ask(read.path, read.etag ? { 'if-none-match': read.etag } : {});
      const same =
        response.statusCode === 304 || (response.statusCode === 200 && etagOf(response.body) === read.digest);
      if (!same) {
        this.pages.delete(key);
        return undefined;
      }
    }
    return page;
  }

  /** Keeps a page drawn from `reads` when each was answered in full; gives what to send. */
  keep(key: string, html: string, reads: readonly ReadMade[]): Kept {
    const page: Kept = { bytes: Buffer.from(html), reads: [] };
    for (const read of reads) {
      if (read.status !== 200) return page;
      page.reads.push({ path: read.path, etag: read.etag, digest: etagOf(read.body) });
    }
    this.pages.set(key, page);
    return page;
  }
}

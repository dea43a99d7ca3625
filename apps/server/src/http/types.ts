import type { Language } from '@sinergi/contracts';
import type { Permission, PUBLIC_ROUTE } from '@sinergi/core';
import type { Principal } from '../context.ts';
import type { ResolvedSession } from '../modules/auth/auth.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Every /api route must say; a route without it fails the start. */
    permission?: Permission | typeof PUBLIC_ROUTE;
    /**
     * The answer may be kept until what it was read from changes (http/read-cache.ts): only for a
     * read whose answer depends on the database, the session, the address and the language alone;
     * `'daily'` for one that also shows today's date.
     */
    cache?: boolean | 'daily';
  }
  interface FastifyRequest {
    lang: Language;
    session: ResolvedSession | null;
    principal: Principal;
    /** The tables the handler's queries named (db/tables-read.ts). */
    tablesRead: Set<string> | null;
    cacheTicket: number;
    /** Where a cached route's answer is kept, worked out once per request. */
    cacheKey: string;
    cacheHit: boolean;
    /** This request works out an answer others with the same key wait for (read-cache.ts). */
    cacheLeader: boolean;
  }
}

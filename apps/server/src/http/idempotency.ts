/**
 * Writes that happen once however often they are sent (RFC draft "The Idempotency-Key HTTP Header
 * Field"). The web app's offline outbox sends each queued write with a key of its own and sends it
 * again until it has an answer; a connection lost after the server did the work would otherwise do
 * it twice. The first request with a key runs and its answer is kept (2xx only: a refused write
 * changed nothing and may run again); a repeat gets that answer again, marked
 * `Idempotent-Replayed: true`; a repeat while the first still runs is refused as IN_PROGRESS. A key
 * left without an answer (its process died mid-write) is let go after a while: the write runs again
 * and the checks of what it writes (a decision's basedOn, an entry's version) refuse a repeat.
 */
import { AppError } from '@sinergi/core';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import * as keys from '../modules/system/request-keys.repository.ts';
import { isApiRoute } from './security.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,80}$/;
/** A key without an answer this old belongs to a request that will never answer. */
const ABANDONED_MS = 2 * 60_000;
const KEPT_MS = 7 * 24 * 3600_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { userId: string; key: string } | null;
  }
}

const keyIssue = (issue: string) =>
  new AppError('VALIDATION', { issues: [{ field: `headers.${IDEMPOTENCY_HEADER}`, issue }] });

export function registerIdempotency(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('idempotency', null);
  let lastSweep = 0;

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    const userId = request.session?.principal.actor.userId;
    if (key === undefined || !userId || !UNSAFE.has(request.method)) return;
    if (!isApiRoute(request.routeOptions.url ?? '')) return;
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) throw keyIssue('invalid_format');
    const db = ctx.database.db;
    const now = ctx.clock();
    if (now.getTime() - lastSweep > 3600_000) {
      lastSweep = now.getTime();
      await keys.deleteKeysBefore(db, new Date(now.getTime() - KEPT_MS));
    }
    const owner = { userId, key };
    const scope = `${request.method} ${request.url}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await keys.claimKey(db, { ...owner, scope })) {
        request.idempotency = owner;
        return;
      }
      const row = await keys.findKey(db, owner);
      if (!row) continue;
      if (row.scope !== scope) throw keyIssue('key_reused');
      if (row.status !== null) {
        reply.code(row.status).header('idempotent-replayed', 'true');
        if (row.contentType) reply.type(row.contentType);
        return reply.send(row.body ?? '');
      }
      if (now.getTime() - row.createdAt.getTime() < ABANDONED_MS) throw new AppError('IN_PROGRESS');
      await keys.releaseKey(db, owner);
    }
    throw new AppError('IN_PROGRESS');
  });

  // In callback style: the many requests with no key to settle cost no promise.
  app.addHook('onSend', (request, reply, payload, done) => {
    const owner = request.idempotency;
    if (!owner) return done(null, payload);
    request.idempotency = null;
    const status = reply.statusCode;
    const type = reply.getHeader('content-type');
    const settled =
      status >= 200 && status < 300
        ? keys.completeKey(ctx.database.db, {
            ...owner,
            status,
            contentType: typeof type === 'string' ? type : null,
            body: typeof payload === 'string' ? payload : null,
          })
        : keys.releaseKey(ctx.database.db, owner);
    settled.then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });
}

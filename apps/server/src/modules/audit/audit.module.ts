import { auditPage, auditQuery } from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import { findAudit, findAuditEntities } from './audit.repository.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'The audit log, newest first, filtered',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const q = request.query;
      // Dates are calendar days in the kabupaten's time zone (WIB, UTC+7); `to` includes the whole day.
      const day = (d: string, plus = 0) => new Date(Date.parse(`${d}T00:00:00+07:00`) + plus * 86_400_000);
      const page = await findAudit(ctx.database.db, {
        actor: q.actor,
        entity: q.entity,
        entityId: q.entityId,
        from: q.from ? day(q.from) : undefined,
        to: q.to ? day(q.to, 1) : undefined,
        limit: q.limit,
        offset: q.offset,
      });
      return { total: page.total, items: page.items.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );
  app.get(
    '/audit/entities',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'The entity kinds that appear in the log',
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async () => ({ items: await findAuditEntities(ctx.database.db) }),
  );
}

export const auditModule: Module = { name: 'audit', routes };

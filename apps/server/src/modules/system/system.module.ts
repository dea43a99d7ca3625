import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import * as regionsRepo from '../regions/regions.repository.ts';

const publicSettings = z
  .object({
    mode: z.enum(['demo', 'production']),
    activeKabupaten: z.object({ code: z.string(), name: z.string().nullable() }),
    regions: z.object({ ready: z.boolean(), edition: z.string().nullable(), count: z.number().int() }),
    engine: z.enum(['pglite', 'postgres']),
  })
  .meta({ id: 'PublicSettings' });

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['system'];
  app.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Liveness and database check',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => {
      await regionsRepo.findActiveEdition(ctx.database.db);
      return { status: 'ok' as const };
    },
  );
  app.get(
    '/settings',
    {
      config: { permission: 'settings.read' },
      schema: {
        tags,
        summary: 'Public settings: mode, active kabupaten, region data state',
        response: { 200: publicSettings },
      },
    },
    async () => {
      const { db } = ctx.database;
      const edition = await regionsRepo.findActiveEdition(db);
      const kab = edition ? await regionsRepo.findRegion(db, edition.id, ctx.config.activeKabupaten) : null;
      return {
        mode: ctx.config.mode,
        activeKabupaten: { code: ctx.config.activeKabupaten, name: kab?.name ?? null },
        regions: {
          ready: Boolean(edition),
          edition: edition?.title ?? null,
          count: edition?.regionCount ?? 0,
        },
        engine: ctx.database.engine,
      };
    },
  );
}

export const systemModule: Module = { name: 'system', routes };

import {
  planDetail,
  provinceCodeParams,
  provinceOverview,
  provincePull,
  provinceSyncView,
  syncQuery,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { kabupatenName } from '../regions/regions.service.ts';
import { numberedLetterhead } from '../system/documents.service.ts';
import { matrixPdf, matrixXlsx, provinceLabels } from './plans.matrix.ts';
import * as province from './plans.province.ts';
import { provinceMatrix, provinceSynchronisation } from './plans.province-sync.ts';

/** The province and its kabupaten/kota in one installation (plans.province.ts). */
export function provinceRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const read = { permission: 'plans.read' } as const;
  const manage = { permission: 'plans.manage' } as const;
  app.get(
    '/plans/province',
    {
      config: read,
      schema: {
        tags,
        summary: "The province this kabupaten is in, or a province's kabupaten/kota and their plans",
        response: { 200: provinceOverview },
      },
    },
    async () => province.overview(ctx),
  );
  app.get(
    '/plans/province/sync',
    {
      config: read,
      schema: {
        tags,
        summary:
          "A province's synchronisation with its kabupaten/kota: uncovered targets, orphans, money by target, alignment, consistency",
        querystring: syncQuery,
        response: { 200: provinceSyncView },
      },
    },
    async (request) => provinceSynchronisation(ctx, request.query.year),
  );
  app.get(
    '/plans/province/matrix.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: "The province's matriks sinkronisasi of a year as XLSX",
        querystring: syncQuery,
      },
    },
    async (request, reply) =>
      sendFile(reply, {
        kind: 'xlsx',
        name: `matriks-sinkronisasi-provinsi-${request.query.year}.xlsx`,
        data: await matrixXlsx(
          await provinceMatrix(ctx, request.query.year),
          await kabupatenName(ctx),
          provinceLabels,
        ),
      }),
  );
  app.get(
    '/plans/province/matrix.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: "The province's matriks sinkronisasi of a year as PDF",
        querystring: syncQuery,
      },
    },
    async (request, reply) =>
      sendFile(reply, {
        kind: 'pdf',
        name: `matriks-sinkronisasi-provinsi-${request.query.year}.pdf`,
        data: await matrixPdf(
          await provinceMatrix(ctx, request.query.year),
          ctx.clock(),
          await numberedLetterhead(ctx, ctx.config.activeKabupaten, 'matriks', String(request.query.year)),
          provinceLabels,
        ),
      }),
  );
  app.get(
    '/plans/province/kabupaten/:code/plans/:id',
    {
      config: read,
      schema: {
        tags,
        summary: "One of a kabupaten/kota's own plans, read by its province",
        params: provinceCodeParams,
        response: { 200: planDetail },
      },
    },
    async (request) => province.kabupatenPlan(ctx, request.params.code, request.params.id),
  );
  app.post(
    '/plans/province/take',
    {
      config: manage,
      schema: {
        tags,
        summary: "Take (again) a copy of the province's plans, to link this kabupaten's plans to",
        response: { 200: provincePull },
      },
    },
    async (request) => province.pullFromProvince(ctx, request.principal),
  );
}

import { nomenclatureList, nomenclatureQuery, seriesList, seriesQuery } from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { uploadedFile, uploadedType } from '../../http/upload.ts';
import * as reference from './plans.reference.ts';

/** The reference lists plans draw on: the nomenclature and the statistics series, read and imported. */
export function referenceRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const read = { permission: 'plans.read' } as const;
  const manage = { permission: 'plans.manage' } as const;
  app.get(
    '/nomenclature',
    {
      config: read,
      schema: {
        tags,
        summary: 'Search the program/kegiatan/sub-kegiatan nomenclature',
        querystring: nomenclatureQuery,
        response: { 200: nomenclatureList },
      },
    },
    async (request) => reference.searchNomenclature(ctx, request.query),
  );
  app.post(
    '/nomenclature/import',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Import the nomenclature list (XLSX or CSV: kode, tingkat, uraian, kinerja, indikator, satuan)',
        response: { 200: z.object({ rows: z.number() }) },
      },
    },
    async (request) =>
      reference.importNomenclature(ctx, request.principal, uploadedFile(request), uploadedType(request)),
  );
  app.get(
    '/stats/series',
    {
      config: read,
      schema: {
        tags,
        summary: 'Statistics series (indicator, region, year, value, source)',
        querystring: seriesQuery,
        response: { 200: seriesList },
      },
    },
    async (request) => reference.listSeries(ctx, request.query),
  );
  app.post(
    '/stats/series/import',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Import statistics series (CSV or XLSX: indicator, region, year, value, source[, unit])',
        response: { 200: z.object({ rows: z.number() }) },
      },
    },
    async (request) =>
      reference.importSeries(ctx, request.principal, uploadedFile(request), uploadedType(request)),
  );
}

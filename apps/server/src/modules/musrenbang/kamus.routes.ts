import { kamusImportQuery, kamusImportResult, kamusList } from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { uploadedFile } from '../../http/upload.ts';
import * as kamus from './kamus.service.ts';

/** The proposal dictionary: read by everyone who proposes, replaced from XLSX by Bappeda. */
export function kamusRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['musrenbang'];
  app.get(
    '/kamus',
    {
      config: { permission: 'kamus.read' },
      schema: { tags, summary: 'The proposal dictionary (kamus usulan)', response: { 200: kamusList } },
    },
    async () => ({ items: await kamus.listKamus(ctx) }),
  );
  app.post(
    '/kamus/import',
    {
      config: { permission: 'kamus.import' },
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import the proposal dictionary from XLSX (kode, nama, bidang, kode_opd, program, satuan, harga_satuan); all rows or none',
        consumes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        querystring: kamusImportQuery,
        response: { 200: kamusImportResult },
      },
    },
    async (request) => {
      return kamus.importKamus(ctx, request.principal, uploadedFile(request));
    },
  );
}

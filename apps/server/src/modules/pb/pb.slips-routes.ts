import { pbElectionParams } from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { acceptFiles, uploadedFile, uploadedType, XLSX_TYPE } from '../../http/upload.ts';
import * as slips from './pb.slips.ts';

/** A desa's voter list from a file, and the slips to print (issue 20). */
export function slipRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['participatory budgeting'];
  acceptFiles(app, [XLSX_TYPE, 'text/csv'], 5 * 1024 * 1024);
  app.post(
    '/pb/elections/:id/voters/import',
    {
      config: { permission: 'pb.register' },
      schema: {
        tags,
        summary: `Register residents from a CSV or XLSX (columns nik, kode_desa; at most ${slips.VOTERS_PER_FILE}); all or none; answers with the voter slips as a PDF, the only place the codes appear`,
        consumes: [XLSX_TYPE, 'text/csv'],
        params: pbElectionParams,
      },
    },
    async (request, reply) => {
      const r = await slips.importVoters(
        ctx,
        request.principal,
        request.params.id,
        uploadedFile(request),
        uploadedType(request),
      );
      reply.header('x-voters-registered', String(r.count));
      return sendFile(reply, {
        kind: 'pdf',
        name: `kartu-kode-pemilih-${request.params.id}.pdf`,
        data: r.pdf,
      });
    },
  );
  app.post(
    '/pb/elections/:id/slips',
    {
      config: { permission: 'pb.register' },
      schema: {
        tags,
        summary: 'Voter slips (PDF) for codes just issued one by one, not yet used',
        params: pbElectionParams,
        body: z.strictObject({
          codes: z
            .array(
              z
                .string()
                .trim()
                .toUpperCase()
                .regex(/^PB-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
            )
            .min(1)
            .max(50),
        }),
      },
    },
    async (request, reply) =>
      sendFile(reply, {
        kind: 'pdf',
        name: `kartu-kode-pemilih-${request.params.id}.pdf`,
        data: await slips.slipsForCodes(ctx, request.principal, request.params.id, request.body.codes),
      }),
  );
}

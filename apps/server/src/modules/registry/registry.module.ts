import {
  decileImportQuery,
  nikLookupBody,
  peopleQuery,
  personBody,
  personDetail,
  personList,
  programParams,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { acceptFiles, uploadedFile } from '../../http/upload.ts';
import type { Module } from '../module.ts';
import * as deciles from './deciles.service.ts';
import * as service from './registry.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];
  const created = z.object({ id: z.string() });
  acceptFiles(app, ['text/csv'], 50 * 1024 * 1024);

  app.get(
    '/people',
    {
      config: { permission: 'registry.read' },
      schema: {
        response: { 200: personList },
        tags,
        summary:
          'People in the registry within your area (NIK and No. KK masked unless your role needs them; logged)',
        querystring: peopleQuery,
      },
    },
    async (request) => service.listPeople(ctx, request.principal, request.query),
  );
  app.get(
    '/people.xlsx',
    {
      config: { permission: 'registry.read' },
      schema: {
        tags,
        summary: 'The people list as a workbook (same scope and masking as the list; the export is logged)',
        querystring: peopleQuery,
      },
    },
    async (request, reply) =>
      sendFile(reply, {
        kind: 'xlsx',
        name: `penduduk-${request.query.region ?? 'wilayah'}.xlsx`,
        data: await service.exportPeople(ctx, request.principal, request.query),
      }),
  );
  app.post(
    '/people',
    {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary: 'Register a resident (NIK and No. KK sealed at rest)',
        body: personBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.registerPerson(ctx, request.principal, request.body)),
  );
  app.post(
    '/people/lookup',
    {
      config: { permission: 'registry.read' },
      schema: {
        response: { 200: personDetail },
        tags,
        summary: 'Find a person by NIK (in the body, never in a URL); the read is logged',
        body: nikLookupBody,
      },
    },
    async (request) => service.findByNik(ctx, request.principal, request.body.nik),
  );
  app.get(
    '/people/:id',
    {
      config: { permission: 'registry.read' },
      schema: {
        response: { 200: personDetail },
        tags,
        summary: 'A person with their programs and businesses; the read is logged',
        params: programParams,
      },
    },
    async (request) => service.getPerson(ctx, request.principal, request.params.id),
  );
  app.post(
    '/deciles',
    {
      config: { permission: 'registry.import' },
      schema: {
        tags,
        summary:
          'Import welfare deciles per family (DTSEN-style CSV: no_kk,desil); rows of unknown families are counted, not stored',
        querystring: decileImportQuery,
        response: { 201: z.object({ rows: z.number(), matched: z.number(), unmatched: z.number() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await deciles.importDeciles(ctx, request.principal, uploadedFile(request), request.query.year)),
  );
}

export const registryModule: Module = { name: 'registry', routes };

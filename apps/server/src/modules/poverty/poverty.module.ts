import { povertyQuery, povertyView, surveyImportQuery } from '@sinergi/contracts';
import { withNullNumbers } from '@sinergi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { acceptFiles, uploadedFile } from '../../http/upload.ts';
import type { Module } from '../module.ts';
import * as service from './poverty.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['poverty'];
  acceptFiles(app, ['text/csv'], 50 * 1024 * 1024);

  app.get(
    '/poverty',
    {
      // Its answer depends on the surveys, settings, series and regions only: kept until one
      // changes (issue 18: 5,000 households read and profiled took 200 ms on every visit).
      config: { permission: 'poverty.read', cache: true },
      schema: {
        response: { 200: povertyView },
        tags,
        summary:
          'Poverty and inequality: the published series beside the figures of a household survey, per kecamatan',
        querystring: povertyQuery,
      },
    },
    async (request) => withNullNumbers(await service.povertyFigures(ctx, request.query)),
  );
  app.post(
    '/surveys',
    {
      config: { permission: 'survey.import' },
      schema: {
        tags,
        summary: 'Import household survey records (CSV: id,expenditure_per_capita,size,weight,region)',
        querystring: surveyImportQuery,
        response: { 201: z.object({ households: z.number() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.importSurvey(ctx, request.principal, uploadedFile(request), request.query)),
  );
}

export const povertyModule: Module = { name: 'poverty', routes };

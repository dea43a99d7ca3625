import {
  desaParams,
  desaScorecard,
  indexResultList,
  indexResultsQuery,
  indexSummary,
  indexYearQuery,
  weakestList,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import * as service from './village-index.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['village-index'];
  const read = { permission: 'index.read' } as const;
  app.get(
    '/index/summary',
    {
      config: read,
      schema: {
        tags,
        summary: 'Status counts per year, transitions, and a table per kecamatan',
        response: { 200: indexSummary },
      },
    },
    async () => service.getSummary(ctx),
  );
  app.get(
    '/index/results',
    {
      config: read,
      schema: {
        tags,
        summary: 'Index value and status of every desa in a year (for maps and tables)',
        querystring: indexResultsQuery,
        response: { 200: indexResultList },
      },
    },
    async (request) => service.getResults(ctx, request.query),
  );
  app.get(
    '/index/weakest',
    {
      config: read,
      schema: {
        tags,
        summary: 'The weakest indicators across the desa, routed to who can act',
        querystring: indexYearQuery,
        response: { 200: weakestList },
      },
    },
    async (request) => service.getWeakest(ctx, request.query),
  );
  app.get(
    '/index/desa/:code',
    {
      config: read,
      schema: {
        tags,
        summary: 'A desa scorecard: history, indicator scores, and the cheapest plan to the next status',
        params: desaParams,
        response: { 200: desaScorecard },
      },
    },
    async (request) => service.getScorecard(ctx, request.params.code),
  );
}

export const villageIndexModule: Module = { name: 'village-index', routes };

import {
  planBody,
  planIndicatorBody,
  planLinksBody,
  planNodeBody,
  planParams,
  syncQuery,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import * as service from './plans.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const read = { permission: 'plans.read' } as const;
  const manage = { permission: 'plans.manage' } as const;
  const created = z.object({ id: z.string() });
  app.get('/plans', { config: read, schema: { tags, summary: 'Plans of every level' } }, async () =>
    service.listPlans(ctx),
  );
  app.post(
    '/plans',
    {
      config: manage,
      schema: { tags, summary: 'Create a plan', body: planBody, response: { 201: created } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createPlan(ctx, request.principal, request.body)),
  );
  app.get(
    '/plans/sync',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Synchronisation: orphans, uncovered targets, money by target, alignment scores, target consistency',
        querystring: syncQuery,
      },
    },
    async (request) => service.synchronisation(ctx, request.query.year),
  );
  app.get(
    '/plans/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A plan: its tree, links up, and indicators with achievement and projection',
        params: planParams,
      },
    },
    async (request) => service.getPlan(ctx, request.params.id),
  );
  app.post(
    '/plans/:id/nodes',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a node to a plan (with the higher nodes it supports)',
        params: planParams,
        body: planNodeBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addNode(ctx, request.principal, request.params.id, request.body)),
  );
  app.put(
    '/plan-nodes/:id/links',
    {
      config: { permission: 'plans.link' },
      schema: {
        tags,
        summary: 'Set the higher-plan nodes a node supports',
        params: planParams,
        body: planLinksBody,
      },
    },
    async (request) => service.setLinks(ctx, request.principal, request.params.id, request.body.supports),
  );
  app.post(
    '/plan-nodes/:id/indicators',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add an indicator (unit, direction, baseline, targets, realisations)',
        params: planParams,
        body: planIndicatorBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.addIndicator(ctx, request.principal, request.params.id, request.body)),
  );
}

export const plansModule: Module = { name: 'plans', routes };

import {
  agreementBody,
  opportunityList,
  partnerBody,
  partnerCreated,
  partnerDetail,
  partnerList,
  partnerParams,
  studyBody,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import { seedSamplePartners } from './partners.seed.ts';
import * as service from './partners.service.ts';

/** Partners of development, their agreements and commitments, and the CSR catalogue (issue 21). */
function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['partners'];
  const read = { permission: 'partners.read' } as const;
  const manage = { permission: 'partners.manage' } as const;
  app.get(
    '/partners',
    {
      config: read,
      schema: {
        tags,
        summary: 'Partners with their agreements and the money committed in force',
        response: { 200: partnerList },
      },
    },
    async () => service.listPartners(ctx),
  );
  app.post(
    '/partners',
    {
      config: manage,
      schema: { tags, summary: 'Register a partner', body: partnerBody, response: { 201: partnerCreated } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createPartner(ctx, request.principal, request.body)),
  );
  app.get(
    '/partners/opportunities',
    {
      config: { ...read, cache: 'daily' },
      schema: {
        tags,
        summary:
          'What a partner can take up: proposals the budget could not take, and village-index steps given to CSR',
        response: { 200: opportunityList },
      },
    },
    async () => service.opportunities(ctx),
  );
  app.get(
    '/partners/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A partner with its agreements and commitments',
        params: partnerParams,
        response: { 200: partnerDetail },
      },
    },
    async (request) => service.getPartner(ctx, request.params.id),
  );
  app.post(
    '/partners/:id/agreements',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record an agreement (MoU or PKS) with its term, scope and commitments',
        params: partnerParams,
        body: agreementBody,
        response: { 201: partnerCreated },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.addAgreement(ctx, request.principal, request.params.id, request.body)),
  );
  app.post(
    '/partners/:id/studies',
    {
      config: manage,
      schema: {
        tags,
        summary: "Record a research partner's study and the plan items whose targets it informs",
        params: partnerParams,
        body: studyBody,
        response: { 201: partnerCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addStudy(ctx, request.principal, request.params.id, request.body)),
  );
}

export const partnersModule: Module = {
  name: 'partners',
  routes,
  seed: async (ctx) => ({ samplePartners: await seedSamplePartners(ctx) }),
};

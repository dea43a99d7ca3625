import {
  okResponse,
  peopleQuery,
  programParams,
  umkmBody,
  umkmDetail,
  umkmList,
  umkmRecordBody,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import * as service from './umkm.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['umkm'];
  const created = z.object({ id: z.string() });

  app.get(
    '/umkm',
    {
      config: { permission: 'registry.read' },
      schema: {
        response: { 200: umkmList },
        tags,
        summary: 'Small businesses within your area (owner names only where you may see them)',
        querystring: peopleQuery,
      },
    },
    async (request) => service.listUmkm(ctx, request.principal, request.query),
  );
  app.post(
    '/umkm',
    {
      config: { permission: 'umkm.write' },
      schema: { tags, summary: 'Register a small business', body: umkmBody, response: { 201: created } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.saveUmkm(ctx, request.principal, request.body)),
  );
  app.get(
    '/umkm/:id',
    {
      config: { permission: 'registry.read' },
      schema: {
        response: { 200: umkmDetail },
        tags,
        summary: 'A business with its revenue and workers by month',
        params: programParams,
      },
    },
    async (request) => service.getUmkm(ctx, request.principal, request.params.id),
  );
  app.put(
    '/umkm/:id/records',
    {
      config: { permission: 'umkm.write' },
      schema: {
        response: { 200: okResponse },
        tags,
        summary: 'Revenue and workers of a month (the same month again replaces it)',
        params: programParams,
        body: umkmRecordBody,
      },
    },
    async (request) => service.recordUmkm(ctx, request.principal, request.params.id, request.body),
  );
}

export const umkmModule: Module = { name: 'umkm', routes };

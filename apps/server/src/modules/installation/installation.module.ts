import {
  addGovernmentBody,
  governmentAdminBody,
  governmentParams,
  installationView,
  job,
  user,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { presentJob } from '../jobs/jobs.presenter.ts';
import type { Module } from '../module.ts';
import { presentUser } from '../users/users.presenter.ts';
import { presentGovernment } from './installation.presenter.ts';
import * as service from './installation.service.ts';

/** The installation's page: on its first government only, for that government's administrators. */
function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['installation'];
  const manage = { permission: 'installation.manage' } as const;
  app.get(
    '/installation',
    {
      config: manage,
      schema: {
        tags,
        summary: "The installation's governments with their host names (404 on any but its first)",
        response: { 200: installationView },
      },
    },
    async () => ({ governments: (await service.getInstallation(ctx)).map(presentGovernment) }),
  );
  app.post(
    '/installation/governments',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Add a kabupaten/kota or a province (a job); served at its host names once ready, without a restart',
        body: addGovernmentBody,
        response: { 202: job },
      },
    },
    async (request, reply) =>
      reply.code(202).send(presentJob(await service.requestAdd(ctx, request.principal, request.body))),
  );
  app.post(
    '/installation/governments/:code/admin',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Make the first administrator of a government added here (refused once it has accounts)',
        params: governmentParams,
        body: governmentAdminBody,
        response: { 201: user },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentUser(
            await service.createFirstAdmin(ctx, request.principal, request.params.code, request.body),
            ctx.clock(),
          ),
        ),
  );
}

export const installationModule: Module = {
  name: 'installation',
  routes,
  jobs: { 'installation.add': service.runAdd },
};

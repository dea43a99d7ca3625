import {
  organisation,
  organisationBody,
  organisationList,
  organisationParams,
  organisationUpdateBody,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import type { OrganisationRow } from './organisations.repository.ts';
import { seedOrganisations } from './organisations.seed.ts';
import * as service from './organisations.service.ts';

const present = (r: OrganisationRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  shortName: r.shortName,
  kind: r.kind,
  active: r.active,
});

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];
  app.get(
    '/organisations',
    {
      // Kept until an organisation changes (http/read-cache.ts).
      config: { permission: 'organisations.read', cache: true },
      schema: {
        tags,
        summary: 'Perangkat daerah (OPD) of the kabupaten',
        response: { 200: organisationList },
      },
    },
    async () => ({ items: (await service.findOrganisations(ctx)).map(present) }),
  );
  app.post(
    '/organisations',
    {
      config: { permission: 'organisations.manage' },
      schema: { tags, summary: 'Add an OPD', body: organisationBody, response: { 201: organisation } },
    },
    async (request, reply) =>
      reply.code(201).send(present(await service.createOrganisation(ctx, request.principal, request.body))),
  );
  app.patch(
    '/organisations/:id',
    {
      config: { permission: 'organisations.manage' },
      schema: {
        tags,
        summary: 'Change an OPD',
        params: organisationParams,
        body: organisationUpdateBody,
        response: { 200: organisation },
      },
    },
    async (request) =>
      present(await service.updateOrganisation(ctx, request.principal, request.params.id, request.body)),
  );
}

export const organisationsModule: Module = {
  name: 'organisations',
  routes,
  seed: async (ctx) => ({ organisations: await seedOrganisations(ctx) }),
};

import {
  publicProposalDetail,
  publicProposalList,
  publicProposalQuery,
  similarList,
  similarQuery,
  trackingParams,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import * as service from './portal.service.ts';

/** The public portal's reads (issue 20): anyone, signed in or not, sees the same public fields. */
function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  const open = { permission: 'proposals.track', cache: 'daily' } as const;
  app.get(
    '/public/proposals',
    {
      config: open,
      schema: {
        tags,
        summary:
          'Proposals past moderation, with their step, cost, latest decision and reason (no personal data)',
        querystring: publicProposalQuery,
        response: { 200: publicProposalList },
      },
    },
    async (request) => service.listPublicProposals(ctx, request.query),
  );
  app.get(
    '/public/proposals/similar',
    {
      config: open,
      schema: {
        tags,
        summary:
          'Proposals of a desa and year with a title like this one (shown before a citizen sends theirs)',
        querystring: similarQuery,
        response: { 200: similarList },
      },
    },
    async (request) => service.similarProposals(ctx, request.query),
  );
  app.get(
    '/public/proposals/:code',
    {
      config: { permission: 'proposals.track' },
      schema: {
        tags,
        summary: "A proposal's public page: description, photos, its whole path and the project it became",
        params: trackingParams,
        response: { 200: publicProposalDetail },
      },
    },
    async (request) => service.getPublicProposal(ctx, request.params.code),
  );
  app.get(
    '/public/proposals/:code/photos/:photoId',
    {
      config: { permission: 'proposals.track' },
      schema: {
        tags,
        summary: "A photo of a proposal's site (none while its desa moderates it)",
        params: trackingParams.extend({ photoId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const photo = await service.getPublicPhoto(ctx, request.params.code, request.params.photoId);
      return reply.type(photo.mediaType).header('cache-control', 'public, max-age=3600').send(photo.data);
    },
  );
}

export const portalModule: Module = { name: 'portal', routes };

import {
  citizenRegisterBody,
  citizenVerifyBody,
  commentBody,
  commentList,
  commentParams,
  hideCommentBody,
  supportState,
  trackingParams,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import * as service from './citizens.service.ts';

/**
 * Citizens in the loop (issue 20): accounts verified by e-mail, one support per account per
 * proposal, comments the desa moderates. Limits per address on every write; per account in the
 * service (comments a day, verification mails a day).
 */
function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['citizens'];
  const sent = z.object({ sent: z.literal(true) });
  app.post(
    '/citizens/register',
    {
      config: { permission: 'public', rateLimit: { max: 5, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary:
          'A citizen registers with an e-mail address; the account signs in once the mailed link is opened',
        body: citizenRegisterBody,
        response: { 202: sent },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await service.register(ctx, request.principal, request.body)),
  );
  app.post(
    '/citizens/verify',
    {
      config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: "Activates a citizen's account with the token of the mailed link (once)",
        body: citizenVerifyBody,
        response: { 200: z.object({ verified: z.literal(true) }) },
      },
    },
    async (request) => service.verify(ctx, request.principal, request.body.token),
  );
  app.get(
    '/public/proposals/:code/support',
    {
      config: { permission: 'proposals.track' },
      schema: {
        tags,
        summary: 'How many citizens support a proposal, and whether the signed-in citizen does',
        params: trackingParams,
        response: { 200: supportState },
      },
    },
    async (request) => service.supportStateOf(ctx, request.principal, request.params.code),
  );
  for (const [method, on] of [
    ['post', true],
    ['delete', false],
  ] as const)
    app[method](
      '/public/proposals/:code/support',
      {
        config: { permission: 'proposals.support', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: on ? 'Support a proposal (one per account)' : 'Withdraw your support',
          params: trackingParams,
          response: { 200: supportState },
        },
      },
      async (request) => service.setSupport(ctx, request.principal, request.params.code, on),
    );
  app.get(
    '/public/proposals/:code/comments',
    {
      config: { permission: 'proposals.track' },
      schema: {
        tags,
        summary: "Citizens' comments on a proposal; a hidden one shows who hid it and why",
        params: trackingParams,
        response: { 200: commentList },
      },
    },
    async (request) => service.listComments(ctx, request.principal, request.params.code),
  );
  app.post(
    '/public/proposals/:code/comments',
    {
      config: { permission: 'comments.write', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: `Comment on a proposal (at most ${service.COMMENTS_PER_DAY} a day per account)`,
        params: trackingParams,
        body: commentBody,
        response: { 200: commentList },
      },
    },
    async (request) => service.addComment(ctx, request.principal, request.params.code, request.body.comment),
  );
  app.post(
    '/comments/:id/hide',
    {
      config: { permission: 'comments.moderate' },
      schema: {
        tags,
        summary:
          "Hide a citizen's comment with a reason (the desa of the proposal, its kecamatan, Bappeda); never deleted",
        params: commentParams,
        body: hideCommentBody,
        response: { 200: commentList },
      },
    },
    async (request) => service.hideComment(ctx, request.principal, request.params.id, request.body.reason),
  );
}

export const citizensModule: Module = { name: 'citizens', routes };

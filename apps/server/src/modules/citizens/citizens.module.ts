import {
  citizenRegisterBody,
  citizenVerifyBody,
  commentBody,
  commentList,
  commentParams,
  hideCommentBody,
  photoStored,
  siteAnswerBody,
  siteReportBody,
  siteReportList,
  siteReportParams,
  supportState,
  trackingParams,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { IMAGE_TYPES, PHOTO_LIMIT } from '../../http/images.ts';
import { acceptFiles, uploadedFile, uploadedType } from '../../http/upload.ts';
import type { Module } from '../module.ts';
import * as service from './citizens.service.ts';
import * as sites from './citizens.sites.ts';
import { waitingForCitizen } from './citizens.waiting.ts';

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

/** What citizens see at project sites, apart from the official reports, with the agency's answer. */
function siteRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['citizens'];
  acceptFiles(app, IMAGE_TYPES, PHOTO_LIMIT);
  const projectParams = z.strictObject({ id: z.uuid() });
  app.get(
    '/projects/:id/site-reports',
    {
      config: { permission: 'projects.read' },
      schema: {
        tags,
        summary: "Citizens' reports from the project's site, with their photos and the agency's answers",
        params: projectParams,
        response: { 200: siteReportList },
      },
    },
    async (request) => sites.listSiteReports(ctx, request.principal, request.params.id),
  );
  app.post(
    '/projects/:id/site-reports',
    {
      config: { permission: 'projects.observe', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: `A citizen reports what they see at the site (at most ${sites.SITE_REPORTS_PER_DAY} a day)`,
        params: projectParams,
        body: siteReportBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await sites.addSiteReport(ctx, request.principal, request.params.id, request.body)),
  );
  app.post(
    '/site-reports/:id/photos',
    {
      config: { permission: 'projects.observe', rateLimit: { max: 10, timeWindow: '1 minute' } },
      bodyLimit: PHOTO_LIMIT,
      schema: {
        tags,
        summary: `Its author adds a photo to a site report (JPEG, PNG or WebP, 5 MiB; ${sites.SITE_PHOTOS} at most, for a day)`,
        consumes: IMAGE_TYPES,
        params: siteReportParams,
        response: { 201: photoStored },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await sites.addSiteReportPhoto(
            ctx,
            request.principal,
            request.params.id,
            uploadedFile(request),
            uploadedType(request),
          ),
        ),
  );
  app.get(
    '/site-photos/:id',
    {
      config: { permission: 'projects.read' },
      schema: { tags, summary: 'A photo of a site report', params: siteReportParams },
    },
    async (request, reply) => {
      const photo = await sites.getSiteReportPhoto(ctx, request.params.id);
      return reply.type(photo.mediaType).header('cache-control', 'public, max-age=3600').send(photo.data);
    },
  );
  app.post(
    '/site-reports/:id/answer',
    {
      config: { permission: 'projects.verify' },
      schema: {
        tags,
        summary: 'The agency running the project answers a site report (once)',
        params: siteReportParams,
        body: siteAnswerBody,
        response: { 200: siteReportList },
      },
    },
    async (request) => sites.answerSiteReport(ctx, request.principal, request.params.id, request.body.answer),
  );
}

export const citizensModule: Module = {
  name: 'citizens',
  routes: (app, ctx) => {
    routes(app, ctx);
    siteRoutes(app, ctx);
  },
  waiting: waitingForCitizen,
};

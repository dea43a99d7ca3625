import {
  aspirationBody,
  createdProposal,
  decisionBody,
  duplicateQuery,
  photoParams,
  photoStored,
  proposalBody,
  proposalDetail,
  proposalList,
  proposalListQuery,
  proposalParams,
  publicTracking,
  rolloverBody,
  rolloverResult,
  stageCounts,
  stageCountsQuery,
  trackingParams,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { acceptFiles, uploadedFile, XLSX_TYPE } from '../../http/upload.ts';
import type { Module } from '../module.ts';
import { forumRoutes } from './forums.routes.ts';
import { kamusRoutes } from './kamus.routes.ts';
import { submitAspiration } from './musrenbang.aspirations.ts';
import * as decisions from './musrenbang.decisions.ts';
import * as list from './musrenbang.list.ts';
import * as photos from './musrenbang.photos.ts';
import { seedDemoMusrenbang } from './musrenbang.seed.ts';
import * as service from './musrenbang.service.ts';
import { waitingInMusrenbang } from './musrenbang.waiting.ts';
import { exportSipd, importSipd } from './sipd.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['musrenbang'];
  // Workbooks (kamus, SIPD files) and photos come as the request body itself.
  acceptFiles(app, XLSX_TYPE, 20 * 1024 * 1024);
  app.get(
    '/proposals',
    {
      // Kept per session until a proposal changes (http/read-cache.ts).
      config: { permission: 'proposals.read', cache: true },
      schema: {
        tags,
        summary: 'Proposals of every track; `mine=1` lists what the signed-in office must decide now',
        querystring: proposalListQuery,
        response: { 200: proposalList },
      },
    },
    async (request) => list.listProposals(ctx, request.principal, request.query),
  );
  app.post(
    '/proposals',
    {
      config: { permission: 'proposals.create' },
      schema: {
        tags,
        summary: 'Enter a proposal (Musrenbang by a desa or kecamatan, Renja by an OPD, pokir by the DPRD)',
        body: proposalBody,
        response: { 201: createdProposal },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createProposal(ctx, request.principal, request.body)),
  );
  app.get(
    '/proposals/stages',
    {
      // Counts only: the public portal shows where the planning year stands.
      config: { permission: 'proposals.track', cache: true },
      schema: {
        tags,
        summary: 'How many proposals of a plan year are at each step (active) or ended there',
        querystring: stageCountsQuery,
        response: { 200: stageCounts },
      },
    },
    async (request) => list.stageCountsOf(ctx, request.query.year),
  );
  app.get(
    '/proposals/duplicates',
    {
      config: { permission: 'proposals.read' },
      schema: {
        tags,
        summary: 'Active proposals of the same desa and year with a similar title',
        querystring: duplicateQuery,
        response: { 200: z.object({ items: createdProposal.shape.duplicateOf }) },
      },
    },
    async (request) => service.checkDuplicates(ctx, request.query),
  );
  app.get(
    '/proposals/:id',
    {
      config: { permission: 'proposals.read' },
      schema: {
        tags,
        summary: 'One proposal with its history and photos',
        params: proposalParams,
        response: { 200: proposalDetail },
      },
    },
    async (request) => service.getProposal(ctx, request.principal, request.params.id),
  );
  app.post(
    '/proposals/:id/decisions',
    {
      config: { permission: 'proposals.decide' },
      schema: {
        tags,
        summary: 'Forward, merge, defer or reject a proposal at its current step',
        params: proposalParams,
        body: decisionBody,
        response: { 200: proposalDetail },
      },
    },
    async (request) => decisions.decide(ctx, request.principal, request.params.id, request.body),
  );
  app.post(
    '/proposals/rollover',
    {
      config: { permission: 'proposals.rollover' },
      schema: {
        tags,
        summary: "Year end: every active, unfunded proposal of the year joins next year's pool",
        body: rolloverBody,
        response: { 200: rolloverResult },
      },
    },
    async (request) => decisions.rollover(ctx, request.principal, request.body.year),
  );

  app.get(
    '/proposals/sipd.xlsx',
    {
      config: { permission: 'proposals.read' },
      schema: {
        tags,
        summary: "A plan year's proposals in the SIPD layout, with the recommendation and note at each step",
        querystring: z.strictObject({ year: z.coerce.number().int().min(2020).max(2100) }),
      },
    },
    async (request, reply) =>
      sendFile(reply, {
        kind: 'xlsx',
        name: `usulan-sipd-${request.query.year}.xlsx`,
        data: await exportSipd(ctx, request.query.year),
      }),
  );
  app.post(
    '/proposals/import/sipd',
    {
      config: { permission: 'proposals.import' },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import proposals from a file in the SIPD layout; all rows or none; rows already held are left alone',
        consumes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: {
          200: z.object({ rows: z.number().int(), created: z.number().int(), unchanged: z.number().int() }),
        },
      },
    },
    async (request) => {
      return importSipd(ctx, request.principal, uploadedFile(request));
    },
  );

  acceptFiles(app, ['image/jpeg', 'image/png', 'image/webp'], photos.PHOTO_LIMIT);
  app.post(
    '/proposals/:id/photos',
    {
      config: { permission: 'proposals.photos' },
      bodyLimit: photos.PHOTO_LIMIT,
      schema: {
        tags,
        summary: 'Add a photo (the image itself as the body: JPEG, PNG or WebP, at most 5 MiB)',
        consumes: ['image/jpeg', 'image/png', 'image/webp'],
        params: proposalParams,
        response: { 201: photoStored },
      },
    },
    async (request, reply) => {
      const photo = await photos.addPhoto(
        ctx,
        request.principal,
        request.params.id,
        uploadedFile(request),
        request.headers['content-type'] ?? '',
      );
      return reply.code(201).send(photo);
    },
  );
  app.get(
    '/proposals/:id/photos/:photoId',
    {
      config: { permission: 'proposals.read' },
      schema: { tags, summary: 'A photo of a proposal', params: photoParams },
    },
    async (request, reply) => {
      const photo = await photos.getPhoto(ctx, request.params.id, request.params.photoId);
      return reply.type(photo.mediaType).header('cache-control', 'private, max-age=3600').send(photo.data);
    },
  );

  app.post(
    '/aspirations',
    {
      config: { permission: 'aspirations.submit', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Anyone submits an aspiration without an account and gets a tracking code',
        body: aspirationBody,
        response: {
          201: z.object({
            trackingCode: z.string(),
            stage: z.string(),
            /** Lets the sender add photos for a day, until the desa moderates it (x-photo-token). */
            photoToken: z.string(),
          }),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await submitAspiration(ctx, request.principal, request.body)),
  );
  app.post(
    '/aspirations/:code/photos',
    {
      config: { permission: 'aspirations.submit', rateLimit: { max: 10, timeWindow: '1 minute' } },
      bodyLimit: photos.PHOTO_LIMIT,
      schema: {
        tags,
        summary: `The sender adds a photo of the site (JPEG, PNG or WebP, 5 MiB; ${photos.ASPIRATION_PHOTOS} at most) with the token given with the code`,
        consumes: ['image/jpeg', 'image/png', 'image/webp'],
        params: trackingParams,
        headers: z.object({ 'x-photo-token': z.string().min(10).max(100) }),
        response: { 201: photoStored },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await photos.addAspirationPhoto(
            ctx,
            request.principal,
            request.params.code,
            request.headers['x-photo-token'],
            uploadedFile(request),
            request.headers['content-type'] ?? '',
          ),
        ),
  );
  app.get(
    '/track/:code',
    {
      config: { permission: 'proposals.track' },
      schema: {
        tags,
        summary: 'Follow a proposal by its tracking code: each step, decision and reason (no personal data)',
        params: trackingParams,
        response: { 200: publicTracking },
      },
    },
    async (request) => service.trackProposal(ctx, request.params.code),
  );
  kamusRoutes(app, ctx);
  forumRoutes(app, ctx);
}

export const musrenbangModule: Module = {
  name: 'musrenbang',
  routes,
  seed: async (ctx) => ({ sampleProposals: await seedDemoMusrenbang(ctx) }),
  waiting: waitingInMusrenbang,
};

import {
  electionDetail,
  electionList,
  fingerprintList,
  overrideSaved,
  pbBallotBody,
  pbCandidateList,
  pbElectionBody,
  pbElectionParams,
  pbOverrideBody,
  pbReceiptParams,
  pbVoterBody,
  receiptView,
  savedId,
} from '@sinergi/contracts';
import { withNullNumbers } from '@sinergi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { readPbUpload } from '../../http/table-file.ts';
import { acceptFiles, uploadedFile } from '../../http/upload.ts';
import type { Module } from '../module.ts';
import { findFundingCandidates } from '../musrenbang/musrenbang.decisions.ts';
import * as count from './pb.count.ts';
import * as pabulib from './pb.pabulib.ts';
import * as service from './pb.service.ts';
import { slipRoutes } from './pb.slips-routes.ts';
import * as voting from './pb.voting.ts';

/** Pabulib files come as the request body itself. */
const PB_TYPES = ['text/plain', 'application/octet-stream'];

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['participatory budgeting'];
  const read = { permission: 'pb.read' } as const;
  const manage = { permission: 'pb.manage' } as const;
  const params = pbElectionParams;
  const created = z.object({ id: z.string() });
  acceptFiles(app, PB_TYPES, 50 * 1024 * 1024);

  app.get(
    '/pb/elections',
    {
      config: read,
      schema: {
        response: { 200: electionList },
        tags,
        summary: 'Participatory budgeting elections, newest first',
      },
    },
    async () => service.listElections(ctx),
  );
  app.post(
    '/pb/elections',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create an election: projects, ballot format (approval or cumulative), counting rule',
        body: pbElectionBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.saveElection(ctx, request.principal, request.body)),
  );
  app.get(
    '/pb/candidates',
    {
      config: manage,
      schema: {
        response: { 200: pbCandidateList },
        tags,
        summary: 'Musrenbang proposals at the kabupaten or RKPD step that may stand as projects',
        querystring: z.strictObject({ planYear: z.coerce.number().int().min(2020).max(2100) }),
      },
    },
    async (request) => ({ items: await findFundingCandidates(ctx, request.query.planYear) }),
  );
  app.post(
    '/pb/imports',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Import a Pabulib .pb file (META, PROJECTS, VOTES) as a closed election, ready to count',
        querystring: z.strictObject({ planYear: z.coerce.number().int().min(2020).max(2100) }),
        response: { 201: z.object({ id: z.string(), projects: z.number(), ballots: z.number() }) },
      },
    },
    async (request, reply) => {
      const file = await readPbUpload(uploadedFile(request));
      return reply
        .code(201)
        .send(await pabulib.importPb(ctx, request.principal, file, request.query.planYear));
    },
  );
  app.get(
    '/pb/receipts/:receipt',
    {
      config: { permission: 'pb.read' },
      schema: {
        response: { 200: receiptView },
        tags,
        summary: "Check a ballot receipt: recorded, and its fingerprint (not the ballot's content)",
        params: pbReceiptParams,
      },
    },
    async (request) => voting.checkReceipt(ctx, request.params.receipt),
  );
  app.get(
    '/pb/elections/:id/fingerprints',
    {
      config: { permission: 'pb.read' },
      schema: {
        response: { 200: fingerprintList },
        tags,
        summary: "The public list of the election's ballot fingerprints, for voters to find theirs",
        params,
      },
    },
    async (request) => voting.fingerprintsOf(ctx, request.params.id),
  );
  app.get(
    '/pb/elections/:id',
    {
      config: read,
      schema: {
        response: { 200: electionDetail },
        tags,
        summary:
          'An election: projects, counts, the computed result round by round, any override and its reason',
        params,
      },
    },
    async (request) =>
      withNullNumbers(
        await service.getElection(
          ctx,
          request.params.id,
          request.lang === 'en' ? 'en' : 'id',
          request.principal,
        ),
      ),
  );
  app.put(
    '/pb/elections/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change an election while it is a draft',
        params,
        body: pbElectionBody,
        response: { 200: savedId },
      },
    },
    async (request) => service.saveElection(ctx, request.principal, request.body, request.params.id),
  );
  for (const [path, action, summary] of [
    ['open', 'buka', 'Open voting'],
    ['close', 'tutup', 'Close voting'],
  ] as const)
    app.post(
      `/pb/elections/:id/${path}`,
      {
        config: manage,
        schema: { tags, summary, params, response: { 200: z.object({ state: z.string() }) } },
      },
      async (request) => service.changeState(ctx, request.principal, request.params.id, action),
    );
  app.post(
    '/pb/elections/:id/voters',
    {
      config: { permission: 'pb.register' },
      schema: {
        tags,
        summary:
          'Register a resident after checking the KTP in person; returns the voting code once (the NIK is kept only as a keyed hash)',
        params,
        body: pbVoterBody,
        response: { 201: z.object({ code: z.string(), regionCode: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await voting.registerVoter(ctx, request.principal, request.params.id, request.body)),
  );
  const receipt = z.object({
    receipt: z.string(),
    electionId: z.string(),
    title: z.string(),
    vote: z.array(z.string()),
    points: z.array(z.number()).nullable(),
    fingerprint: z.string(),
  });
  app.post(
    '/pb/elections/:id/ballots',
    {
      config: { permission: 'pb.vote', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Vote online with a voting code; returns a receipt',
        params,
        body: pbBallotBody,
        response: { 201: receipt },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await voting.castBallot(ctx, request.principal, request.params.id, request.body, 'online')),
  );
  app.post(
    '/pb/elections/:id/paper-ballots',
    {
      config: { permission: 'pb.register' },
      schema: {
        tags,
        summary: "Enter a paper ballot with the voter's code (officers of the voter's desa or kecamatan)",
        params,
        body: pbBallotBody,
        response: { 201: receipt },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await voting.castBallot(ctx, request.principal, request.params.id, request.body, 'paper')),
  );
  app.post(
    '/pb/elections/:id/count',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Count the ballots by the election rule, greedy beside it (a job)',
        params,
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await count.requestCount(ctx, request.principal, request.params.id)),
  );
  app.post(
    '/pb/elections/:id/override',
    {
      config: manage,
      schema: {
        response: { 200: overrideSaved },
        tags,
        summary: 'Replace the computed selection; the reason is recorded and shown publicly',
        params,
        body: pbOverrideBody,
      },
    },
    async (request) => count.override(ctx, request.principal, request.params.id, request.body),
  );
  app.post(
    '/pb/elections/:id/establish',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set the result; linked Musrenbang proposals move to the budget step',
        params,
        response: { 200: z.object({ funded: z.number().int() }) },
      },
    },
    async (request) => count.establish(ctx, request.principal, request.params.id),
  );
  app.get(
    '/pb/elections/:id/export.pb',
    {
      config: read,
      schema: { tags, summary: 'The election as a Pabulib .pb file (anonymous ballots)', params },
    },
    async (request, reply) => {
      const e = await service.getElection(ctx, request.params.id);
      return sendFile(reply, {
        kind: 'pb',
        name: `anggaran-partisipatif-${e.planYear}-${e.id.slice(0, 8)}.pb`,
        data: Buffer.from(await pabulib.exportPb(ctx, request.params.id), 'utf8'),
      });
    },
  );
}

export const pbModule: Module = {
  name: 'pb',
  routes: (app, ctx) => {
    routes(app, ctx);
    slipRoutes(app, ctx);
  },
  jobs: { 'pb.count': count.runCountJob },
};

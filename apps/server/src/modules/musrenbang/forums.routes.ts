import {
  agendaBody,
  forumBody,
  forumCloseBody,
  forumDetail,
  forumList,
  forumListQuery,
  forumParams,
  forumReopenBody,
  forumScoresBody,
  participantsBody,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { forumBeritaAcara } from './forums.documents.ts';
import { reopenForum } from './forums.reopen.ts';
import { prioritasXlsx } from './forums.report.ts';
import * as forums from './forums.service.ts';

/** Musrenbang forums: agenda, participants, ranking, decisions, berita acara and priority list. */
export function forumRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['musrenbang'];
  const manage = { permission: 'forums.manage' } as const;
  app.get(
    '/forums',
    {
      config: { permission: 'forums.read' },
      schema: {
        tags,
        summary: 'Forums, newest first',
        querystring: forumListQuery,
        response: { 200: forumList },
      },
    },
    async (request) => forums.listForums(ctx, request.query.year),
  );
  app.post(
    '/forums',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Open a forum at desa, kecamatan or kabupaten level',
        body: forumBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await forums.createForum(ctx, request.principal, request.body)),
  );
  app.get(
    '/forums/:id',
    {
      config: { permission: 'forums.read' },
      schema: {
        tags,
        summary: 'A forum with its agenda, ranking, decisions and the proposals it may add',
        params: forumParams,
        response: { 200: forumDetail },
      },
    },
    async (request) => forums.getForum(ctx, request.principal, request.params.id),
  );
  app.put(
    '/forums/:id/participants',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Participants: counts by group and the attendance list',
        params: forumParams,
        body: participantsBody,
        response: { 200: forumDetail },
      },
    },
    async (request) => forums.setParticipants(ctx, request.principal, request.params.id, request.body),
  );
  app.put(
    '/forums/:id/agenda',
    {
      config: manage,
      schema: {
        tags,
        summary: "Set the agenda: proposals at the forum's step in its area",
        params: forumParams,
        body: agendaBody,
        response: { 200: forumDetail },
      },
    },
    async (request) => forums.setAgenda(ctx, request.principal, request.params.id, request.body),
  );
  app.put(
    '/forums/:id/scores',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record scores per criterion or votes; the agenda is ranked',
        params: forumParams,
        body: forumScoresBody,
        response: { 200: forumDetail },
      },
    },
    async (request) => forums.setScores(ctx, request.principal, request.params.id, request.body),
  );
  app.post(
    '/forums/:id/close',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Close the forum with a decision on every agenda item (all or none)',
        params: forumParams,
        body: forumCloseBody,
        response: { 200: forumDetail },
      },
    },
    async (request) => forums.closeForum(ctx, request.principal, request.params.id, request.body),
  );
  app.post(
    '/forums/:id/reopen',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Reopen a closed forum (the level above, with a reason the berita acara shows); its decisions are taken back',
        params: forumParams,
        body: forumReopenBody,
        response: { 200: forumDetail },
      },
    },
    async (request) => reopenForum(ctx, request.principal, request.params.id, request.body.reason),
  );
  app.get(
    '/forums/:id/berita-acara.pdf',
    {
      config: { permission: 'forums.read' },
      schema: { tags, summary: 'Berita acara of the forum (PDF)', params: forumParams },
    },
    async (request, reply) => {
      const { forum: f, pdf } = await forumBeritaAcara(ctx, request.principal, request.params.id);
      return sendFile(reply, {
        kind: 'pdf',
        name: `berita-acara-musrenbang-${f.level}-${f.regionCode}-${f.planYear}.pdf`,
        data: pdf,
      });
    },
  );
  app.get(
    '/forums/:id/prioritas.xlsx',
    {
      config: { permission: 'forums.read' },
      schema: { tags, summary: 'Daftar usulan prioritas (XLSX)', params: forumParams },
    },
    async (request, reply) => {
      const f = await forums.getForum(ctx, request.principal, request.params.id);
      const data = await prioritasXlsx(f);
      return sendFile(reply, {
        kind: 'xlsx',
        name: `usulan-prioritas-${f.level}-${f.regionCode}-${f.planYear}.xlsx`,
        data,
      });
    },
  );
}

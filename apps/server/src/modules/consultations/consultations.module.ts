import {
  consultationAnswerBody,
  consultationBody,
  consultationCommentBody,
  consultationCommentCreated,
  consultationCreated,
  consultationDetail,
  consultationList,
  consultationParams,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { languageOf } from '../../http/problem.ts';
import { sendFile } from '../../http/send-file.ts';
import type { Module } from '../module.ts';
import { consultationRecord } from './consultations.record.ts';
import * as service from './consultations.service.ts';

/** Public consultation on draft plans (issue 21; Permendagri 86/2017). */
function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['consultations'];
  const read = { permission: 'consultations.read' } as const;
  const manage = { permission: 'consultations.manage' } as const;
  app.get(
    '/consultations',
    {
      config: read,
      schema: {
        tags,
        summary: 'Public consultations on draft plans, newest first (of one plan, if asked)',
        querystring: z.strictObject({ plan: z.uuid().optional() }),
        response: { 200: consultationList },
      },
    },
    async (request) => service.listConsultations(ctx, request.query.plan),
  );
  app.post(
    '/consultations',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Prepare a public consultation on a draft plan: its title and window',
        body: consultationBody,
        response: { 201: consultationCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createConsultation(ctx, request.principal, request.body)),
  );
  app.get(
    '/consultations/:id',
    {
      config: read,
      schema: {
        tags,
        summary: "A consultation with the plan's items, every comment and its answer",
        params: consultationParams,
        response: { 200: consultationDetail },
      },
    },
    async (request) =>
      service.getConsultation(ctx, request.principal, request.params.id, languageOf(request)),
  );
  for (const [action, path, summary] of [
    ['buka', 'open', 'Open the consultation for comments (its window must not have passed)'],
    ['tutup', 'close', 'Close it once its window has passed and every comment has an answer'],
  ] as const)
    app.post(
      `/consultations/:id/${path}`,
      {
        config: manage,
        schema: { tags, summary, params: consultationParams, response: { 200: consultationCreated } },
      },
      async (request) => service.stepConsultation(ctx, request.principal, request.params.id, action),
    );
  app.post(
    '/consultations/:id/comments',
    {
      config: { permission: 'consultations.comment', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Comment on the plan or one of its items while the consultation is open',
        params: consultationParams,
        body: consultationCommentBody,
        response: { 201: consultationCommentCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addComment(ctx, request.principal, request.params.id, request.body)),
  );
  app.post(
    '/consultation-comments/:id/answer',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Answer a comment (once; a second answer is refused)',
        params: consultationParams,
        body: consultationAnswerBody,
        response: { 200: consultationDetail },
      },
    },
    async (request) =>
      service.answerComment(
        ctx,
        request.principal,
        request.params.id,
        request.body.answer,
        languageOf(request),
      ),
  );
  app.get(
    '/consultations/:id/berita-acara.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'The record of the consultation: every comment and its answer',
        params: consultationParams,
      },
    },
    async (request, reply) => {
      const { name, pdf } = await consultationRecord(
        ctx,
        request.principal,
        request.params.id,
        languageOf(request),
      );
      return sendFile(reply, { kind: 'pdf', name, data: pdf });
    },
  );
}

export const consultationsModule: Module = { name: 'consultations', routes };

import {
  cycleActionBody,
  cycleActionParams,
  cycleBody,
  cycleList,
  cycleMoved,
  enrolmentBody,
  enrolmentList,
  enrolmentParams,
  enrolmentPatch,
  evaluationView,
  grievanceBody,
  grievanceList,
  grievancePatch,
  grievanceUpdated,
  measurementBody,
  okResponse,
  programBody,
  programDetail,
  programList,
  programParams,
  programSaved,
  targetingView,
} from '@sinergi/contracts';
import { withNullNumbers } from '@sinergi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { acceptFiles } from '../../http/upload.ts';
import type { Module } from '../module.ts';
import { numberedLetterhead } from '../system/documents.service.ts';
import * as cycles from './cycles.service.ts';
import { evaluationPdf, evaluationXlsx } from './programs.report.ts';
import { seedSamplePrograms } from './programs.seed.ts';
import * as service from './programs.service.ts';
import { waitingInPrograms } from './programs.waiting.ts';
import * as targeting from './targeting.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['programs'];
  const created = z.object({ id: z.string() });
  acceptFiles(app, ['text/csv'], 50 * 1024 * 1024);

  app.get(
    '/programs',
    {
      config: { permission: 'programs.read' },
      schema: {
        response: { 200: programList },
        tags,
        summary: 'Programs with their participants and comparison group',
      },
    },
    async () => service.listPrograms(ctx),
  );
  app.post(
    '/programs',
    {
      config: { permission: 'programs.manage' },
      schema: {
        tags,
        summary: 'Create a program (an OPD creates its own)',
        body: programBody,
        response: { 201: z.object({ id: z.string(), eligibilityVersion: z.number() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.saveProgram(ctx, request.principal, request.body)),
  );
  app.get(
    '/programs/:id',
    {
      config: { permission: 'programs.read' },
      schema: {
        response: { 200: programDetail },
        tags,
        summary: 'A program with every version of its eligibility rule',
        params: programParams,
      },
    },
    async (request) => service.getProgram(ctx, request.params.id, request.principal),
  );
  app.put(
    '/programs/:id',
    {
      config: { permission: 'programs.manage' },
      schema: {
        response: { 200: programSaved },
        tags,
        summary: 'Change a program; a changed eligibility rule becomes a new version',
        params: programParams,
        body: programBody,
      },
    },
    async (request) => service.saveProgram(ctx, request.principal, request.body, request.params.id),
  );
  app.get(
    '/programs/:id/enrolments',
    {
      config: { permission: 'programs.read' },
      schema: {
        response: { 200: enrolmentList },
        tags,
        summary:
          "Participants and comparison group with measurements (names only for the program's OPD and Bappeda)",
        params: programParams,
      },
    },
    async (request) => service.listEnrolments(ctx, request.principal, request.params.id),
  );
  app.post(
    '/programs/:id/enrolments',
    {
      config: { permission: 'programs.manage' },
      schema: {
        tags,
        summary:
          'Enrol a person as participant or comparison; eligibility and exclusive programs are checked',
        params: programParams,
        body: enrolmentBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.enrol(ctx, request.principal, request.params.id, request.body)),
  );
  app.patch(
    '/enrolments/:id',
    {
      config: { permission: 'programs.manage' },
      schema: {
        response: { 200: okResponse },
        tags,
        summary: 'Attendance, completion or withdrawal',
        params: enrolmentParams,
        body: enrolmentPatch,
      },
    },
    async (request) => service.updateEnrolment(ctx, request.principal, request.params.id, request.body),
  );
  app.put(
    '/enrolments/:id/measurements',
    {
      config: { permission: 'programs.manage' },
      schema: {
        response: { 200: okResponse },
        tags,
        summary: 'Record an outcome at baseline or follow-up',
        params: enrolmentParams,
        body: measurementBody,
      },
    },
    async (request) => service.recordMeasurement(ctx, request.principal, request.params.id, request.body),
  );
  app.get(
    '/programs/:id/evaluation',
    {
      config: { permission: 'programs.read' },
      schema: {
        response: { 200: evaluationView },
        tags,
        summary:
          'Reach, completion, effects against the comparison group, costs, breakdowns, and the report text',
        params: programParams,
      },
    },
    async (request) => withNullNumbers(await service.evaluate(ctx, request.params.id)),
  );
  app.get(
    '/programs/:id/evaluation.pdf',
    {
      config: { permission: 'programs.read' },
      schema: { tags, summary: 'The evaluation report (PDF, Bahasa Indonesia)', params: programParams },
    },
    async (request, reply) => {
      const r = await service.evaluate(ctx, request.params.id);
      return sendFile(reply, {
        kind: 'pdf',
        name: `evaluasi-${r.program.code}.pdf`,
        data: await evaluationPdf(
          r,
          ctx.clock(),
          await numberedLetterhead(ctx, ctx.config.activeKabupaten, 'evaluasi', request.params.id),
        ),
      });
    },
  );
  app.get(
    '/programs/:id/evaluation.xlsx',
    {
      config: { permission: 'programs.read' },
      schema: { tags, summary: 'The evaluation as a workbook', params: programParams },
    },
    async (request, reply) => {
      const r = await service.evaluate(ctx, request.params.id);
      return sendFile(reply, {
        kind: 'xlsx',
        name: `evaluasi-${r.program.code}.xlsx`,
        data: await evaluationXlsx(r),
      });
    },
  );
  app.get(
    '/programs/:id/cycles',
    {
      config: { permission: 'programs.read' },
      schema: {
        response: { 200: cycleList },
        tags,
        summary: 'Payment cycles with their steps and re-checked recipients',
        params: programParams,
      },
    },
    async (request) => cycles.listCycles(ctx, request.params.id),
  );
  app.post(
    '/programs/:id/cycles',
    {
      config: { permission: 'programs.manage' },
      schema: {
        tags,
        summary: 'Make a payment cycle; every participant is re-checked against the rule in force',
        params: programParams,
        body: cycleBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cycles.createCycle(ctx, request.principal, request.params.id, request.body)),
  );
  app.post(
    '/cycles/:id/:action',
    {
      config: { permission: 'programs.manage' },
      schema: {
        response: { 200: cycleMoved },
        tags,
        summary: 'Submit, approve (never by the submitter), return, distribute or end a cycle',
        params: cycleActionParams,
        body: cycleActionBody,
      },
    },
    async (request) =>
      cycles.moveCycle(ctx, request.principal, request.params.id, request.params.action, request.body.note),
  );
  app.get(
    '/programs/:id/grievances',
    {
      config: { permission: 'programs.read' },
      schema: {
        response: { 200: grievanceList },
        tags,
        summary: 'Grievances about a program (desa and kecamatan see their own area)',
        params: programParams,
      },
    },
    async (request) => cycles.listGrievances(ctx, request.principal, request.params.id),
  );
  app.post(
    '/programs/:id/grievances',
    {
      config: { permission: 'grievances.write' },
      schema: {
        tags,
        summary: 'Record a grievance about eligibility or a payment',
        params: programParams,
        body: grievanceBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await cycles.fileGrievance(ctx, request.principal, request.params.id, request.body)),
  );
  app.patch(
    '/grievances/:id',
    {
      config: { permission: 'programs.manage' },
      schema: {
        response: { 200: grievanceUpdated },
        tags,
        summary: 'Work on or resolve a grievance (a resolution is required to close it)',
        params: programParams,
        body: grievancePatch,
      },
    },
    async (request) => cycles.updateGrievance(ctx, request.principal, request.params.id, request.body),
  );
  app.get(
    '/programs/:id/targeting',
    {
      config: { permission: 'programs.read' },
      schema: {
        response: { 200: targetingView },
        tags,
        summary: 'Inclusion and exclusion errors of a program (families), per kecamatan and per desa',
        params: programParams,
      },
    },
    async (request) => targeting.programTargeting(ctx, request.params.id),
  );
}

export const programsModule: Module = {
  name: 'programs',
  routes,
  seed: async (ctx) => ({ samplePeople: await seedSamplePrograms(ctx) }),
  waiting: waitingInPrograms,
};

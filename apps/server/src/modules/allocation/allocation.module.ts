import {
  adoptBody,
  compareQuery,
  explainParams,
  explanation,
  scenarioBody,
  scenarioComparison,
  scenarioDetail,
  scenarioList,
  scenarioParams,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import type { Module } from '../module.ts';
import * as adoption from './allocation.adopt.ts';
import * as explanations from './allocation.explain.ts';
import { scenarioXlsx } from './allocation.report.ts';
import * as service from './allocation.service.ts';
import { waitingInAllocation } from './allocation.waiting.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['allocation'];
  const read = { permission: 'allocation.read' } as const;
  const manage = { permission: 'allocation.manage' } as const;
  const created = z.object({ id: z.string() });
  app.get(
    '/scenarios',
    {
      config: read,
      schema: { response: { 200: scenarioList }, tags, summary: 'Budget scenarios, newest first' },
    },
    async () => service.listScenarios(ctx),
  );
  app.post(
    '/scenarios',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a budget scenario (criteria, weights or AHP, rules, solver settings)',
        body: scenarioBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.saveScenario(ctx, request.principal, request.body)),
  );
  app.get(
    '/scenarios/compare',
    {
      config: read,
      schema: {
        response: { 200: scenarioComparison },
        tags,
        summary: 'Two to four scenarios side by side',
        querystring: compareQuery,
      },
    },
    async (request) => ({
      items: await Promise.all(request.query.ids.split(',').map((id) => service.getScenario(ctx, id))),
    }),
  );
  app.get(
    '/scenarios/:id',
    {
      config: read,
      schema: {
        response: { 200: scenarioDetail },
        tags,
        summary: 'A scenario with its candidates, the optimum, the greedy list and spending breakdowns',
        params: scenarioParams,
      },
    },
    async (request) => service.getScenario(ctx, request.params.id),
  );
  app.put(
    '/scenarios/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a scenario (its last result is cleared)',
        params: scenarioParams,
        body: scenarioBody,
        response: { 200: created },
      },
    },
    async (request) => service.saveScenario(ctx, request.principal, request.body, request.params.id),
  );
  app.post(
    '/scenarios/:id/copy',
    {
      config: manage,
      schema: { tags, summary: 'Copy a scenario', params: scenarioParams, response: { 201: created } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.copyScenario(ctx, request.principal, request.params.id)),
  );
  app.post(
    '/scenarios/:id/solve',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Solve the scenario as a job (HiGHS in a worker thread; progress and cancel through /api/jobs)',
        params: scenarioParams,
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await service.requestSolve(ctx, request.principal, request.params.id)),
  );
  app.get(
    '/scenarios/:id/explain/:proposalId',
    {
      config: read,
      schema: {
        response: { 200: explanation },
        tags,
        summary:
          'Why a proposal is in or out: the binding rule, the score it would cost, what it displaces, the cost at which it enters',
        params: explainParams,
      },
    },
    async (request) => explanations.explain(ctx, request.params.id, request.params.proposalId),
  );
  app.post(
    '/scenarios/:id/explain',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Explain every candidate as a job (for the exported report)',
        params: scenarioParams,
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await explanations.requestExplainAll(ctx, request.principal, request.params.id)),
  );
  app.get(
    '/scenarios/:id/report.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The scenario as a workbook: summary, every candidate with its decision and reason, spending, conflicts',
        params: scenarioParams,
      },
    },
    async (request, reply) => {
      const s = await service.getScenario(ctx, request.params.id);
      return sendFile(reply, {
        kind: 'xlsx',
        name: `skenario-${s.planYear}-${s.id.slice(0, 8)}.xlsx`,
        data: await scenarioXlsx(s),
      });
    },
  );
  app.post(
    '/scenarios/:id/adopt',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Adopt: the selection moves to the budget step of the Musrenbang path, with the scenario as the reason',
        params: scenarioParams,
        body: adoptBody,
        response: { 200: z.object({ funded: z.number().int() }) },
      },
    },
    async (request) =>
      adoption.adopt(ctx, request.principal, request.params.id, request.body?.supersedeReason),
  );
}

export const allocationModule: Module = {
  name: 'allocation',
  routes,
  waiting: waitingInAllocation,
  jobs: { 'allocation.solve': service.runSolveJob, 'allocation.explain': explanations.runExplainJob },
};

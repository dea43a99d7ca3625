import {
  drillQuery,
  drillView,
  historyList,
  linkTargetList,
  okResponse,
  planBody,
  planDetail,
  planIndicatorBody,
  planLinksBody,
  planList,
  planNodeBody,
  planNodeMoveBody,
  planNodePatchBody,
  planParams,
  proposalPlanNodeBody,
  synchronisationView,
  syncQuery,
  workItemList,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { systemPrincipal } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { acceptFiles, uploadedFile, XLSX_TYPE } from '../../http/upload.ts';
import type { Module } from '../module.ts';
import { kabupatenName } from '../regions/regions.service.ts';
import { numberedLetterhead } from '../system/documents.service.ts';
import * as analysis from './plans.analysis.ts';
import { importPlan } from './plans.file.ts';
import { exportPlanFile } from './plans.file-export.ts';
import * as indicators from './plans.indicators.ts';
import { matrixPdf, matrixXlsx } from './plans.matrix.ts';
import * as nodes from './plans.nodes.ts';
import { provinceRoutes } from './plans.province-routes.ts';
import { loadReferenceLists } from './plans.reference.ts';
import { referenceRoutes } from './plans.reference-routes.ts';
import { seedSamplePlans } from './plans.seed.ts';
import * as service from './plans.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const read = { permission: 'plans.read' } as const;
  const _manage = { permission: 'plans.manage' } as const;
  // An office edits its own plans (checked per plan); Bappeda and the admin any.
  const edit = { permission: 'plans.edit' } as const;
  const created = z.object({ id: z.string() });
  const ok = okResponse;
  acceptFiles(app, [XLSX_TYPE, 'text/csv'], 10 * 1024 * 1024);
  app.get(
    '/plans',
    { config: read, schema: { tags, summary: 'Plans of every level', response: { 200: planList } } },
    async () => service.listPlans(ctx),
  );
  app.post(
    '/plans',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Create a plan (an OPD or desa creates only its own, at its own level)',
        body: planBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createPlan(ctx, request.principal, request.body)),
  );
  app.get(
    '/plans/sync',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Synchronisation: orphans, uncovered targets, money by target, alignment scores, target consistency',
        querystring: syncQuery,
        response: { 200: synchronisationView },
      },
    },
    async (request) => analysis.synchronisation(ctx, request.query.year),
  );
  app.get(
    '/plans/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A plan: its tree, links up, and indicators with achievement and projection',
        params: planParams,
        response: { 200: planDetail },
      },
    },
    async (request) => service.getPlan(ctx, request.params.id, request.principal),
  );
  app.post(
    '/plans/:id/nodes',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a node to a plan (with the higher nodes it supports)',
        params: planParams,
        body: planNodeBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await nodes.addNode(ctx, request.principal, request.params.id, request.body)),
  );
  app.put(
    '/plan-nodes/:id/links',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Set the higher-plan nodes a node supports',
        params: planParams,
        response: { 200: ok },
        body: planLinksBody,
      },
    },
    async (request) => nodes.setLinks(ctx, request.principal, request.params.id, request.body.supports),
  );
  app.post(
    '/plan-nodes/:id/indicators',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add an indicator (unit, direction, baseline, targets, realisations)',
        params: planParams,
        body: planIndicatorBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await indicators.addIndicator(ctx, request.principal, request.params.id, request.body)),
  );
  app.get(
    '/plans/work-items',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The program, kegiatan and sub-kegiatan of RKPD and Renja plans (what proposals are funded through)',
        response: { 200: workItemList },
      },
    },
    async () => service.workItems(ctx),
  );
  app.get(
    '/plans/drill',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Drill-down from a target: every node serving it, down to sub-kegiatan and desa items, and linked proposals',
        querystring: drillQuery,
        response: { 200: drillView },
      },
    },
    async (request) => analysis.drill(ctx, request.query.node, request.query.year, request.principal),
  );
  app.get(
    '/plans/matrix.xlsx',
    {
      config: read,
      schema: { tags, summary: 'The matriks sinkronisasi of a year as XLSX', querystring: syncQuery },
    },
    async (request, reply) =>
      sendFile(reply, {
        kind: 'xlsx',
        name: `matriks-sinkronisasi-${request.query.year}.xlsx`,
        data: await matrixXlsx(await analysis.matrix(ctx, request.query.year), await kabupatenName(ctx)),
      }),
  );
  app.get(
    '/plans/matrix.pdf',
    {
      config: read,
      schema: { tags, summary: 'The matriks sinkronisasi of a year as PDF', querystring: syncQuery },
    },
    async (request, reply) =>
      sendFile(reply, {
        kind: 'pdf',
        name: `matriks-sinkronisasi-${request.query.year}.pdf`,
        data: await matrixPdf(
          await analysis.matrix(ctx, request.query.year),
          ctx.clock(),
          await numberedLetterhead(ctx, ctx.config.activeKabupaten, 'matriks', String(request.query.year)),
        ),
      }),
  );
  app.get(
    '/plans/:id/link-targets',
    {
      config: read,
      schema: {
        tags,
        summary: "What the plan's items may support: higher plans' targets, and its owner's longer-term plan",
        params: planParams,
        response: { 200: linkTargetList },
      },
    },
    async (request) => nodes.linkTargets(ctx, request.params.id),
  );
  app.get(
    '/plans/:id/history',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Every change to a plan, newest first, with who made it',
        params: planParams,
        response: { 200: historyList },
      },
    },
    async (request) => service.planHistory(ctx, request.params.id),
  );
  app.get(
    '/plans/:id/template.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'A plan as the XLSX template (tree, indicators, and the higher targets to link to)',
        params: planParams,
      },
    },
    async (request, reply) => {
      const { plan, data } = await exportPlanFile(ctx, request.params.id);
      return sendFile(reply, {
        kind: 'xlsx',
        name: `${plan.kind}-${plan.startYear}-${plan.endYear}.xlsx`,
        data,
      });
    },
  );
  app.post(
    '/plans/:id/import',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Update a plan from its XLSX template (all or nothing; unchanged rows are left alone)',
        params: planParams,
        response: {
          200: z.object({
            created: z.number(),
            updated: z.number(),
            unchanged: z.number(),
            indicators: z.number(),
          }),
        },
      },
    },
    async (request) => importPlan(ctx, request.principal, request.params.id, uploadedFile(request)),
  );
  app.patch(
    '/plan-nodes/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: "Change a node's kind, code, title, tags or pagu",
        params: planParams,
        body: planNodePatchBody,
        response: { 200: ok },
      },
    },
    async (request) => nodes.updateNode(ctx, request.principal, request.params.id, request.body),
  );
  app.post(
    '/plan-nodes/:id/move',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Move a node under another node of the same plan, at a position',
        params: planParams,
        body: planNodeMoveBody,
        response: { 200: ok },
      },
    },
    async (request) => nodes.moveNode(ctx, request.principal, request.params.id, request.body),
  );
  app.delete(
    '/plan-nodes/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Delete a node with nothing below it and nothing relying on it',
        params: planParams,
        response: { 200: ok },
      },
    },
    async (request) => nodes.deleteNode(ctx, request.principal, request.params.id),
  );
  app.put(
    '/plan-indicators/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change an indicator (targets, realisations, series)',
        params: planParams,
        body: planIndicatorBody,
        response: { 200: ok },
      },
    },
    async (request) => indicators.updateIndicator(ctx, request.principal, request.params.id, request.body),
  );
  app.delete(
    '/plan-indicators/:id',
    {
      config: edit,
      schema: { tags, summary: 'Delete an indicator', params: planParams, response: { 200: ok } },
    },
    async (request) => indicators.deleteIndicator(ctx, request.principal, request.params.id),
  );
  app.put(
    '/proposals/:id/plan-node',
    {
      config: edit,
      schema: {
        tags,
        summary:
          'Link a Musrenbang proposal to the RKPD/Renja program, kegiatan or sub-kegiatan that would fund it',
        params: planParams,
        body: proposalPlanNodeBody,
        response: { 200: ok },
      },
    },
    async (request) => service.linkProposal(ctx, request.principal, request.params.id, request.body.nodeId),
  );
  referenceRoutes(fastify, ctx);
  provinceRoutes(fastify, ctx);
}

export const plansModule: Module = {
  name: 'plans',
  routes,
  seed: async (ctx) => ({
    referenceLists: await loadReferenceLists(ctx, systemPrincipal),
    samplePlans: await seedSamplePlans(ctx),
  }),
};

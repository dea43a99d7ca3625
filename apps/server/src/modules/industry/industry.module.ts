import {
  industryAnalysis,
  industryAnalysisQuery,
  industryBody,
  industryCreated,
  industryDetail,
  industryList,
  industryListQuery,
  industryParams,
  industryReportBody,
  industryReportParams,
  sentraBody,
  sentraList,
  trainingBody,
  trainingDetail,
  trainingList,
} from '@sinergi/contracts';
import { withNullNumbers } from '@sinergi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import * as reads from './industry.reads.ts';
import { seedSampleIndustry } from './industry.seed.ts';
import * as service from './industry.service.ts';

/**
 * The industry registry, sentra IKM, green-industry trainings and the situation analysis
 * (issue 21, part 1). Business figures are for the government's staff; the public sees the sentra
 * and, through the open data, totals that name no single business.
 */
function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['industry'];
  const read = { permission: 'industry.read' } as const;
  const manage = { permission: 'industry.manage' } as const;
  const created = { 201: industryCreated };
  app.get(
    '/industry',
    {
      config: read,
      schema: {
        tags,
        summary: 'Industrial businesses with their latest report',
        querystring: industryListQuery,
        response: { 200: industryList },
      },
    },
    async (request) => reads.listIndustries(ctx, request.query),
  );
  app.post(
    '/industry',
    {
      config: manage,
      schema: { tags, summary: 'Register an industrial business', body: industryBody, response: created },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createIndustry(ctx, request.principal, request.body)),
  );
  app.get(
    '/industry/analysis',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The situation analysis: sectors, kecamatan, emissions against the net-zero path, PDRB structure',
        querystring: industryAnalysisQuery,
        response: { 200: industryAnalysis },
      },
    },
    async (request) => reads.analysis(ctx, request.query),
  );
  app.get(
    '/industry/sentra',
    {
      config: { permission: 'industry.public' },
      schema: { tags, summary: 'The sentra IKM with their place and size', response: { 200: sentraList } },
    },
    async () => service.listSentra(ctx),
  );
  app.post(
    '/industry/sentra',
    { config: manage, schema: { tags, summary: 'Record a sentra IKM', body: sentraBody, response: created } },
    async (request, reply) =>
      reply.code(201).send(await service.createSentra(ctx, request.principal, request.body)),
  );
  app.get(
    '/industry/trainings',
    { config: read, schema: { tags, summary: 'Green-industry trainings', response: { 200: trainingList } } },
    async () => reads.listTrainings(ctx),
  );
  app.post(
    '/industry/trainings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a training and the businesses it trained',
        body: trainingBody,
        response: created,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reads.createTraining(ctx, request.principal, request.body)),
  );
  app.get(
    '/industry/trainings/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A training and its difference-in-differences evaluation from the registry',
        params: industryParams,
        response: { 200: trainingDetail },
      },
    },
    async (request) => withNullNumbers(await reads.getTraining(ctx, request.params.id)),
  );
  app.get(
    '/industry/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A business with its reports and their emissions',
        params: industryParams,
        response: { 200: industryDetail },
      },
    },
    async (request) => reads.getIndustry(ctx, request.params.id),
  );
  app.put(
    '/industry/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: "Correct a business's registration",
        params: industryParams,
        body: industryBody,
        response: { 200: industryCreated },
      },
    },
    async (request) => service.updateIndustry(ctx, request.principal, request.params.id, request.body),
  );
  app.put(
    '/industry/:id/reports/:year',
    {
      config: manage,
      schema: {
        tags,
        summary: "Save a business's report for a year (its totals feed the statistics series)",
        params: industryReportParams,
        body: industryReportBody,
        response: { 200: industryCreated },
      },
    },
    async (request) =>
      service.saveReport(ctx, request.principal, request.params.id, request.params.year, request.body),
  );
}

export const industryModule: Module = {
  name: 'industry',
  routes,
  seed: async (ctx) => ({ sampleIndustries: await seedSampleIndustry(ctx) }),
};

import { job, jobList, jobParams } from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import { presentJob } from './jobs.presenter.ts';
import { cancelJob, findJobs, getJob } from './jobs.service.ts';
import { waitingInJobs } from './jobs.waiting.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];
  app.get(
    '/jobs',
    {
      config: { permission: 'jobs.read' },
      schema: { tags, summary: 'Recent jobs (admin: all; others: their own)', response: { 200: jobList } },
    },
    async (request) => ({ items: (await findJobs(ctx, request.principal)).map(presentJob) }),
  );
  app.get(
    '/jobs/:id',
    {
      config: { permission: 'jobs.read' },
      schema: { tags, summary: 'One job with its progress', params: jobParams, response: { 200: job } },
    },
    async (request) => presentJob(await getJob(ctx, request.principal, request.params.id)),
  );
  app.post(
    '/jobs/:id/cancel',
    {
      config: { permission: 'jobs.cancel' },
      schema: { tags, summary: 'Ask a job to stop', params: jobParams, response: { 200: job } },
    },
    async (request) => presentJob(await cancelJob(ctx, request.principal, request.params.id)),
  );
}

export const jobsModule: Module = { name: 'jobs', routes, waiting: waitingInJobs };

import { backupList, backupParams, job } from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { presentJob } from '../jobs/jobs.presenter.ts';
import type { Module } from '../module.ts';
import * as service from './backups.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['backups'];
  const manage = { permission: 'backups.manage' } as const;
  app.get(
    '/backups',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The backups the server has written, newest first',
        response: { 200: backupList },
      },
    },
    async () => ({ items: await service.listBackups(ctx) }),
  );
  app.post(
    '/backups',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Write a backup now (a job; consistent while the server runs)',
        response: { 202: job },
      },
    },
    async (request, reply) =>
      reply.code(202).send(presentJob(await service.requestBackup(ctx, request.principal))),
  );
  app.get(
    '/backups/:name',
    { config: manage, schema: { tags, summary: 'Download one backup', params: backupParams } },
    async (request, reply) => {
      const file = await service.openBackup(ctx, request.params.name);
      reply.header('content-length', file.bytes);
      return sendFile(reply, { kind: 'zip', name: request.params.name, data: file.stream });
    },
  );
}

export const backupsModule: Module = {
  name: 'backups',
  routes,
  jobs: { 'backup.write': service.writeBackup },
};

import { documentSettings, publicSettings } from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import * as documents from './documents.service.ts';
import * as service from './system.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['system'];
  app.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Liveness and database check',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => service.health(ctx),
  );
  app.get(
    '/settings',
    {
      config: { permission: 'settings.read' },
      schema: {
        tags,
        summary: 'Public settings: mode, active kabupaten, region data state',
        response: { 200: publicSettings },
      },
    },
    async () => service.publicSettingsOf(ctx),
  );
  app.get(
    '/settings/documents',
    {
      config: { permission: 'settings.read' },
      schema: {
        tags,
        summary: 'The letterhead, place of signing and numbering pattern of the office documents',
        response: { 200: documentSettings },
      },
    },
    async () => documents.getDocumentSettings(ctx),
  );
  app.put(
    '/settings/documents',
    {
      config: { permission: 'documents.manage' },
      schema: {
        tags,
        summary: 'Set the letterhead, place of signing and numbering pattern',
        body: documentSettings,
        response: { 200: documentSettings },
      },
    },
    async (request) => documents.saveDocumentSettings(ctx, request.principal, request.body),
  );
}

export const systemModule: Module = { name: 'system', routes };

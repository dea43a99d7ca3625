import { documentSettings, publicSettings } from '@sinergi/contracts';
import { AppError } from '@sinergi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { IMAGE_TYPES } from '../../http/images.ts';
import { acceptFiles, uploadedFile, uploadedType } from '../../http/upload.ts';
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
  logoRoutes(fastify, ctx);
}

/** The letterhead's emblem: shown on every office document's kop surat once set. */
function logoRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['system'];
  const logoState = z.object({ logo: z.boolean() });
  acceptFiles(app, IMAGE_TYPES, documents.LOGO_LIMIT);
  app.get(
    '/settings/documents/logo',
    { config: { permission: 'settings.read' }, schema: { tags, summary: "The letterhead's emblem (PNG)" } },
    async (_request, reply) => {
      const png = await documents.getLogo(ctx);
      if (!png) throw new AppError('NOT_FOUND');
      return reply.type('image/png').header('cache-control', 'no-cache').send(png);
    },
  );
  app.post(
    '/settings/documents/logo',
    {
      config: { permission: 'documents.manage' },
      bodyLimit: documents.LOGO_LIMIT,
      schema: {
        tags,
        summary: "Set the letterhead's emblem (JPEG, PNG or WebP, at most 2 MiB; kept as PNG, 400 px a side)",
        consumes: IMAGE_TYPES,
        response: { 200: logoState },
      },
    },
    async (request) =>
      documents.saveLogo(ctx, request.principal, {
        data: uploadedFile(request),
        type: uploadedType(request),
      }),
  );
  app.delete(
    '/settings/documents/logo',
    {
      config: { permission: 'documents.manage' },
      schema: { tags, summary: "Remove the letterhead's emblem", response: { 200: logoState } },
    },
    async (request) => documents.saveLogo(ctx, request.principal, null),
  );
}

export const systemModule: Module = { name: 'system', routes };

import {
  bottleneckList,
  permitBody,
  photoAdded,
  progressBody,
  projectBody,
  projectDetail,
  projectList,
  projectListQuery,
  projectParams,
  roadsQuery,
  roadsView,
  savedId,
  thresholdsBody,
  thresholdsView,
  verifiedReport,
  verifyBody,
} from '@sinergi/contracts';
import { formatMonth } from '@sinergi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { IMAGE_TYPES, PHOTO_LIMIT } from '../../http/images.ts';
import { sendFile } from '../../http/send-file.ts';
import { acceptFiles, uploadedFile, uploadedType, XLSX_TYPE } from '../../http/upload.ts';
import type { Module } from '../module.ts';
import { numberedLetterhead } from '../system/documents.service.ts';
import { oc4idsPackage } from './oc4ids.ts';
import * as permits from './permits.service.ts';
import * as progress from './progress.service.ts';
import { exportProgress, importProgress } from './progress-file.ts';
import { monthlyPdf, monthlyRows, monthlyXlsx } from './projects.report.ts';
import { seedSampleProjects } from './projects.seed.ts';
import * as service from './projects.service.ts';
import { waitingInProjects } from './projects.waiting.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const read = { permission: 'projects.read' } as const;
  // Answers kept until what they were read from changes, under the day as they show "today"
  // (http/read-cache.ts).
  const daily = { ...read, cache: 'daily' } as const;
  const manage = { permission: 'projects.manage' } as const;
  const params = projectParams;
  acceptFiles(app, IMAGE_TYPES, PHOTO_LIMIT);
  acceptFiles(app, [XLSX_TYPE, 'text/csv'], 10 * 1024 * 1024);

  app.get(
    '/projects',
    {
      config: daily,
      schema: {
        tags,
        summary:
          'Projects with planned and actual progress and spending, deviation, status and forecast (as of `on`)',
        querystring: projectListQuery,
        response: { 200: projectList },
      },
    },
    async (request) => service.listProjects(ctx, request.query),
  );
  app.post(
    '/projects',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a project directly (e.g. an OPD activity)',
        body: projectBody,
        response: { 201: z.object({ id: z.string(), code: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createProject(ctx, request.principal, request.body)),
  );
  app.post(
    '/projects/from-proposal/:proposalId',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Create a project from a funded proposal: the link back is kept and the proposal moves to implementation',
        params: z.strictObject({ proposalId: z.uuid() }),
        body: projectBody,
        response: { 201: z.object({ id: z.string(), code: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createProject(ctx, request.principal, request.body, request.params.proposalId)),
  );
  app.get(
    '/projects/bottlenecks',
    {
      config: daily,
      schema: {
        tags,
        summary: 'Which kinds of permit hold up how many projects and how much money',
        response: { 200: bottleneckList },
      },
    },
    async () => permits.bottlenecks(ctx),
  );
  const monthQuery = z.strictObject({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month' }),
    organisationId: z.uuid().optional(),
  });
  app.get(
    '/projects/monthly-report.pdf',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The monthly monitoring report (PDF): budget, realisation by source, progress, deviation, problems, follow-up',
        querystring: monthQuery,
      },
    },
    async (request, reply) => {
      const r = await monthlyRows(ctx, request.query.month, request.query.organisationId);
      return sendFile(reply, {
        kind: 'pdf',
        name: `laporan-bulanan-${request.query.month}.pdf`,
        data: await monthlyPdf(
          r,
          ctx.clock(),
          `Bulan ${formatMonth(request.query.month)}`,
          await numberedLetterhead(
            ctx,
            ctx.config.activeKabupaten,
            'monev',
            `${request.query.month}:${request.query.organisationId ?? 'semua'}`,
          ),
        ),
      });
    },
  );
  app.get(
    '/projects/monthly-report.xlsx',
    {
      config: read,
      schema: { tags, summary: 'The monthly monitoring report as a workbook', querystring: monthQuery },
    },
    async (request, reply) => {
      const r = await monthlyRows(ctx, request.query.month, request.query.organisationId);
      return sendFile(reply, {
        kind: 'xlsx',
        name: `laporan-bulanan-${request.query.month}.xlsx`,
        data: await monthlyXlsx(r, `Bulan ${formatMonth(request.query.month)}`),
      });
    },
  );
  app.get(
    '/projects/export/progress.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'The latest progress of every project, in the layout the progress import takes',
        querystring: z.strictObject({ organisationId: z.uuid().optional() }),
      },
    },
    async (request, reply) =>
      sendFile(reply, {
        kind: 'xlsx',
        name: 'kemajuan-proyek.xlsx',
        data: await exportProgress(ctx, request.query.organisationId),
      }),
  );
  app.post(
    '/projects/import/progress',
    {
      config: { permission: 'projects.report' },
      schema: {
        tags,
        summary:
          'Progress of many projects from an XLSX or CSV in the exported layout, keyed by project code (idempotent; all or nothing)',
        response: { 200: z.object({ rows: z.number() }) },
      },
    },
    async (request) => importProgress(ctx, request.principal, uploadedFile(request), uploadedType(request)),
  );
  app.get(
    '/projects/thresholds',
    {
      config: read,
      schema: {
        tags,
        summary: "The office's thresholds for late and critical (points behind plan)",
        response: { 200: thresholdsView },
      },
    },
    async () => service.thresholdsOf(ctx),
  );
  app.put(
    '/projects/thresholds',
    {
      config: { permission: 'projects.settings' },
      schema: {
        tags,
        summary: 'Set the thresholds for late and critical',
        body: thresholdsBody,
        response: { 200: thresholdsView },
      },
    },
    async (request) => service.saveThresholds(ctx, request.principal, request.body),
  );
  app.get(
    '/oc4ids.json',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Every project as an OC4IDS project package (Open Contracting for Infrastructure Data Standard)',
      },
    },
    async () => oc4idsPackage(ctx),
  );
  app.get(
    '/roads',
    {
      config: read,
      schema: {
        tags,
        summary: 'Kemantapan jalan: road length in good or fair condition, by kecamatan',
        querystring: roadsQuery,
        response: { 200: roadsView },
      },
    },
    async (request) => permits.roads(ctx, request.query.year),
  );
  app.get(
    '/projects/:id',
    {
      config: daily,
      schema: {
        tags,
        summary: 'A project: plan and reports, photos, money by source, permits, status',
        params,
        response: { 200: projectDetail },
      },
    },
    async (request) => service.getProject(ctx, request.params.id, request.principal),
  );
  app.post(
    '/projects/:id/reports',
    {
      config: { permission: 'projects.report' },
      schema: {
        tags,
        summary: 'Report progress (any percentage; 100 % needs the final documents)',
        params,
        body: progressBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await progress.reportProgress(ctx, request.principal, request.params.id, request.body)),
  );
  app.post(
    '/reports/:id/verify',
    {
      config: { permission: 'projects.verify' },
      schema: {
        tags,
        summary: 'The OPD verifies or returns a progress report',
        params,
        body: verifyBody,
        response: { 200: verifiedReport },
      },
    },
    async (request) =>
      progress.verifyReport(
        ctx,
        request.principal,
        request.params.id,
        request.body.approve,
        request.body.note,
      ),
  );
  app.post(
    '/reports/:id/photos',
    {
      config: { permission: 'projects.report' },
      bodyLimit: PHOTO_LIMIT,
      schema: {
        tags,
        summary:
          'Add a photo to a progress report (JPEG, PNG or WebP, at most 5 MiB; date and place from EXIF)',
        consumes: IMAGE_TYPES,
        params,
        response: { 201: photoAdded },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await progress.addProgressPhoto(
            ctx,
            request.principal,
            request.params.id,
            uploadedFile(request),
            request.headers['content-type'] ?? '',
          ),
        ),
  );
  app.get(
    '/photos/:id',
    { config: read, schema: { tags, summary: 'A progress photo', params } },
    async (request, reply) => {
      const photo = await progress.getProgressPhoto(ctx, request.params.id);
      return reply.type(photo.mediaType).header('cache-control', 'public, max-age=3600').send(photo.data);
    },
  );
  app.post(
    '/projects/:id/permits',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a permit or land item to the readiness checklist',
        params,
        body: permitBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await permits.savePermit(ctx, request.principal, request.params.id, request.body)),
  );
  app.put(
    '/projects/:id/permits/:permitId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Update a permit or land item',
        params: z.strictObject({ id: z.uuid(), permitId: z.uuid() }),
        body: permitBody,
        response: { 200: savedId },
      },
    },
    async (request) =>
      permits.savePermit(ctx, request.principal, request.params.id, request.body, request.params.permitId),
  );
}

export const projectsModule: Module = {
  name: 'projects',
  routes,
  seed: async (ctx) => ({ sampleProjects: await seedSampleProjects(ctx) }),
  waiting: waitingInProjects,
};

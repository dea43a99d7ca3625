import {
  importQuery,
  importResult,
  indexSchemeDefinition,
  rumusanImportBody,
  schemeFileQuery,
  schemeList,
  schemeParams,
  schemeSummary,
  templateImportQuery,
} from '@sinergi/contracts';
import { AppError } from '@sinergi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { acceptFiles, uploadedFile, XLSX_TYPE } from '../../http/upload.ts';
import * as schemes from './schemes.ts';
import {
  importComposites,
  importCompositesFile,
  readRumusanImport,
  readTemplateImport,
} from './village-index.import.ts';

/**
 * The admin's routes of the village index: scheme versions (JSON or workbook) and the imports of
 * Kemendesa's composites, the 50-indicator template and the per-desa rumusan files.
 */
/** Imports may be large: Kemendesa's national composites file is tens of megabytes. */
export const UPLOAD_LIMIT = 50 * 1024 * 1024;

export function adminRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['village-index'];
  const read = { permission: 'index.read' } as const;
  app.get(
    '/index/schemes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Index schemes: built in and loaded by an admin',
        response: { 200: schemeList },
      },
    },
    async () => ({ items: await schemes.findSchemes(ctx) }),
  );
  app.post(
    '/index/schemes',
    {
      config: { permission: 'index.schemes.manage' },
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Load a new index scheme version (JSON), checked field by field and for consistency',
        body: indexSchemeDefinition,
        response: { 201: schemeSummary },
      },
    },
    async (request, reply) => {
      const scheme = schemes.parseScheme(request.body);
      return reply.code(201).send(await schemes.loadScheme(ctx, request.principal, scheme));
    },
  );
  app.post(
    '/index/schemes/xlsx',
    {
      config: { permission: 'index.schemes.manage' },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Load a new index scheme version from a workbook in the layout of the scheme export',
        consumes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        querystring: schemeFileQuery,
        response: { 201: schemeSummary },
      },
    },
    async (request, reply) => {
      const scheme = await schemes.readSchemeFile(uploadedFile(request), request.query.fileName);
      return reply.code(201).send(await schemes.loadScheme(ctx, request.principal, scheme));
    },
  );
  app.get(
    '/index/schemes/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One scheme (id, or id@version) in full: dimensions, indicators, rubrics, notes',
        params: schemeParams,
        response: { 200: indexSchemeDefinition },
      },
    },
    async (request) => {
      const scheme = await schemes.findScheme(ctx, request.params.id);
      if (!scheme) throw new AppError('NOT_FOUND', { details: { what: request.params.id } });
      return scheme;
    },
  );
  app.get(
    '/index/schemes/:id/scheme.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'One scheme as a workbook, the layout an admin edits and loads back',
        params: schemeParams,
      },
    },
    async (request, reply) => {
      const scheme = await schemes.findScheme(ctx, request.params.id);
      if (!scheme) throw new AppError('NOT_FOUND', { details: { what: request.params.id } });
      const data = await schemes.schemeXlsx(scheme);
      return sendFile(reply, { kind: 'xlsx', name: `skema-${scheme.id}-${scheme.version}.xlsx`, data });
    },
  );

  acceptFiles(app, ['text/csv', 'application/csv', XLSX_TYPE], UPLOAD_LIMIT);
  app.post(
    '/index/imports/composites',
    {
      config: { permission: 'index.import' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary: "Import Kemendesa's yearly IDM composites file (send the CSV as text/csv); all rows or none",
        consumes: ['text/csv'],
        querystring: importQuery,
        response: { 200: importResult },
      },
    },
    async (request) => {
      const data = uploadedFile(request);
      return importCompositesFile(ctx, request.principal, data, request.query.fileName);
    },
  );

  app.post(
    '/index/imports/template',
    {
      config: { permission: 'index.import' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary:
          "Import a year's 50-indicator template (CSV as text/csv, or XLSX) as official results; all rows or none",
        consumes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        querystring: templateImportQuery,
        response: { 200: importResult },
      },
    },
    async (request) => {
      const data = uploadedFile(request);
      const parsed = await readTemplateImport(ctx, data, request.query.fileName, request.query.year);
      return importComposites(ctx, request.principal, parsed, request.query.fileName);
    },
  );

  app.post(
    '/index/imports/rumusan',
    {
      config: { permission: 'index.import' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary:
          "Import Kemendesa's per-desa 'rumusan' JSON files of one year as official results; all files or none",
        body: rumusanImportBody,
        response: { 200: importResult },
      },
    },
    async (request) => {
      const parsed = readRumusanImport(ctx, request.body.files);
      const names =
        request.body.files.length === 1
          ? request.body.files[0]!.fileName
          : `${request.body.files.length} berkas rumusan`;
      return importComposites(ctx, request.principal, parsed, names);
    },
  );
}

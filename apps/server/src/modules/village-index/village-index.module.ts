import {
  desaParams,
  desaScorecard,
  entryBody,
  entryParams,
  entryResult,
  entryWithScores,
  importQuery,
  importResult,
  indexResultList,
  indexResultsQuery,
  indexSchemeDefinition,
  indexSummary,
  indexYearQuery,
  rumusanImportBody,
  schemeFileQuery,
  schemeList,
  schemeParams,
  schemeSummary,
  signOffBody,
  templateImportQuery,
  weakestList,
  worklist,
  worklistQuery,
} from '@sinergi/contracts';
import { AppError } from '@sinergi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { acceptFiles, uploadedFile, XLSX_TYPE } from '../../http/upload.ts';
import { sheet, xlsxOf, xlsxOfSheets } from '../../reports/xlsx.ts';
import type { Module } from '../module.ts';
import * as schemes from './schemes.ts';
import * as entries from './village-index.entries.ts';
import {
  importComposites,
  readCompositesFile,
  readRumusanImport,
  readTemplateImport,
} from './village-index.import.ts';
import { beritaAcaraPdf, scorecardPdf } from './village-index.report.ts';
import * as service from './village-index.service.ts';

const presentEntry = (r: {
  regionCode: string;
  year: number;
  state: string;
  value: number;
  status: string;
}) => ({
  code: r.regionCode,
  year: r.year,
  state: r.state,
  value: r.value,
  status: r.status,
});

/** Uploads come as the file itself: a national composites file is about 10 MiB. */
const UPLOAD_LIMIT = 50 * 1024 * 1024;

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['village-index'];
  const read = { permission: 'index.read' } as const;
  app.get(
    '/index/summary',
    {
      config: read,
      schema: {
        tags,
        summary: 'Status counts per year, transitions, and a table per kecamatan',
        response: { 200: indexSummary },
      },
    },
    async () => service.getSummary(ctx),
  );
  app.get(
    '/index/results',
    {
      config: read,
      schema: {
        tags,
        summary: 'Index value and status of every desa in a year (for maps and tables)',
        querystring: indexResultsQuery,
        response: { 200: indexResultList },
      },
    },
    async (request) => service.getResults(ctx, request.query),
  );
  app.get(
    '/index/weakest',
    {
      config: read,
      schema: {
        tags,
        summary: 'The weakest indicators across the desa, routed to who can act',
        querystring: indexYearQuery,
        response: { 200: weakestList },
      },
    },
    async (request) => service.getWeakest(ctx, request.query),
  );
  app.get(
    '/index/desa/:code',
    {
      config: read,
      schema: {
        tags,
        summary: 'A desa scorecard: history, indicator scores, and the cheapest plan to the next status',
        params: desaParams,
        response: { 200: desaScorecard },
      },
    },
    async (request) => service.getScorecard(ctx, request.params.code),
  );
  app.get(
    '/index/desa/:code/scorecard.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'The desa scorecard as PDF (history, 50 indicators, plan, who acts)',
        params: desaParams,
      },
    },
    async (request, reply) => {
      const card = await service.getScorecard(ctx, request.params.code);
      const pdf = await scorecardPdf(card, ctx.clock());
      return sendFile(reply, { kind: 'pdf', name: `kartu-skor-idm-${card.code}.pdf`, data: pdf });
    },
  );
  app.get(
    '/index/results.xlsx',
    {
      config: read,
      schema: { tags, summary: 'Every desa of a year as XLSX', querystring: indexResultsQuery },
    },
    async (request, reply) => {
      const r = await service.getResults(ctx, request.query);
      const n4 = '0.0000';
      const xlsx = await xlsxOf(
        `IDM ${r.year}`,
        [
          { header: 'kode_desa', value: (i) => i.code, width: 16 },
          { header: 'nama_desa', value: (i) => i.name, width: 22 },
          { header: 'kecamatan', value: (i) => i.kecamatan, width: 18 },
          { header: 'iks', value: (i) => i.dimensions.IKS ?? null, format: n4 },
          { header: 'ike', value: (i) => i.dimensions.IKE ?? null, format: n4 },
          { header: 'ikl', value: (i) => i.dimensions.IKL ?? null, format: n4 },
          { header: 'idm', value: (i) => i.value, format: n4 },
          { header: 'status', value: (i) => i.status, width: 20 },
        ],
        r.items,
      );
      return sendFile(reply, { kind: 'xlsx', name: `idm-${r.year}.xlsx`, data: xlsx });
    },
  );

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
      const parsed = readCompositesFile(data, request.query.fileName);
      return importComposites(ctx, request.principal, parsed, request.query.fileName);
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

  app.get(
    '/index/dashboard.xlsx',
    {
      config: read,
      schema: { tags, summary: 'Every table of the dashboard as one XLSX workbook (a sheet per table)' },
    },
    async (_request, reply) => {
      const s = await service.getSummary(ctx);
      const w = await service.getWeakest(ctx, {});
      const statuses = s.scheme.statuses.map((x) => x.code);
      const n4 = '0.0000';
      const xlsx = await xlsxOfSheets([
        sheet(
          'Status per tahun',
          [
            { header: 'tahun', value: (y) => y.year },
            { header: 'desa', value: (y) => y.desa },
            ...statuses.map((c) => ({ header: c, value: (y: (typeof s.years)[number]) => y.counts[c] ?? 0 })),
            { header: 'rata_rata_idm', value: (y) => y.mean, format: n4 },
          ],
          s.years,
        ),
        sheet(
          `Per kecamatan`,
          [
            { header: 'kode', value: (k) => k.code },
            { header: 'kecamatan', value: (k) => k.name, width: 20 },
            { header: 'tahun', value: (k) => k.year },
            { header: 'desa', value: (k) => k.desa },
            ...statuses.map((c) => ({
              header: c,
              value: (k: (typeof s.kecamatan)[number]) => k.counts[c] ?? 0,
            })),
            { header: 'rata_rata_idm', value: (k) => k.mean, format: n4 },
          ],
          s.kecamatan,
        ),
        sheet(
          s.transition ? `Perpindahan ${s.transition.from}-${s.transition.to}` : 'Perpindahan',
          [
            { header: 'dari \\ ke', value: (from: string) => from, width: 20 },
            ...statuses.map((to) => ({
              header: to,
              value: (from: string) => s.transition?.matrix[from]?.[to] ?? 0,
            })),
          ],
          s.transition ? statuses : [],
        ),
        sheet(
          `Indikator terlemah ${w.year}`,
          [
            { header: 'kode', value: (i) => i.code, width: 28 },
            { header: 'indikator', value: (i) => i.name, width: 30 },
            { header: 'dimensi', value: (i) => i.dimension },
            { header: 'desa_skor_0', value: (i) => i.zero },
            { header: 'desa_skor_2_atau_kurang', value: (i) => i.low },
            { header: 'rata_rata_skor', value: (i) => i.mean, format: '0.00' },
            { header: 'yang_bertindak', value: (i) => i.actor },
            { header: 'opd', value: (i) => i.organisations.join(', ') },
          ],
          w.items,
        ),
      ]);
      return sendFile(reply, { kind: 'xlsx', name: 'indeks-desa-dashboard.xlsx', data: xlsx });
    },
  );

  const worklistConfig = { permission: 'index.worklist' } as const;
  app.get(
    '/index/worklist',
    {
      config: worklistConfig,
      schema: {
        tags,
        summary: "The year's desa in your scope with their sign-off step",
        querystring: worklistQuery,
        response: { 200: worklist },
      },
    },
    async (request) => entries.findWorklist(ctx, request.principal, request.query),
  );
  app.get(
    '/index/berita-acara',
    {
      config: worklistConfig,
      schema: {
        tags,
        summary: 'Berita acara rekapitulasi (PDF) of a year for your desa, kecamatan or the kabupaten',
        querystring: worklistQuery,
      },
    },
    async (request, reply) => {
      const list = await entries.findWorklist(ctx, request.principal, request.query);
      const pdf = await beritaAcaraPdf(list, ctx.clock());
      const name = `berita-acara-idm-${list.year}-${list.region.code}.pdf`;
      return sendFile(reply, { kind: 'pdf', name, data: pdf });
    },
  );
  app.get(
    '/index/entries/:code/:year',
    {
      config: worklistConfig,
      schema: {
        tags,
        summary: "One desa's entry of a year with its scores and sign-off step",
        params: entryParams,
        response: { 200: entryWithScores },
      },
    },
    async (request) => {
      const r = await entries.getEntry(ctx, request.principal, request.params);
      return {
        ...presentEntry(r),
        source: r.source,
        scores: r.scores ?? {},
        observations: r.observations ?? {},
      };
    },
  );
  app.put(
    '/index/entries/:code/:year',
    {
      config: { permission: 'index.enter' },
      schema: {
        tags,
        summary: "Enter or correct a year's 50 indicator scores of your desa (draft)",
        params: entryParams,
        body: entryBody,
        response: { 200: entryResult },
      },
    },
    async (request) =>
      presentEntry(await entries.saveEntry(ctx, request.principal, { ...request.params, ...request.body })),
  );
  for (const [action, permission, summary] of [
    ['submit', 'index.enter', 'The desa submits its draft to the kecamatan'],
    ['verify', 'index.verify', 'The kecamatan verifies a submitted entry'],
    ['approve', 'index.approve', 'The kabupaten approves a verified entry; the year is then locked'],
    ['return', 'index.return', 'The kecamatan or kabupaten sends an entry back to the desa'],
  ] as const) {
    app.post(
      `/index/entries/:code/:year/${action}`,
      {
        config: { permission },
        schema: { tags, summary, params: entryParams, body: signOffBody, response: { 200: entryResult } },
      },
      async (request) =>
        presentEntry(
          await entries.signOff(ctx, request.principal, {
            ...request.params,
            action,
            note: request.body.note,
          }),
        ),
    );
  }
}

export const villageIndexModule: Module = { name: 'village-index', routes };

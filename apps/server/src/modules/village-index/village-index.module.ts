import {
  actorWords,
  desaParams,
  desaScorecard,
  entryBody,
  entryParams,
  entryResult,
  entryWithScores,
  indexNational,
  indexNationalQuery,
  indexResultList,
  indexResultsQuery,
  indexSummary,
  indexYearQuery,
  signOffBody,
  weakestList,
  wordsIn,
  worklist,
  worklistQuery,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../http/send-file.ts';
import { sheet, xlsxOf, xlsxOfSheets } from '../../reports/xlsx.ts';
import type { Module } from '../module.ts';
import { kabupatenName } from '../regions/regions.service.ts';
import { adminRoutes } from './village-index.admin-routes.ts';
import * as entries from './village-index.entries.ts';
import { getNational } from './village-index.national.ts';
import { beritaAcaraOf, scorecardPdf } from './village-index.report.ts';
import { seedOfficialIdm } from './village-index.seed.ts';
import * as service from './village-index.service.ts';
import { waitingInVillageIndex } from './village-index.waiting.ts';

const presentEntry = (r: {
  regionCode: string;
  year: number;
  state: string;
  value: number;
  status: string;
  returnNote: string | null;
  updatedAt: Date;
}) => ({
  code: r.regionCode,
  year: r.year,
  state: r.state,
  value: r.value,
  status: r.status,
  returnNote: r.returnNote,
  version: r.updatedAt.toISOString(),
});

/** Uploads come as the file itself: a national composites file is about 10 MiB. */

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const actorNames = wordsIn(actorWords, 'id');
  const tags = ['village-index'];
  const read = { permission: 'index.read' } as const;
  /** Answers kept until what they were read from changes (http/read-cache.ts). */
  const cached = { ...read, cache: true } as const;
  app.get(
    '/index/summary',
    {
      config: cached,
      schema: {
        tags,
        summary: 'Status counts per year, transitions, and a table per kecamatan',
        response: { 200: indexSummary },
      },
    },
    async () => service.getSummary(ctx),
  );
  app.get(
    '/index/national',
    {
      config: cached,
      schema: {
        tags,
        summary:
          'This government beside its province and the nation, a row per province (once a national file is imported)',
        querystring: indexNationalQuery,
        response: { 200: indexNational },
      },
    },
    async (request) => getNational(ctx, request.query),
  );
  app.get(
    '/index/results',
    {
      config: cached,
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
      config: cached,
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
      config: cached,
      schema: {
        tags,
        summary: 'A desa scorecard: history, indicator scores, and the cheapest plan to the next status',
        params: desaParams,
        response: { 200: desaScorecard },
      },
    },
    async (request) => service.getScorecard(ctx, request.params.code, request.principal),
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
        { title: `Hasil Indeks Desa Membangun ${r.year}`, scope: await kabupatenName(ctx) },
      );
      return sendFile(reply, { kind: 'xlsx', name: `idm-${r.year}.xlsx`, data: xlsx });
    },
  );

  adminRoutes(fastify, ctx);

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
      const xlsx = await xlsxOfSheets(
        [
          sheet(
            'Status per tahun',
            [
              { header: 'tahun', value: (y) => y.year },
              { header: 'desa', value: (y) => y.desa },
              ...statuses.map((c) => ({
                header: c,
                value: (y: (typeof s.years)[number]) => y.counts[c] ?? 0,
              })),
              { header: 'rata-rata IDM', value: (y) => y.mean, format: n4 },
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
              { header: 'rata-rata IDM', value: (k) => k.mean, format: n4 },
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
              { header: 'rata-rata skor', value: (i) => i.mean, format: '0.00' },
              { header: 'yang_bertindak', value: (i) => actorNames[i.actor], width: 14 },
              { header: 'opd', value: (i) => i.organisations.join(', ') },
            ],
            w.items,
          ),
        ],
        { title: 'Dasbor Indeks Desa Membangun', scope: await kabupatenName(ctx) },
      );
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
      const { list, pdf } = await beritaAcaraOf(ctx, request.principal, request.query);
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
        previous: r.previous && {
          year: r.previous.year,
          value: r.previous.value,
          status: r.previous.status,
          scores: r.previous.scores ?? {},
        },
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

export const villageIndexModule: Module = {
  name: 'village-index',
  routes,
  seed: async (ctx) => ({ indexResults: await seedOfficialIdm(ctx) }),
  waiting: waitingInVillageIndex,
};

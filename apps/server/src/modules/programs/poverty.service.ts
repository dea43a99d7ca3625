import {
  AppError,
  type HouseholdRecord,
  kecamatanOf,
  povertyProfile,
  theil,
  williamson,
} from '@sinergi/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext, Principal } from '../../context.ts';
import { settings, statSeries, surveyHouseholds } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { namesOf } from '../regions/regions.service.ts';
import { readSurveyCsv } from '../stats/survey.ts';

/**
 * The kabupaten's poverty and inequality: the published series (the statistics series, loaded
 * from reference-data/stats at first start and updated by imports) beside the figures computed
 * from an imported household survey, for the kabupaten and per kecamatan.
 */
const POVERTY_SERIES = [
  'persentase_penduduk_miskin_P0',
  'indeks_kedalaman_kemiskinan_P1',
  'indeks_keparahan_kemiskinan_P2',
  'jumlah_penduduk_miskin',
  'garis_kemiskinan',
];

/** The published series: poverty rate, P1, P2, poor people and the poverty line, by year, with the source. */
export async function officialSeries(ctx: AppContext) {
  const rows = await ctx.database.db
    .select()
    .from(statSeries)
    .where(
      and(
        inArray(statSeries.indicator, POVERTY_SERIES),
        eq(statSeries.regionCode, ctx.config.activeKabupaten),
      ),
    )
    .orderBy(asc(statSeries.year), asc(statSeries.indicator));
  return rows.map((r) => ({
    indicator: r.indicator,
    period: String(r.year),
    value: r.value,
    unit: r.unit ?? '',
    source: r.source,
  }));
}

/** Which survey the page shows, and at what poverty line: kept in settings when a survey is imported. */
async function surveySetting(ctx: AppContext, survey: string) {
  const [row] = await ctx.database.db
    .select()
    .from(settings)
    .where(eq(settings.key, `survey:${survey}`));
  return (row?.value as { line: number; sample: boolean } | undefined) ?? null;
}

export async function listSurveys(ctx: AppContext) {
  const rows = await ctx.database.db
    .select({ survey: surveyHouseholds.survey, n: sql<number>`count(*)::int` })
    .from(surveyHouseholds)
    .groupBy(surveyHouseholds.survey)
    .orderBy(asc(surveyHouseholds.survey));
  return Promise.all(
    rows.map(async (r) => ({ survey: r.survey, households: r.n, ...(await surveySetting(ctx, r.survey)) })),
  );
}

/** Imports survey records (replacing a survey of the same name, all or nothing). */
export async function importSurvey(
  ctx: AppContext,
  principal: Principal,
  data: Buffer,
  query: { survey: string; line: number },
  sample = false,
) {
  const records = readSurveyCsv(data);
  await ctx.database.db.transaction(async (tx) => {
    await tx.delete(surveyHouseholds).where(eq(surveyHouseholds.survey, query.survey));
    for (let i = 0; i < records.length; i += 1000)
      await tx.insert(surveyHouseholds).values(
        records.slice(i, i + 1000).map((r) => ({
          survey: query.survey,
          id: r.id,
          expenditurePerCapita: r.expenditurePerCapita,
          size: r.size,
          weight: r.weight,
          regionCode: r.region ?? null,
          sample,
        })),
      );
    await tx
      .insert(settings)
      .values({ key: `survey:${query.survey}`, value: { line: query.line, sample } })
      .onConflictDoUpdate({ target: settings.key, set: { value: { line: query.line, sample } } });
    await appendAudit(tx, principal, {
      action: 'survey.imported',
      entity: 'survey',
      entityId: query.survey,
      after: { households: records.length, line: query.line },
    });
  });
  return { households: records.length };
}

/** Figures of one survey: the kabupaten, each kecamatan, and inequality between kecamatan. */
export async function povertyFigures(
  ctx: AppContext,
  query: { survey?: string | undefined; line?: number | undefined },
) {
  const surveys = await listSurveys(ctx);
  const survey = query.survey ?? surveys.at(-1)?.survey;
  const official = await officialSeries(ctx);
  if (!survey) return { survey: null, official, surveys };
  const setting = await surveySetting(ctx, survey);
  const line = query.line ?? setting?.line;
  if (!line) throw new AppError('VALIDATION', { issues: [{ field: 'query.line', issue: 'required' }] });
  const rows = await ctx.database.db
    .select()
    .from(surveyHouseholds)
    .where(eq(surveyHouseholds.survey, survey));
  if (!rows.length) throw new AppError('NOT_FOUND', { details: { what: survey } });
  const records: HouseholdRecord[] = rows.map((r) => ({
    id: r.id,
    expenditurePerCapita: r.expenditurePerCapita,
    size: r.size,
    weight: r.weight,
    region: r.regionCode ? kecamatanOf(r.regionCode) : '',
  }));
  const groups = new Map<string, HouseholdRecord[]>();
  for (const r of records) {
    const list = groups.get(r.region ?? '');
    if (list) list.push(r);
    else groups.set(r.region ?? '', [r]);
  }
  const names = await namesOf(ctx, [...groups.keys()].filter(Boolean));
  return {
    survey: { name: survey, line, sample: setting?.sample ?? false, households: rows.length },
    kabupaten: povertyProfile(records, line),
    kecamatan: [...groups]
      .map(([code, rs]) => ({ code, name: names.get(code) ?? code, ...povertyProfile(rs, line) }))
      .sort((a, b) => b.p0 - a.p0),
    between: { williamson: williamson(records), theil: theil(records) },
    official,
    surveys,
  };
}

import {
  AppError,
  type HouseholdRecord,
  kecamatanOf,
  povertyProfile,
  theil,
  williamson,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { seriesOfRegion } from '../plans/plans.facade.ts';
import { namesOf } from '../regions/regions.service.ts';
import { readSurveyCsv } from '../stats/survey.ts';
import { getSetting, putSetting } from '../system/settings.service.ts';
import * as repo from './poverty.repository.ts';

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
  const rows = await seriesOfRegion(ctx, POVERTY_SERIES, ctx.config.activeKabupaten);
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
  return ((await getSetting(ctx, `survey:${survey}`)) as { line: number; sample: boolean } | null) ?? null;
}

export async function listSurveys(ctx: AppContext) {
  const rows = await repo.findSurveys(ctx.database.db);
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
  const records = await readSurveyCsv(data);
  await ctx.database.db.transaction(async (tx) => {
    await repo.replaceSurvey(
      tx,
      query.survey,
      records.map((r) => ({
        survey: query.survey,
        id: r.id,
        expenditurePerCapita: r.expenditurePerCapita,
        size: r.size,
        weight: r.weight,
        regionCode: r.region ?? null,
        sample,
      })),
    );
    await putSetting(ctx, tx, `survey:${query.survey}`, { line: query.line, sample });
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
  const rows = await repo.findHouseholds(ctx.database.db, survey);
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

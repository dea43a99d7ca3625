import type { industryScales, trainingBody } from '@sinergi/contracts';
import {
  AppError,
  type BusinessYear,
  divisionOf,
  emissionIntensity,
  evaluateTraining,
  groupBy,
  groupYear,
  kbliDivisions,
  netZeroPath,
  pdrbCategories,
  pdrbSeriesName,
  pdrbStructure,
  type YearFigures,
} from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { partnerNames } from '../partners/partners.facade.ts';
import { seriesOfRegion } from '../plans/plans.facade.ts';
import { namesOf } from '../regions/regions.service.ts';
import * as repo from './industry.repository.ts';
import { emissionsOf, kecamatanOf } from './industry.service.ts';

/** The registry's reads: lists, a business, the situation analysis and the trainings' evaluation. */
type Scale = (typeof industryScales)[number];

export async function listIndustries(
  ctx: AppContext,
  query: { kecamatan?: string | undefined; division?: string | undefined },
) {
  const db = ctx.database.db;
  const rows = await repo.findIndustries(db, { regionPrefix: query.kecamatan, division: query.division });
  const latest = new Map<string, repo.ReportRow>();
  for (const r of await repo.findReports(
    db,
    rows.map((b) => b.id),
  ))
    latest.set(r.industryId, r);
  const sentra = new Map((await repo.findSentra(db)).map((s) => [s.id, s.name]));
  const names = await namesOf(
    ctx,
    rows.flatMap((b) => [b.desaCode, kecamatanOf(b.desaCode)]),
  );
  return {
    items: rows.map((b) => {
      const r = latest.get(b.id);
      return { ...summaryOf(b, names, sentra), ...latestOf(r) };
    }),
  };
}

function summaryOf(b: repo.IndustryRow, names: Map<string, string>, sentra: Map<string, string>) {
  return {
    id: b.id,
    name: b.name,
    kbli: b.kbli,
    scale: b.scale as Scale,
    desaCode: b.desaCode,
    desa: names.get(b.desaCode) ?? b.desaCode,
    kecamatan: names.get(kecamatanOf(b.desaCode)) ?? '',
    sentra: b.sentraId ? (sentra.get(b.sentraId) ?? null) : null,
    envPermit: b.envPermit as '' | 'sppl' | 'ukl_upl' | 'amdal',
    certificates: [...new Set(b.certificates.map((c) => c.kind))],
    sample: b.sample,
  };
}

/** The figures of a business's latest report, shown beside its name. */
const latestOf = (r: repo.ReportRow | undefined) => ({
  latestYear: r?.year ?? null,
  workforce: r?.workforce ?? null,
  productionValue: r?.productionValue ?? null,
  emissions: r ? emissionsOf(r).total : null,
});

export async function getIndustry(ctx: AppContext, id: string) {
  const db = ctx.database.db;
  const b = await repo.findIndustry(db, id);
  if (!b) throw new AppError('NOT_FOUND', { details: { what: id } });
  const reports = await repo.findReports(db, [id]);
  const sentra = new Map((await repo.findSentra(db)).map((s) => [s.id, s.name]));
  const names = await namesOf(ctx, [b.desaCode, kecamatanOf(b.desaCode)]);
  const trainingIds = new Set((await repo.findParticipants(db, { industryId: id })).map((p) => p.trainingId));
  return {
    ...summaryOf(b, names, sentra),
    ...latestOf(reports.at(-1)),
    sentraId: b.sentraId,
    product: b.product,
    envPermitNumber: b.envPermitNumber,
    certificateList: b.certificates,
    reports: reports
      .map((r) => {
        const { industryId: _, updatedAt: __, ...rest } = r;
        const e = emissionsOf(r);
        return {
          ...rest,
          wastewaterTreatment: r.wastewaterTreatment as never,
          emissions: {
            scope1: e.scope1,
            scope2: e.scope2,
            wastewater: e.wastewater,
            total: e.total,
            biogenicCo2: e.biogenicCo2,
            energyGj: e.energyGj,
            intensity: e.intensity,
          },
        };
      })
      .reverse(),
    trainings: (await repo.findTrainings(db))
      .filter((t) => trainingIds.has(t.id))
      .map((t) => ({ id: t.id, title: t.title, year: t.year })),
  };
}

/** Every report as one business-year, with its emissions. */
export async function businessYears(ctx: AppContext) {
  const db = ctx.database.db;
  const businesses = await repo.findIndustries(db);
  const byId = new Map(businesses.map((b) => [b.id, b]));
  const reports = await repo.findReports(db);
  const rows = reports.map((r) => {
    const b = byId.get(r.industryId)!;
    const e = emissionsOf(r);
    return {
      business: r.industryId,
      kbli: b.kbli,
      kecamatan: kecamatanOf(b.desaCode),
      year: r.year,
      workforce: r.workforce,
      productionValue: r.productionValue,
      emissions: e.total,
      energyGj: e.energyGj,
      solidWasteTon: r.solidWasteTon,
    };
  });
  return { businesses, rows };
}

export async function analysis(ctx: AppContext, query: { year?: number | undefined }) {
  const { businesses, rows } = await businessYears(ctx);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const year = query.year ?? years.at(-1) ?? null;
  const kecNames = await namesOf(ctx, [...new Set(rows.map((r) => r.kecamatan))]);
  const named = (keyName: (k: string) => string) => (g: ReturnType<typeof groupYear>[number]) => ({
    ...g,
    name: keyName(g.key),
  });
  const bySector =
    year === null
      ? []
      : groupYear(rows, year, (r: BusinessYear) => divisionOf(r.kbli)).map(
          named((k) => kbliDivisions[k]?.[0] ?? k),
        );
  const byKecamatan =
    year === null ? [] : groupYear(rows, year, (r) => r.kecamatan).map(named((k) => kecNames.get(k) ?? k));
  const perYear = years.map((y) => {
    const list = rows.filter((r) => r.year === y);
    const output = list.reduce((s, r) => s + r.productionValue, 0);
    const emissions = Math.round(list.reduce((s, r) => s + r.emissions, 0) * 1000) / 1000;
    return {
      year: y,
      businesses: list.length,
      productionValue: output,
      emissions,
      intensity: emissionIntensity(emissions, output),
    };
  });
  const base = perYear.find((p) => p.intensity !== null);
  const trend = perYear.map((p) => ({
    ...p,
    netZeroPath: base ? netZeroPath(base.year, base.intensity!, p.year) : null,
  }));
  return {
    year,
    years,
    bySector,
    byKecamatan,
    trend,
    ...(await pdrb(ctx)),
    certified: {
      sni: businesses.filter((b) => b.certificates.some((c) => c.kind === 'sni')).length,
      halal: businesses.filter((b) => b.certificates.some((c) => c.kind === 'halal')).length,
      sih: businesses.filter((b) => b.certificates.some((c) => c.kind === 'sih')).length,
      envPermit: businesses.filter((b) => b.envPermit !== '').length,
      businesses: businesses.length,
    },
  };
}

/** The PDRB structure from the statistics series of the kabupaten and its province. */
async function pdrb(ctx: AppContext) {
  const categories = Object.keys(pdrbCategories);
  const names = categories.map(pdrbSeriesName);
  const kab = ctx.config.activeKabupaten;
  const [own, province] = await Promise.all([
    seriesOfRegion(ctx, names, kab),
    seriesOfRegion(ctx, names, kab.split('.')[0]!),
  ]);
  const category = (indicator: string) => categories[names.indexOf(indicator)]!;
  const points = new Map<
    string,
    { category: string; year: number; kabupaten: number | null; provinsi: number | null }
  >();
  const point = (indicator: string, year: number) => {
    const key = `${indicator}|${year}`;
    if (!points.has(key))
      points.set(key, { category: category(indicator), year, kabupaten: null, provinsi: null });
    return points.get(key)!;
  };
  for (const s of own) point(s.indicator, s.year).kabupaten = s.value;
  for (const s of province) point(s.indicator, s.year).provinsi = s.value;
  return {
    pdrb: pdrbStructure([...points.values()]).map((p) => ({ ...p, name: pdrbCategories[p.category]![0] })),
    pdrbSample: [...own, ...province].some((s) => /contoh/i.test(s.source)),
  };
}

export async function listTrainings(ctx: AppContext) {
  const db = ctx.database.db;
  const trainings = await repo.findTrainings(db);
  const counts = groupBy(await repo.findParticipants(db), (p) => p.trainingId);
  const partners = await partnerNames(
    ctx,
    trainings.flatMap((t) => (t.partnerId ? [t.partnerId] : [])),
  );
  return {
    items: trainings.map((t) => ({
      id: t.id,
      title: t.title,
      year: t.year,
      organiser: t.organiser,
      partner: t.partnerId ? (partners.get(t.partnerId) ?? null) : null,
      participants: counts.get(t.id)?.length ?? 0,
    })),
  };
}

export async function createTraining(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof trainingBody>,
) {
  const ids = [...new Set(body.participants)];
  const found = new Set((await repo.findIndustriesByIds(ctx.database.db, ids)).map((b) => b.id));
  const issues = body.participants.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: `body.participants.${i}`, issue: 'invalid_reference' }],
  );
  if (body.partnerId && !(await partnerNames(ctx, [body.partnerId])).has(body.partnerId))
    issues.push({ field: 'body.partnerId', issue: 'invalid_reference' });
  if (body.year > ctx.clock().getFullYear() + 1)
    issues.push({ field: 'body.year', issue: 'date_far_future' });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  const { participants: _, ...row } = body;
  return ctx.database.db.transaction(async (tx) => {
    const t = await repo.insertTraining(tx, row, ids);
    await appendAudit(tx, principal, {
      action: 'industry.training_created',
      entity: 'industry_training',
      entityId: t.id,
      after: { title: t.title, year: t.year, participants: ids.length },
    });
    return { id: t.id };
  });
}

/**
 * A training with its evaluation: trained businesses against businesses of the same KBLI
 * divisions that no training reached, from the year before to the year after.
 */
export async function getTraining(ctx: AppContext, id: string) {
  const db = ctx.database.db;
  const t = await repo.findTraining(db, id);
  if (!t) throw new AppError('NOT_FOUND', { details: { what: id } });
  const all = await repo.findParticipants(db);
  const trained = all.filter((p) => p.trainingId === id).map((p) => p.industryId);
  const everTrained = new Set(all.map((p) => p.industryId));
  const { businesses, rows } = await businessYears(ctx);
  const byId = new Map(businesses.map((b) => [b.id, b]));
  const divisions = new Set(trained.map((b) => divisionOf(byId.get(b)!.kbli)));
  const untrained = businesses
    .filter((b) => !everTrained.has(b.id) && divisions.has(divisionOf(b.kbli)))
    .map((b) => b.id);
  const figures = new Map<string, Map<number, YearFigures>>();
  for (const r of rows) {
    if (!figures.has(r.business)) figures.set(r.business, new Map());
    figures.get(r.business)!.set(r.year, r);
  }
  const evaluation = evaluateTraining(t.year, trained, untrained, (b) => figures.get(b) ?? new Map());
  const partner = t.partnerId ? (await partnerNames(ctx, [t.partnerId])).get(t.partnerId) : null;
  return {
    id: t.id,
    title: t.title,
    year: t.year,
    organiser: t.organiser,
    topic: t.topic,
    partner: partner ?? null,
    participants: trained.length,
    participantList: trained
      .map((b) => byId.get(b)!)
      .map((b) => ({ id: b.id, name: b.name, kbli: b.kbli }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    // An interval that cannot be computed (NaN) is sent as null (the route's withNullNumbers).
    evaluation: { measured: evaluation.measured, outcomes: evaluation.outcomes },
  };
}

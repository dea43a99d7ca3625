import type { industryBody, industryReportBody, sentraBody } from '@sinergi/contracts';
import {
  AppError,
  emissionIntensity,
  estimateEmissions,
  groupBy,
  isWithin,
  parseRegionCode,
  type WastewaterTreatment,
} from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext, Principal } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { recordSeries } from '../plans/plans.facade.ts';
import { findRegion, namesOf } from '../regions/regions.service.ts';
import * as repo from './industry.repository.ts';

/**
 * The industry registry (issue 21, part 1): businesses with their permit and certificates, and
 * each one's yearly report. Saving a report recomputes that year's totals and writes them to the
 * statistics series, where the RPIK's indicators read their realisations.
 */
type Body = z.infer<typeof industryBody>;
type ReportBody = z.infer<typeof industryReportBody>;
type Issue = { field: string; issue: string; params?: Record<string, string | number> };

export const kecamatanOf = (desa: string) => desa.split('.').slice(0, 3).join('.');

export function emissionsOf(r: repo.ReportRow) {
  const e = estimateEmissions({
    electricityKwh: r.electricityKwh,
    fuel: r.fuel,
    wastewaterCodKg: r.wastewaterCodKg,
    wastewaterTreatment: r.wastewaterTreatment as WastewaterTreatment | null,
  });
  return { ...e, intensity: emissionIntensity(e.total, r.productionValue) };
}

async function checkPlace(ctx: AppContext, body: Pick<Body, 'desaCode'>, issues: Issue[]) {
  const code = body.desaCode;
  const inside =
    code.split('.').length === 4 &&
    isWithin(parseRegionCode(code), parseRegionCode(ctx.config.activeKabupaten));
  if (!inside || !(await findRegion(ctx, code)))
    issues.push({ field: 'body.desaCode', issue: 'not_a_desa_here' });
}

async function checkBody(ctx: AppContext, body: Body) {
  const issues: Issue[] = [];
  await checkPlace(ctx, body, issues);
  if (body.sentraId && !(await repo.findSentraById(ctx.database.db, body.sentraId)))
    issues.push({ field: 'body.sentraId', issue: 'invalid_reference' });
  if (body.envPermit === '' && body.envPermitNumber)
    issues.push({ field: 'body.envPermit', issue: 'required' });
  if (issues.length) throw new AppError('VALIDATION', { issues });
}

export async function createIndustry(ctx: AppContext, principal: Principal, body: Body) {
  await checkBody(ctx, body);
  return ctx.database.db.transaction(async (tx) => {
    const row = await repo.insertIndustry(tx, body);
    await appendAudit(tx, principal, {
      action: 'industry.created',
      entity: 'industry',
      entityId: row.id,
      after: { name: row.name, kbli: row.kbli, desa: row.desaCode },
    });
    return { id: row.id };
  });
}

export async function updateIndustry(ctx: AppContext, principal: Principal, id: string, body: Body) {
  const before = await repo.findIndustry(ctx.database.db, id);
  if (!before) throw new AppError('NOT_FOUND', { details: { what: id } });
  await checkBody(ctx, body);
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateIndustry(tx, id, body, ctx.clock());
    await appendAudit(tx, principal, {
      action: 'industry.updated',
      entity: 'industry',
      entityId: id,
      before: { name: before.name, kbli: before.kbli, envPermit: before.envPermit },
      after: { name: body.name, kbli: body.kbli, envPermit: body.envPermit },
    });
  });
  return { id };
}

export async function saveReport(
  ctx: AppContext,
  principal: Principal,
  id: string,
  year: number,
  body: ReportBody,
) {
  const business = await repo.findIndustry(ctx.database.db, id);
  if (!business) throw new AppError('NOT_FOUND', { details: { what: id } });
  if (year > ctx.clock().getFullYear())
    throw new AppError('VALIDATION', { issues: [{ field: 'params.year', issue: 'date_in_future' }] });
  if (body.wastewaterCodKg > 0 && !body.wastewaterTreatment)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.wastewaterTreatment', issue: 'required' }] });
  const row: repo.NewReport = {
    industryId: id,
    year,
    ...body,
    fuel: { ...{ solar: 0, bensin: 0, lpg: 0, gas: 0, batubara: 0, biomassa: 0 }, ...body.fuel },
    updatedAt: ctx.clock(),
  };
  await ctx.database.db.transaction(async (tx) => {
    await repo.lockYear(tx, year);
    const before = await repo.findReport(tx, id, year);
    await repo.upsertReport(tx, row);
    await appendAudit(tx, principal, {
      action: 'industry.report_saved',
      entity: 'industry',
      entityId: id,
      before: before ? { year, productionValue: before.productionValue, workforce: before.workforce } : null,
      after: { year, productionValue: body.productionValue, workforce: body.workforce },
    });
    await publishYear(ctx, tx, year);
  });
  return { id };
}

/** The series the registry feeds (region: the kabupaten), which an RPIK indicator can measure by. */
export const registrySeries = {
  industri_jumlah_usaha: 'unit usaha',
  industri_tenaga_kerja: 'orang',
  industri_nilai_produksi: 'Rp',
  industri_emisi_grk: 't CO2e',
  industri_intensitas_emisi: 't CO2e per Rp1 miliar',
  industri_bersertifikat_hijau: 'unit usaha',
} as const;

/** The year's registry totals, written to the statistics series in the same transaction. */
export async function publishYear(ctx: AppContext, tx: Db, year: number) {
  const reports = await repo.findReportsOfYear(tx, year);
  const businesses = new Map(
    (
      await repo.findIndustriesByIds(
        tx,
        reports.map((r) => r.industryId),
      )
    ).map((b) => [b.id, b]),
  );
  const output = reports.reduce((s, r) => s + r.productionValue, 0);
  const emissions = reports.reduce((s, r) => s + emissionsOf(r).total, 0);
  const green = reports.filter((r) =>
    businesses
      .get(r.industryId)
      ?.certificates.some((c) => c.kind === 'sih' && (!c.validUntil || c.validUntil >= `${year}-01-01`)),
  ).length;
  const values: Record<keyof typeof registrySeries, number | null> = {
    industri_jumlah_usaha: reports.length,
    industri_tenaga_kerja: reports.reduce((s, r) => s + r.workforce, 0),
    industri_nilai_produksi: output,
    industri_emisi_grk: Math.round(emissions * 1000) / 1000,
    industri_intensitas_emisi: emissionIntensity(emissions, output),
    industri_bersertifikat_hijau: green,
  };
  const source = 'Registri industri Sinergi (laporan tahunan usaha industri)';
  await recordSeries(
    tx,
    Object.entries(values).flatMap(([indicator, value]) =>
      value === null
        ? []
        : [
            {
              indicator,
              regionCode: ctx.config.activeKabupaten,
              year,
              value,
              unit: registrySeries[indicator as keyof typeof registrySeries],
              source,
            },
          ],
    ),
    ctx.clock(),
  );
}

export async function listSentra(ctx: AppContext) {
  const [sentra, businesses, reports] = await Promise.all([
    repo.findSentra(ctx.database.db),
    repo.findIndustries(ctx.database.db),
    repo.findReports(ctx.database.db),
  ]);
  const latest = new Map<string, number>();
  for (const r of reports) latest.set(r.industryId, r.workforce);
  const members = groupBy(
    businesses.filter((b) => b.sentraId),
    (b) => b.sentraId!,
  );
  const names = await namesOf(
    ctx,
    sentra.flatMap((s) => [s.desaCode, kecamatanOf(s.desaCode)]),
  );
  return {
    items: sentra.map((s) => {
      const list = members.get(s.id) ?? [];
      return {
        id: s.id,
        name: s.name,
        product: s.product,
        desaCode: s.desaCode,
        desa: names.get(s.desaCode) ?? s.desaCode,
        kecamatan: names.get(kecamatanOf(s.desaCode)) ?? '',
        latitude: s.latitude,
        longitude: s.longitude,
        businesses: list.length,
        workforce: list.reduce((sum, b) => sum + (latest.get(b.id) ?? 0), 0),
      };
    }),
  };
}

export async function createSentra(ctx: AppContext, principal: Principal, body: z.infer<typeof sentraBody>) {
  const issues: Issue[] = [];
  await checkPlace(ctx, body, issues);
  if ((body.latitude === null) !== (body.longitude === null))
    issues.push({ field: body.latitude === null ? 'body.latitude' : 'body.longitude', issue: 'required' });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return ctx.database.db.transaction(async (tx) => {
    const [s] = await repo.insertSentra(tx, [body]);
    await appendAudit(tx, principal, {
      action: 'industry.sentra_created',
      entity: 'industry',
      entityId: s!.id,
      after: { name: s!.name, desa: s!.desaCode },
    });
    return { id: s!.id };
  });
}

import {
  AppError,
  entryStep,
  groupBy,
  type IndexScheme,
  idm2016,
  indicatorsOf,
  levelOf,
  parentOf,
  parseRegionCode,
  planNextStatus,
  statusCounts,
  transitionMatrix,
  weakestIndicators,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { countDesaWithin, namesOf } from '../regions/regions.service.ts';
import * as repo from './village-index.repository.ts';

/** The scheme in use; later versions loaded by an admin will be chosen here. */
const scheme: IndexScheme = idm2016;

export function schemeInfo(s: IndexScheme = scheme) {
  return {
    id: s.id,
    version: s.version,
    name: s.name,
    regulation: s.regulation,
    unconfirmed: s.unconfirmed,
    notes: s.notes,
    statuses: s.statuses,
    dimensions: s.dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      indicatorCount: d.indicators.length,
    })),
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Status counts per year, the transition between the last two years, and a table per kecamatan. */
export async function getSummary(ctx: AppContext) {
  const { db } = ctx.database;
  const within = ctx.config.activeKabupaten;
  const { complete: years, inApproval } = await publishedYears(ctx);
  const byYear = new Map<number, repo.StatusRow[]>();
  for (const year of years)
    byYear.set(
      year,
      await repo.findStatusesOfYear(db, { schemeId: scheme.id, year, within, approvedOnly: true }),
    );
  const last = years.at(-1);
  const prev = years.at(-2);
  let transition = null;
  if (last !== undefined && prev !== undefined) {
    const before = new Map(byYear.get(prev)!.map((r) => [r.regionCode, r.status]));
    const pairs = byYear
      .get(last)!
      .filter((r) => before.has(r.regionCode))
      .map((r) => ({ from: before.get(r.regionCode)!, to: r.status }));
    transition = { from: prev, to: last, matrix: transitionMatrix(scheme, pairs) };
  }
  const latest = last !== undefined ? byYear.get(last)! : [];
  // A kabupaten's table is per kecamatan; a province's, per kabupaten/kota.
  const atProvince = levelOf(parseRegionCode(within)) === 'provinsi';
  const groups = groupBy(latest, (r) =>
    atProvince ? r.regionCode.slice(0, 5) : parentOf(parseRegionCode(r.regionCode))!,
  );
  const names = await namesOf(ctx, [within, ...groups.keys()]);
  return {
    scheme: schemeInfo(),
    region: { code: within, name: names.get(within) ?? null },
    years: years.map((year) => {
      const rows = byYear.get(year)!;
      return {
        year,
        desa: rows.length,
        mean: mean(rows.map((r) => r.value)),
        counts: statusCounts(
          scheme,
          rows.map((r) => r.status),
        ),
      };
    }),
    transition,
    inApproval,
    kecamatan: [...groups.entries()].map(([code, rows]) => ({
      code,
      name: names.get(code) ?? code,
      year: last!,
      desa: rows.length,
      mean: mean(rows.map((r) => r.value)),
      counts: statusCounts(
        scheme,
        rows.map((r) => r.status),
      ),
    })),
  };
}

/**
 * The years the public sees: a year once every desa of the kabupaten is approved (a year in its
 * approval season would show a few desa as if they were the kabupaten), and the year being
 * approved with its count ("2025: 37 dari 220 desa disetujui"). Without the desa list loaded,
 * every approved year counts as complete.
 */
export async function publishedYears(ctx: AppContext) {
  const within = ctx.config.activeKabupaten;
  const counts = await repo.countApprovedByYear(ctx.database.db, scheme.id, within);
  const total = await countDesaWithin(ctx, within);
  const complete = counts.filter((c) => total === 0 || c.approved >= total).map((c) => c.year);
  const last = complete.at(-1);
  const pending = counts.filter((c) => c.approved < total && (last === undefined || c.year > last)).at(-1);
  return {
    complete,
    inApproval: pending ? { year: pending.year, approved: pending.approved, total } : null,
  };
}

async function latestYear(ctx: AppContext, year?: number): Promise<number> {
  const years = await repo.findYears(ctx.database.db, scheme.id);
  const chosen = year ?? (await publishedYears(ctx)).complete.at(-1) ?? years.at(-1);
  if (chosen === undefined || !years.includes(chosen))
    throw new AppError('NOT_FOUND', { details: { what: `year ${year}` } });
  return chosen;
}

export async function getResults(ctx: AppContext, q: { year: number; within?: string | undefined }) {
  const within = q.within ? parseRegionCode(q.within) : ctx.config.activeKabupaten;
  const year = await latestYear(ctx, q.year);
  const rows = await repo.findResultsOfYear(ctx.database.db, {
    schemeId: scheme.id,
    year,
    within,
    approvedOnly: true,
  });
  const names = await namesOf(
    ctx,
    rows.flatMap((r) => [r.regionCode, parentOf(parseRegionCode(r.regionCode))!]),
  );
  return {
    year,
    items: rows.map((r) => ({
      code: r.regionCode,
      name: names.get(r.regionCode) ?? r.regionCode,
      kecamatan: names.get(parentOf(parseRegionCode(r.regionCode))!) ?? '',
      value: r.value,
      status: r.status,
      dimensions: r.dimensions,
    })),
  };
}

export async function getScorecard(ctx: AppContext, rawCode: string, principal?: Principal) {
  const code = parseRegionCode(rawCode);
  if (levelOf(code) !== 'desa')
    throw new AppError('VALIDATION', {
      issues: [{ field: 'params.code', issue: 'wrong_level', params: { level: 'desa' } }],
    });
  const rows = await repo.findApprovedResultsOfDesa(ctx.database.db, scheme.id, code);
  const kec = parentOf(code)!;
  const names = await namesOf(ctx, [code, kec]);
  if (!names.has(code)) throw new AppError('NOT_FOUND');
  const withScores = [...rows].reverse().find((r) => r.scores);
  const dimensionOf = new Map(
    scheme.dimensions.flatMap((d) => d.indicators.map((i) => [i.code, d.code] as const)),
  );
  const plan = withScores?.scores ? planNextStatus(scheme, withScores.scores) : null;
  return {
    /** Whether the reader enters this desa's scores (its own desa office; core's entryStep). */
    abilities: {
      enter: !!principal && entryStep(principal.actor, 'save', code) === 'ok',
      review:
        !!principal &&
        (entryStep(principal.actor, 'verify', code) === 'ok' ||
          entryStep(principal.actor, 'approve', code) === 'ok'),
    },
    code,
    name: names.get(code)!,
    kecamatan: { code: kec, name: names.get(kec) ?? kec },
    scheme: schemeInfo(),
    history: rows.map((r) => ({
      year: r.year,
      value: r.value,
      status: r.status,
      dimensions: r.dimensions,
      source: r.source,
      state: r.state,
    })),
    indicators: withScores?.scores
      ? {
          year: withScores.year,
          // In the scheme's order (IKS01..IKL03), not the stored JSON's.
          items: indicatorsOf(scheme)
            .filter((ind) => withScores.scores![ind.code] !== undefined)
            .map((ind) => ({
              code: ind.code,
              name: ind.name,
              dimension: dimensionOf.get(ind.code) ?? '',
              score: withScores.scores![ind.code]!,
              actor: ind.actor,
              organisations: ind.organisations,
            })),
        }
      : null,
    plan: plan
      ? plan.ok
        ? { ...plan, reason: null, from: plan.from.code, target: plan.target.code }
        : {
            ok: false,
            reason: plan.reason,
            from: plan.from.code,
            target: null,
            current: plan.current,
            needed: null,
            totalPoints: 0,
            totalEffort: 0,
            projected: null,
            steps: [],
          }
      : null,
  };
}

export async function getWeakest(ctx: AppContext, q: { year?: number | undefined }) {
  const year = await latestYear(ctx, q.year);
  const rows = (
    await repo.findResultsOfYear(ctx.database.db, {
      schemeId: scheme.id,
      year,
      within: ctx.config.activeKabupaten,
      approvedOnly: true,
    })
  ).filter((r) => r.scores);
  return {
    year,
    desa: rows.length,
    items: weakestIndicators(
      scheme,
      rows.map((r) => r.scores!),
    ),
  };
}

/** The latest published index value of every desa of the kabupaten (for other modules' criteria). */
export async function latestIndexByDesa(ctx: AppContext): Promise<Map<string, number>> {
  const { db } = ctx.database;
  const last = (await publishedYears(ctx)).complete.at(-1);
  if (last === undefined) return new Map();
  const rows = await repo.findResultsOfYear(db, {
    schemeId: scheme.id,
    year: last,
    within: ctx.config.activeKabupaten,
    approvedOnly: true,
  });
  return new Map(rows.map((r) => [r.regionCode, r.value]));
}

import type { AppContext, Principal } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import {
  findNodesOfPlan,
  findNodesTitled,
  findNodeTitles,
  findPlan,
  findPlans,
  findSeries,
  findSeriesOfRegion,
  type NewSeries,
  upsertSeries,
} from './plans.repository.ts';
import { inTreeOrder } from './plans.service.ts';

/**
 * What other modules may ask of the plans module's data without its tables: the published
 * statistics series (the one source of published figures; the poverty page reads it).
 */
export function seriesOfRegion(ctx: AppContext, indicators: readonly string[], region: string) {
  return findSeriesOfRegion(ctx.database.db, indicators, region);
}

/**
 * A plan and its items in tree order (each after its parent, siblings by position), for a public
 * consultation on the draft; null when there is no such plan.
 */
export async function planOutline(ctx: AppContext, planId: string) {
  const plan = await findPlan(ctx.database.db, planId);
  if (!plan) return null;
  const items = inTreeOrder(await findNodesOfPlan(ctx.database.db, planId)).map(({ node: n, depth }) => ({
    id: n.id,
    parentId: n.parentId,
    kind: n.kind,
    code: n.code,
    title: n.title,
    depth,
  }));
  return {
    plan: { id: plan.id, kind: plan.kind, name: plan.name, startYear: plan.startYear, endYear: plan.endYear },
    items,
  };
}

/**
 * Writes figures another module computes (the industry registry's yearly totals) into the
 * statistics series, inside the caller's transaction, so plan indicators linked to them follow.
 */
export function recordSeries(tx: Db, rows: readonly NewSeries[], now: Date) {
  return upsertSeries(tx, rows, now);
}

/** Every statistics series (BPS and the registry's), for the open data. */
export async function allSeries(ctx: AppContext) {
  return (await findSeries(ctx.database.db, {})).items;
}

/** Plan items by id with their plan's name (unknown ids are absent): what a study informs. */
export async function planItems(ctx: AppContext, ids: readonly string[]) {
  const nodes = await findNodeTitles(ctx.database.db, [...new Set(ids)]);
  const plans = new Map((await findPlans(ctx.database.db)).map((p) => [p.id, p.name]));
  return new Map(nodes.map((n) => [n.id, { ...n, planName: plans.get(n.planId) ?? '' }]));
}

/** Plan items by title (the demo's sample data links to its sample targets this way). */
export function planItemsTitled(ctx: AppContext, titles: readonly string[]) {
  return findNodesTitled(ctx.database.db, titles);
}

/**
 * A government added to the installation gets the statistics series the first one holds of its
 * region and the regions in it (a province's or BPS's table imported there), as an import of them
 * would give it, audited. Returns how many figures it got.
 */
export async function handSeries(from: AppContext, to: AppContext, principal: Principal): Promise<number> {
  const code = to.config.activeKabupaten;
  const rows = (await findSeries(from.database.db, {})).items
    .filter((r) => r.regionCode === code || r.regionCode.startsWith(`${code}.`))
    .map(({ importedAt: _at, ...r }) => r);
  if (rows.length === 0) return 0;
  await to.database.db.transaction(async (tx) => {
    await upsertSeries(tx, rows, to.clock());
    await appendAudit(tx, principal, {
      action: 'stat_series.imported',
      entity: 'stat_series',
      entityId: 'installation',
      after: {
        rows: rows.length,
        indicators: [...new Set(rows.map((r) => r.indicator))],
        from: from.config.activeKabupaten,
      },
    });
  });
  return rows.length;
}

import {
  AppError,
  achievement,
  achievementCategory,
  type Direction,
  projection,
  realisationFindings,
  settleFindings,
  targetFindings,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './plans.repository.ts';
import { assertMayEdit, mustFindNode, mustFindPlan } from './plans.service.ts';

/** The indicators of plan items: targets per year, realisations (own or from a series), achievement and projection. */

export interface IndicatorBody {
  name: string;
  unit: string;
  direction: Direction;
  additive: boolean;
  baselineYear: number;
  baselineValue: number;
  targets: Record<string, number>;
  realisations: Record<string, { value: number; source: string }>;
  seriesIndicator?: string | undefined;
  seriesRegion?: string | undefined;
  confirmWarnings?: boolean | undefined;
}

/**
 * Realisations only of years that have been, within the plan; a target against the indicator's
 * direction asks to be confirmed. Returns the confirmed warnings, recorded in the audit entry.
 */
function plausible(ctx: AppContext, plan: { endYear: number }, body: IndicatorBody) {
  return settleFindings(
    [
      ...realisationFindings(
        Object.keys(body.realisations).map(Number),
        body.baselineYear,
        plan.endYear,
        ctx.clock().getFullYear(),
      ),
      ...targetFindings(body.direction, body.baselineValue, body.targets),
    ],
    body.confirmWarnings,
  );
}

export async function addIndicator(
  ctx: AppContext,
  principal: Principal,
  nodeId: string,
  body: IndicatorBody,
) {
  const node = await mustFindNode(ctx, nodeId);
  const plan = await mustFindPlan(ctx, node.planId);
  await assertMayEdit(ctx, principal, plan);
  const warnings = plausible(ctx, plan, body);
  return ctx.database.db.transaction(async (tx) => {
    const id = await repo.insertIndicator(tx, { nodeId, ...indicatorRow(ctx, body) });
    await appendAudit(tx, principal, {
      action: 'plan.indicator_added',
      entity: 'plan',
      entityId: node.planId,
      after: { name: body.name, ...(warnings.length ? { confirmedWarnings: warnings } : {}) },
    });
    return { id };
  });
}

/** The stored row of an indicator body: a linked series is for the kabupaten unless a region is given. */
export function indicatorRow(ctx: AppContext, body: IndicatorBody) {
  const { seriesIndicator, seriesRegion, confirmWarnings: _, ...rest } = body;
  return {
    ...rest,
    seriesIndicator: seriesIndicator ?? null,
    seriesRegion: seriesIndicator ? (seriesRegion ?? ctx.config.activeKabupaten) : null,
  };
}

/** An indicator about to change, with its node, once the principal may edit its plan. */
async function indicatorForEdit(ctx: AppContext, principal: Principal, id: string) {
  const before = await repo.findIndicator(ctx.database.db, id);
  if (!before) throw new AppError('NOT_FOUND', { details: { what: id } });
  const node = await mustFindNode(ctx, before.nodeId);
  await assertMayEdit(ctx, principal, await mustFindPlan(ctx, node.planId));
  const snapshot = (i: Pick<typeof before, 'name' | 'targets' | 'realisations'>) => ({
    indicatorId: id,
    name: i.name,
    targets: i.targets,
    realisations: i.realisations,
  });
  return { before, node, snapshot };
}

export async function updateIndicator(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: IndicatorBody,
) {
  const { before, node, snapshot } = await indicatorForEdit(ctx, principal, id);
  const warnings = plausible(ctx, await mustFindPlan(ctx, node.planId), body);
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateIndicator(tx, id, indicatorRow(ctx, body));
    await appendAudit(tx, principal, {
      action: 'plan.indicator_changed',
      entity: 'plan',
      entityId: node.planId,
      before: snapshot(before),
      after: { ...snapshot(body), ...(warnings.length ? { confirmedWarnings: warnings } : {}) },
    });
  });
  return { ok: true as const };
}

export async function deleteIndicator(ctx: AppContext, principal: Principal, id: string) {
  const { before, node, snapshot } = await indicatorForEdit(ctx, principal, id);
  await ctx.database.db.transaction(async (tx) => {
    await repo.deleteIndicator(tx, id);
    await appendAudit(tx, principal, {
      action: 'plan.indicator_deleted',
      entity: 'plan',
      entityId: node.planId,
      before: snapshot(before),
    });
  });
  return { ok: true as const };
}

type SeriesValues = Map<string, Record<string, { value: number; source: string }>>;

/** The values of the statistics series the indicators draw on, by `indicator|region`. */
export async function seriesFor(ctx: AppContext, indicators: readonly repo.IndicatorRow[]) {
  const wanted = [...new Set(indicators.map((i) => i.seriesIndicator).filter((x): x is string => !!x))];
  const out: SeriesValues = new Map();
  const rows = await repo.findSeriesOf(ctx.database.db, wanted);
  for (const r of rows) {
    const key = `${r.indicator}|${r.regionCode}`;
    out.set(key, { ...out.get(key), [String(r.year)]: { value: r.value, source: r.source } });
  }
  return out;
}

/** Realisations by year: the linked series, with any realisation entered on the indicator taking precedence. */
function realisationsOf(i: repo.IndicatorRow, series: SeriesValues) {
  const fromSeries = i.seriesIndicator ? (series.get(`${i.seriesIndicator}|${i.seriesRegion}`) ?? {}) : {};
  return { ...fromSeries, ...i.realisations };
}

export function presentIndicator(i: repo.IndicatorRow, endYear: number, series: SeriesValues) {
  const realisations = realisationsOf(i, series);
  const years = [...new Set([...Object.keys(i.targets), ...Object.keys(realisations)])].sort();
  const s = {
    direction: i.direction as Direction,
    baseline: { year: i.baselineYear, value: i.baselineValue },
    targets: i.targets,
    realisations: Object.fromEntries(Object.entries(realisations).map(([y, r]) => [y, r.value])),
  };
  return {
    ...i,
    direction: s.direction,
    realisations,
    /** Those entered on the indicator itself (what an edit sends back). */
    ownRealisations: i.realisations,
    byYear: years.map((y) => {
      const target = i.targets[y] ?? null;
      const real = realisations[y]?.value ?? null;
      const pct = target !== null && real !== null ? achievement(target, real, s.direction) : null;
      return {
        year: Number(y),
        target,
        realisation: real,
        source: realisations[y]?.source ?? null,
        achievement: pct,
        ...(pct !== null ? achievementCategory(pct) : {}),
      };
    }),
    // To the end of the plan's period, and to 2045 (Indonesia Emas) where a 2045 target is set.
    projections: [endYear, ...(i.targets['2045'] !== undefined ? [2045] : [])]
      .filter((y, k, a) => a.indexOf(y) === k)
      .map((y) => projection(s, y)),
  };
}

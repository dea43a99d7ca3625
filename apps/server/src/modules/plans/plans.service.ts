import {
  AppError,
  achievement,
  achievementCategory,
  alignmentScores,
  budgetAlignment,
  type Direction,
  orphans,
  type PlanLevel,
  type PlanNode,
  projection,
  targetConsistency,
  uncoveredTargets,
} from '@sinergi/core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { AppContext, Principal } from '../../context.ts';
import { organisations, planIndicators, planLinks, planNodes, plans } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';

/**
 * Plans and their synchronisation (issue 6). The analysis itself is core's (`core/plans`); this
 * module stores plans, nodes, links and indicators, and presents the results with titles.
 */
async function mustFindPlan(ctx: AppContext, id: string) {
  const [p] = await ctx.database.db.select().from(plans).where(eq(plans.id, id));
  if (!p) throw new AppError('NOT_FOUND', { details: { what: id } });
  return p;
}

export async function listPlans(ctx: AppContext) {
  const rows = await ctx.database.db.select().from(plans).orderBy(asc(plans.level), asc(plans.name));
  return {
    items: rows.map((p) => ({
      ...p,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    })),
  };
}

export async function createPlan(
  ctx: AppContext,
  principal: Principal,
  body: {
    kind: string;
    level: PlanLevel;
    name: string;
    startYear: number;
    endYear: number;
    owner?: string | undefined;
  },
) {
  if (body.endYear < body.startYear)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.endYear', issue: 'end_before_start' }] });
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({ ...body, owner: body.owner ?? null })
      .returning({ id: plans.id });
    await appendAudit(tx, principal, {
      action: 'plan.created',
      entity: 'plan',
      entityId: row!.id,
      after: { name: body.name },
    });
    return { id: row!.id };
  });
}

export async function addNode(
  ctx: AppContext,
  principal: Principal,
  planId: string,
  body: {
    parentId?: string | undefined;
    kind: string;
    code?: string | undefined;
    title: string;
    tags: string[];
    budget: Record<string, number>;
    supports: string[];
  },
) {
  await mustFindPlan(ctx, planId);
  const db = ctx.database.db;
  if (body.parentId) {
    const [parent] = await db.select().from(planNodes).where(eq(planNodes.id, body.parentId));
    if (!parent || parent.planId !== planId)
      throw new AppError('VALIDATION', { issues: [{ field: 'body.parentId', issue: 'not_found' }] });
  }
  if (body.supports.length) {
    const found = await db
      .select({ id: planNodes.id, planId: planNodes.planId })
      .from(planNodes)
      .where(inArray(planNodes.id, body.supports));
    body.supports.forEach((s, i) => {
      const f = found.find((x) => x.id === s);
      if (!f || f.planId === planId)
        throw new AppError('VALIDATION', { issues: [{ field: `body.supports.${i}`, issue: 'not_found' }] });
    });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planNodes)
      .values({
        planId,
        parentId: body.parentId ?? null,
        kind: body.kind,
        code: body.code ?? null,
        title: body.title,
        tags: body.tags,
        budget: body.budget,
      })
      .returning({ id: planNodes.id });
    if (body.supports.length)
      await tx.insert(planLinks).values(body.supports.map((s) => ({ nodeId: row!.id, supportsId: s })));
    await appendAudit(tx, principal, {
      action: 'plan.node_added',
      entity: 'plan',
      entityId: planId,
      after: { nodeId: row!.id, title: body.title },
    });
    return { id: row!.id };
  });
}

/** Replaces the higher-plan nodes a node supports (a desa linking its RKPDes item to a priority). */
export async function setLinks(ctx: AppContext, principal: Principal, nodeId: string, supports: string[]) {
  const db = ctx.database.db;
  const [node] = await db.select().from(planNodes).where(eq(planNodes.id, nodeId));
  if (!node) throw new AppError('NOT_FOUND', { details: { what: nodeId } });
  // A desa links only its own plans' items, an OPD only its own; Bappeda and the admin any.
  const plan = await mustFindPlan(ctx, node.planId);
  const actor = principal.actor;
  if (actor.role === 'desa' && plan.owner !== actor.regionCode) throw new AppError('OUT_OF_SCOPE');
  if (actor.role === 'opd') {
    const [org] = await db
      .select({ code: organisations.code })
      .from(organisations)
      .where(eq(organisations.id, actor.organisationId ?? ''));
    if (!org || plan.owner !== org.code) throw new AppError('OUT_OF_SCOPE');
  }
  const found = supports.length
    ? await db
        .select({ id: planNodes.id, planId: planNodes.planId })
        .from(planNodes)
        .where(inArray(planNodes.id, supports))
    : [];
  supports.forEach((s, i) => {
    const f = found.find((x) => x.id === s);
    if (!f || f.planId === node.planId)
      throw new AppError('VALIDATION', { issues: [{ field: `body.supports.${i}`, issue: 'not_found' }] });
  });
  await db.transaction(async (tx) => {
    await tx.delete(planLinks).where(eq(planLinks.nodeId, nodeId));
    if (supports.length) await tx.insert(planLinks).values(supports.map((s) => ({ nodeId, supportsId: s })));
    await appendAudit(tx, principal, {
      action: 'plan.links_set',
      entity: 'plan',
      entityId: node.planId,
      after: { nodeId, supports },
    });
  });
  return { ok: true as const };
}

export async function addIndicator(
  ctx: AppContext,
  principal: Principal,
  nodeId: string,
  body: {
    name: string;
    unit: string;
    direction: Direction;
    additive: boolean;
    baselineYear: number;
    baselineValue: number;
    targets: Record<string, number>;
    realisations: Record<string, { value: number; source: string }>;
  },
) {
  const [node] = await ctx.database.db.select().from(planNodes).where(eq(planNodes.id, nodeId));
  if (!node) throw new AppError('NOT_FOUND', { details: { what: nodeId } });
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planIndicators)
      .values({ nodeId, ...body })
      .returning({ id: planIndicators.id });
    await appendAudit(tx, principal, {
      action: 'plan.indicator_added',
      entity: 'plan',
      entityId: node.planId,
      after: { name: body.name },
    });
    return { id: row!.id };
  });
}

/** All nodes as core sees them: level and owner from their plan, links from plan_links. */
async function coreNodes(ctx: AppContext) {
  const db = ctx.database.db;
  const allPlans = await db.select().from(plans);
  const nodes = await db.select().from(planNodes);
  const links = await db.select().from(planLinks);
  const planOf = new Map(allPlans.map((p) => [p.id, p]));
  const supports = new Map<string, string[]>();
  for (const l of links) supports.set(l.nodeId, [...(supports.get(l.nodeId) ?? []), l.supportsId]);
  const core: PlanNode[] = nodes.map((n) => ({
    id: n.id,
    planId: n.planId,
    level: planOf.get(n.planId)!.level as PlanLevel,
    kind: n.kind,
    parentId: n.parentId,
    supports: supports.get(n.id) ?? [],
    owner: planOf.get(n.planId)!.owner,
    budget: n.budget,
  }));
  return { core, nodes, planOf };
}

function presentIndicator(i: typeof planIndicators.$inferSelect, endYear: number) {
  const years = [...new Set([...Object.keys(i.targets), ...Object.keys(i.realisations)])].sort();
  const series = {
    direction: i.direction as Direction,
    baseline: { year: i.baselineYear, value: i.baselineValue },
    targets: i.targets,
    realisations: Object.fromEntries(Object.entries(i.realisations).map(([y, r]) => [y, r.value])),
  };
  return {
    ...i,
    byYear: years.map((y) => {
      const target = i.targets[y] ?? null;
      const real = i.realisations[y]?.value ?? null;
      const pct = target !== null && real !== null ? achievement(target, real, series.direction) : null;
      return {
        year: Number(y),
        target,
        realisation: real,
        source: i.realisations[y]?.source ?? null,
        achievement: pct,
        ...(pct !== null ? achievementCategory(pct) : {}),
      };
    }),
    projections: [endYear, 2045].filter((y, k, a) => a.indexOf(y) === k).map((y) => projection(series, y)),
  };
}

export async function getPlan(ctx: AppContext, id: string) {
  const p = await mustFindPlan(ctx, id);
  const db = ctx.database.db;
  const nodes = await db
    .select()
    .from(planNodes)
    .where(eq(planNodes.planId, id))
    .orderBy(asc(planNodes.position), asc(planNodes.createdAt));
  const ids = nodes.map((n) => n.id);
  const links = ids.length ? await db.select().from(planLinks).where(inArray(planLinks.nodeId, ids)) : [];
  const targets = links.length
    ? await db
        .select({ id: planNodes.id, title: planNodes.title, planId: planNodes.planId })
        .from(planNodes)
        .where(
          inArray(
            planNodes.id,
            links.map((l) => l.supportsId),
          ),
        )
    : [];
  const indicators = ids.length
    ? await db.select().from(planIndicators).where(inArray(planIndicators.nodeId, ids))
    : [];
  return {
    ...p,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    nodes: nodes.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      kind: n.kind,
      code: n.code,
      title: n.title,
      tags: n.tags,
      budget: n.budget,
      supports: links.filter((l) => l.nodeId === n.id).map((l) => targets.find((x) => x.id === l.supportsId)),
      indicators: indicators.filter((i) => i.nodeId === n.id).map((i) => presentIndicator(i, p.endYear)),
    })),
  };
}

/** The synchronisation dashboard for a year: orphans, uncovered targets, money by target, scores, consistency. */
export async function synchronisation(ctx: AppContext, year: string) {
  const { core, nodes, planOf } = await coreNodes(ctx);
  const title = new Map(nodes.map((n) => [n.id, n.title]));
  const planName = (nodeId: string) => planOf.get(nodes.find((n) => n.id === nodeId)!.planId)!.name;
  const named = (ns: PlanNode[]) =>
    ns.map((n) => ({
      id: n.id,
      title: title.get(n.id)!,
      plan: planName(n.id),
      level: n.level,
      owner: n.owner,
    }));
  const money = (level: PlanLevel) => {
    const r = budgetAlignment(core, year, level);
    return { ...r, byTarget: r.byTarget.map((t) => ({ ...t, title: title.get(t.id)! })) };
  };
  const indicators = await ctx.database.db.select().from(planIndicators);
  return {
    year,
    orphans: named(orphans(core)),
    uncovered: named(uncoveredTargets(core).filter((n) => n.level !== 'desa')),
    kabupaten: money('kabupaten'),
    nasional: money('nasional'),
    scores: alignmentScores(core, year),
    consistency: targetConsistency(
      core,
      indicators.map((i) => ({ nodeId: i.nodeId, unit: i.unit, additive: i.additive, targets: i.targets })),
    ).map((c) => ({ ...c, title: title.get(c.nodeId)! })),
  };
}

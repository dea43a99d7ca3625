import {
  AppError,
  achievement,
  achievementCategory,
  alignmentScores,
  budgetAlignment,
  can,
  type Direction,
  linkAllowed,
  nestedPagu,
  orphans,
  type PlanLevel,
  type PlanNode,
  planLevels,
  projection,
  servingNodes,
  synchronisationMatrix,
  targetConsistency,
  targetKinds,
  uncoveredTargets,
} from '@sinergi/core';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext, Principal } from '../../context.ts';
import {
  auditLog,
  organisations,
  planIndicators,
  planLinks,
  planNodes,
  plans,
  proposals,
  statSeries,
} from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { namesOf } from '../regions/regions.service.ts';

/**
 * Plans and their synchronisation (issue 6). The analysis itself is core's (`core/plans`); this
 * module stores plans, nodes, links and indicators, and presents the results with titles.
 */
export async function mustFindPlan(ctx: AppContext, id: string) {
  const [p] = await ctx.database.db.select().from(plans).where(eq(plans.id, id));
  if (!p) throw new AppError('NOT_FOUND', { details: { what: id } });
  return p;
}

async function mustFindNode(ctx: AppContext, id: string) {
  const [n] = await ctx.database.db.select().from(planNodes).where(eq(planNodes.id, id));
  if (!n) throw new AppError('NOT_FOUND', { details: { what: id } });
  return n;
}

/** The code an OPD's or desa's own plans carry as owner: the organisation code, or the desa code. */
async function ownerCodeOf(ctx: AppContext, principal: Principal) {
  const actor = principal.actor;
  if (actor.role === 'desa') return actor.regionCode ?? null;
  if (actor.role !== 'opd') return null;
  const [org] = await ctx.database.db
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId ?? ''));
  return org?.code ?? null;
}

/** Bappeda and the admin edit any plan; an OPD only its Renstra and Renja, a desa only its own plans. */
export async function assertMayEdit(ctx: AppContext, principal: Principal, plan: { owner: string | null }) {
  const role = principal.actor.role;
  if (role === 'admin' || role === 'perencana') return;
  const own = await ownerCodeOf(ctx, principal);
  if (!own || plan.owner !== own) throw new AppError('OUT_OF_SCOPE');
}

/** Every plan, from the national level down to the desa, with its owner's name. */
export async function listPlans(ctx: AppContext) {
  const rows = await ctx.database.db.select().from(plans).orderBy(asc(plans.name));
  const names = await ownerNames(
    ctx,
    rows.map((p) => p.owner),
  );
  const rank = (level: string) => planLevels.indexOf(level as PlanLevel);
  return {
    items: rows
      .sort((a, b) => rank(a.level) - rank(b.level))
      .map((p) => ({
        ...p,
        ownerName: p.owner ? (names.get(p.owner) ?? p.owner) : null,
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
  // An OPD or desa creates only its own plans, at its own level; the owner is itself.
  const role = principal.actor.role;
  let owner = body.owner ?? null;
  if (role === 'opd' || role === 'desa') {
    if (body.level !== role)
      throw new AppError('VALIDATION', {
        issues: [{ field: 'body.level', issue: 'wrong_level', params: { level: role } }],
      });
    owner = await ownerCodeOf(ctx, principal);
  }
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({ ...body, owner })
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
  const plan = await mustFindPlan(ctx, planId);
  await assertMayEdit(ctx, principal, plan);
  const db = ctx.database.db;
  const siblings = await db
    .select({ position: planNodes.position, parentId: planNodes.parentId })
    .from(planNodes)
    .where(eq(planNodes.planId, planId));
  const position =
    Math.max(-1, ...siblings.filter((x) => x.parentId === (body.parentId ?? null)).map((x) => x.position)) +
    1;
  if (body.parentId) {
    const [parent] = await db.select().from(planNodes).where(eq(planNodes.id, body.parentId));
    if (!parent || parent.planId !== planId)
      throw new AppError('VALIDATION', { issues: [{ field: 'body.parentId', issue: 'not_found' }] });
  }
  await checkSupports(ctx, plan, body.supports);
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
        position,
      })
      .returning({ id: planNodes.id });
    if (body.supports.length)
      await tx.insert(planLinks).values(body.supports.map((s) => ({ nodeId: row!.id, supportsId: s })));
    await appendAudit(tx, principal, {
      action: 'plan.node_added',
      entity: 'plan',
      entityId: planId,
      after: { nodeId: row!.id, title: body.title, parentId: body.parentId ?? null },
    });
    return { id: row!.id };
  });
}

/** The nodes of other plans an item may support, with their plans, for checks and pickers. */
async function nodesWithPlans(ctx: AppContext, ids: string[]) {
  if (!ids.length) return [];
  return ctx.database.db
    .select({
      id: planNodes.id,
      planId: planNodes.planId,
      level: plans.level,
      kind: plans.kind,
      owner: plans.owner,
    })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(inArray(planNodes.id, ids));
}

/** Every item supported must exist, be of another plan, and be one this plan may support (`linkAllowed`). */
async function checkSupports(ctx: AppContext, plan: typeof plans.$inferSelect, supports: string[]) {
  const found = await nodesWithPlans(ctx, supports);
  const issues = supports.flatMap((s, i) => {
    const f = found.find((x) => x.id === s);
    const field = `body.supports.${i}`;
    if (!f) return [{ field, issue: 'not_found' }];
    if (f.planId === plan.id) return [{ field, issue: 'plan_same_plan' }];
    if (!linkAllowed(plan, f)) return [{ field, issue: 'plan_not_higher' }];
    return [];
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
}

/**
 * What the items of a plan may support: the goals, targets and priorities of higher plans, and
 * the items of the longer-term plan of the same owner (a Renja's Renstra), with their plans.
 */
export async function linkTargets(ctx: AppContext, planId: string) {
  const plan = await mustFindPlan(ctx, planId);
  const rows = await ctx.database.db
    .select({
      id: planNodes.id,
      title: planNodes.title,
      kind: planNodes.kind,
      code: planNodes.code,
      planName: plans.name,
      level: plans.level,
      planKind: plans.kind,
      owner: plans.owner,
    })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .orderBy(asc(plans.level), asc(plans.name), asc(planNodes.position));
  return {
    items: rows
      .filter((r) => linkAllowed(plan, { level: r.level, kind: r.planKind, owner: r.owner }))
      .filter((r) => r.level !== plan.level || ['program', 'kegiatan', ...targetKinds].includes(r.kind))
      .filter((r) => r.level === plan.level || targetKinds.has(r.kind))
      .map(({ id, title, kind, code, planName }) => ({ id, title, kind, code, plan: planName })),
  };
}

/** Replaces the higher-plan nodes a node supports (a desa linking its RKPDes item to a priority). */
export async function setLinks(ctx: AppContext, principal: Principal, nodeId: string, supports: string[]) {
  const db = ctx.database.db;
  const [node] = await db.select().from(planNodes).where(eq(planNodes.id, nodeId));
  if (!node) throw new AppError('NOT_FOUND', { details: { what: nodeId } });
  // A desa links only its own plans' items, an OPD only its own; Bappeda and the admin any.
  const plan = await mustFindPlan(ctx, node.planId);
  await assertMayEdit(ctx, principal, plan);
  await checkSupports(ctx, plan, supports);
  const before = (await db.select().from(planLinks).where(eq(planLinks.nodeId, nodeId))).map(
    (l) => l.supportsId,
  );
  await db.transaction(async (tx) => {
    await tx.delete(planLinks).where(eq(planLinks.nodeId, nodeId));
    if (supports.length) await tx.insert(planLinks).values(supports.map((s) => ({ nodeId, supportsId: s })));
    await appendAudit(tx, principal, {
      action: 'plan.links_set',
      entity: 'plan',
      entityId: node.planId,
      before: { nodeId, title: node.title, supports: before },
      after: { nodeId, title: node.title, supports },
    });
  });
  return { ok: true as const };
}

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
}

export async function addIndicator(
  ctx: AppContext,
  principal: Principal,
  nodeId: string,
  body: IndicatorBody,
) {
  const node = await mustFindNode(ctx, nodeId);
  await assertMayEdit(ctx, principal, await mustFindPlan(ctx, node.planId));
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planIndicators)
      .values({ nodeId, ...indicatorRow(ctx, body) })
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

/** The stored row of an indicator body: a linked series is for the kabupaten unless a region is given. */
function indicatorRow(ctx: AppContext, body: IndicatorBody) {
  const { seriesIndicator, seriesRegion, ...rest } = body;
  return {
    ...rest,
    seriesIndicator: seriesIndicator ?? null,
    seriesRegion: seriesIndicator ? (seriesRegion ?? ctx.config.activeKabupaten) : null,
  };
}

/** An indicator about to change, with its node, once the principal may edit its plan. */
async function indicatorForEdit(ctx: AppContext, principal: Principal, id: string) {
  const [before] = await ctx.database.db.select().from(planIndicators).where(eq(planIndicators.id, id));
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
  await ctx.database.db.transaction(async (tx) => {
    await tx.update(planIndicators).set(indicatorRow(ctx, body)).where(eq(planIndicators.id, id));
    await appendAudit(tx, principal, {
      action: 'plan.indicator_changed',
      entity: 'plan',
      entityId: node.planId,
      before: snapshot(before),
      after: snapshot(body),
    });
  });
  return { ok: true as const };
}

export async function deleteIndicator(ctx: AppContext, principal: Principal, id: string) {
  const { before, node, snapshot } = await indicatorForEdit(ctx, principal, id);
  await ctx.database.db.transaction(async (tx) => {
    await tx.delete(planIndicators).where(eq(planIndicators.id, id));
    await appendAudit(tx, principal, {
      action: 'plan.indicator_deleted',
      entity: 'plan',
      entityId: node.planId,
      before: snapshot(before),
    });
  });
  return { ok: true as const };
}

/** Changes a node's own fields (kind, code, title, tags, pagu); the audit keeps what they were. */
export async function updateNode(
  ctx: AppContext,
  principal: Principal,
  id: string,
  patch: {
    kind?: string | undefined;
    code?: string | null | undefined;
    title?: string | undefined;
    tags?: string[] | undefined;
    budget?: Record<string, number> | undefined;
  },
) {
  const node = await mustFindNode(ctx, id);
  await assertMayEdit(ctx, principal, await mustFindPlan(ctx, node.planId));
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, node[k as keyof typeof node]]));
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(planNodes)
      .set({ ...changes, updatedAt: ctx.clock() })
      .where(eq(planNodes.id, id));
    await appendAudit(tx, principal, {
      action: 'plan.node_changed',
      entity: 'plan',
      entityId: node.planId,
      before: { nodeId: id, title: node.title, ...before },
      after: { nodeId: id, title: patch.title ?? node.title, ...changes },
    });
  });
  return { ok: true as const };
}

/**
 * Moves a node under another node of the same plan (or to the top of the tree) at a position
 * among its new siblings; a node never moves under itself or its own descendants.
 */
export async function moveNode(
  ctx: AppContext,
  principal: Principal,
  id: string,
  to: { parentId: string | null; position: number },
) {
  const node = await mustFindNode(ctx, id);
  await assertMayEdit(ctx, principal, await mustFindPlan(ctx, node.planId));
  const db = ctx.database.db;
  const all = await db
    .select({ id: planNodes.id, parentId: planNodes.parentId, position: planNodes.position })
    .from(planNodes)
    .where(eq(planNodes.planId, node.planId));
  if (to.parentId) {
    const byId = new Map(all.map((n) => [n.id, n]));
    if (!byId.has(to.parentId))
      throw new AppError('VALIDATION', { issues: [{ field: 'body.parentId', issue: 'plan_other_plan' }] });
    for (let p: string | null = to.parentId; p; p = byId.get(p)?.parentId ?? null)
      if (p === id)
        throw new AppError('VALIDATION', { issues: [{ field: 'body.parentId', issue: 'plan_cycle' }] });
  }
  const siblings = all
    .filter((n) => n.parentId === to.parentId && n.id !== id)
    .sort((a, b) => a.position - b.position);
  const at = Math.min(to.position, siblings.length);
  const order = [...siblings.slice(0, at).map((n) => n.id), id, ...siblings.slice(at).map((n) => n.id)];
  await db.transaction(async (tx) => {
    // Only the siblings whose position changes are written, and the node itself.
    const positionOf = new Map(all.map((n) => [n.id, n.position]));
    for (const [position, nodeId] of order.entries())
      if (nodeId === id)
        await tx
          .update(planNodes)
          .set({ parentId: to.parentId, position, updatedAt: ctx.clock() })
          .where(eq(planNodes.id, nodeId));
      else if (positionOf.get(nodeId) !== position)
        await tx.update(planNodes).set({ position }).where(eq(planNodes.id, nodeId));
    await appendAudit(tx, principal, {
      action: 'plan.node_moved',
      entity: 'plan',
      entityId: node.planId,
      before: { nodeId: id, title: node.title, parentId: node.parentId, position: node.position },
      after: { nodeId: id, title: node.title, parentId: to.parentId, position: at },
    });
  });
  return { ok: true as const };
}

/**
 * Deletes a node that has nothing below it and that nothing relies on: no lower-plan node
 * supports it and no Musrenbang proposal is linked to it (those links are undone first, on purpose).
 */
export async function deleteNode(ctx: AppContext, principal: Principal, id: string) {
  const node = await mustFindNode(ctx, id);
  await assertMayEdit(ctx, principal, await mustFindPlan(ctx, node.planId));
  const db = ctx.database.db;
  const [child] = await db
    .select({ id: planNodes.id })
    .from(planNodes)
    .where(eq(planNodes.parentId, id))
    .limit(1);
  if (child) throw new AppError('VALIDATION', { issues: [{ field: 'node', issue: 'plan_has_children' }] });
  const [{ n: supported } = { n: 0 }] = await db
    .select({ n: count() })
    .from(planLinks)
    .where(eq(planLinks.supportsId, id));
  const [{ n: linked } = { n: 0 }] = await db
    .select({ n: count() })
    .from(proposals)
    .where(eq(proposals.planNodeId, id));
  if (supported + linked > 0)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'node', issue: 'plan_supported', params: { value: supported + linked } }],
    });
  const indicators = await db.select().from(planIndicators).where(eq(planIndicators.nodeId, id));
  await db.transaction(async (tx) => {
    await tx.delete(planNodes).where(eq(planNodes.id, id));
    await appendAudit(tx, principal, {
      action: 'plan.node_deleted',
      entity: 'plan',
      entityId: node.planId,
      before: {
        nodeId: id,
        title: node.title,
        kind: node.kind,
        code: node.code,
        parentId: node.parentId,
        budget: node.budget,
        indicators: indicators.map((i) => i.name),
      },
    });
  });
  return { ok: true as const };
}

/** The history of a plan: every change to it, newest first, with who made it. */
export async function planHistory(ctx: AppContext, planId: string) {
  await mustFindPlan(ctx, planId);
  const rows = await ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'plan'), eq(auditLog.entityId, planId)))
    .orderBy(desc(auditLog.id))
    .limit(500);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorName,
      role: r.actorRole,
      action: r.action,
      before: r.before,
      after: r.after,
    })),
  };
}

/**
 * Links a Musrenbang proposal to the RKPD or Renja program, kegiatan or sub-kegiatan that would
 * fund it (or unlinks it). Bappeda any proposal; an OPD the proposals addressed to it.
 */
export async function linkProposal(
  ctx: AppContext,
  principal: Principal,
  proposalId: string,
  nodeId: string | null,
) {
  const db = ctx.database.db;
  const [proposal] = await db.select().from(proposals).where(eq(proposals.id, proposalId));
  if (!proposal) throw new AppError('NOT_FOUND', { details: { what: proposalId } });
  const role = principal.actor.role;
  if (role === 'opd' && proposal.organisationId !== principal.actor.organisationId)
    throw new AppError('OUT_OF_SCOPE');
  if (role !== 'admin' && role !== 'perencana' && role !== 'opd') throw new AppError('OUT_OF_SCOPE');
  if (nodeId) {
    const node = await db.select().from(planNodes).where(eq(planNodes.id, nodeId));
    const plan = node[0] ? await mustFindPlan(ctx, node[0].planId) : null;
    if (!node[0] || !plan)
      throw new AppError('VALIDATION', { issues: [{ field: 'body.nodeId', issue: 'not_found' }] });
    if (
      !['program', 'kegiatan', 'subkegiatan'].includes(node[0].kind) ||
      !['RKPD', 'Renja'].includes(plan.kind)
    )
      throw new AppError('VALIDATION', { issues: [{ field: 'body.nodeId', issue: 'plan_not_work' }] });
  }
  await db.transaction(async (tx) => {
    await tx.update(proposals).set({ planNodeId: nodeId }).where(eq(proposals.id, proposalId));
    await appendAudit(tx, principal, {
      action: 'proposal.plan_linked',
      entity: 'proposal',
      entityId: proposalId,
      before: { planNodeId: proposal.planNodeId },
      after: { planNodeId: nodeId },
    });
  });
  return { ok: true as const };
}

const WORK_PLANS = ['RKPD', 'Renja'];
const WORK_KINDS = ['program', 'kegiatan', 'subkegiatan'];

/** The program, kegiatan and sub-kegiatan of RKPD and Renja plans: what a Musrenbang proposal can be funded through. */
export async function workItems(ctx: AppContext) {
  const rows = await ctx.database.db
    .select({
      id: planNodes.id,
      code: planNodes.code,
      title: planNodes.title,
      kind: planNodes.kind,
      plan: plans.name,
      owner: plans.owner,
    })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(and(inArray(plans.kind, WORK_PLANS), inArray(planNodes.kind, WORK_KINDS)))
    .orderBy(asc(plans.name), asc(planNodes.position));
  return { items: rows };
}

/** The work item a proposal is linked to, for the proposal's page. */
export async function workItemOf(ctx: AppContext, nodeId: string | null) {
  if (!nodeId) return null;
  const [row] = await ctx.database.db
    .select({
      id: planNodes.id,
      code: planNodes.code,
      title: planNodes.title,
      plan: plans.name,
      planId: plans.id,
    })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(eq(planNodes.id, nodeId));
  return row ?? null;
}

/**
 * Every plan, node and link, loaded once for an analysis: the nodes as core sees them (level and
 * owner from their plan, links from plan_links), the rows, the plans, and the owners' names.
 */
async function loadPlans(ctx: AppContext) {
  const db = ctx.database.db;
  const allPlans = await db.select().from(plans);
  const nodes = await db.select().from(planNodes);
  const links = await db.select().from(planLinks);
  const planOf = new Map(allPlans.map((p) => [p.id, p]));
  const supports = new Map<string, string[]>();
  for (const l of links) {
    const list = supports.get(l.nodeId);
    if (list) list.push(l.supportsId);
    else supports.set(l.nodeId, [l.supportsId]);
  }
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
  const names = await ownerNames(
    ctx,
    allPlans.map((p) => p.owner),
  );
  return { core, nodes, planOf, names };
}
type LoadedPlans = Awaited<ReturnType<typeof loadPlans>>;

type SeriesValues = Map<string, Record<string, { value: number; source: string }>>;

/** The values of the statistics series the indicators draw on, by `indicator|region`. */
async function seriesFor(ctx: AppContext, indicators: readonly (typeof planIndicators.$inferSelect)[]) {
  const wanted = [...new Set(indicators.map((i) => i.seriesIndicator).filter((x): x is string => !!x))];
  const out: SeriesValues = new Map();
  if (!wanted.length) return out;
  const rows = await ctx.database.db.select().from(statSeries).where(inArray(statSeries.indicator, wanted));
  for (const r of rows) {
    const key = `${r.indicator}|${r.regionCode}`;
    out.set(key, { ...out.get(key), [String(r.year)]: { value: r.value, source: r.source } });
  }
  return out;
}

/** Realisations by year: the linked series, with any realisation entered on the indicator taking precedence. */
function realisationsOf(i: typeof planIndicators.$inferSelect, series: SeriesValues) {
  const fromSeries = i.seriesIndicator ? (series.get(`${i.seriesIndicator}|${i.seriesRegion}`) ?? {}) : {};
  return { ...fromSeries, ...i.realisations };
}

export function presentIndicator(
  i: typeof planIndicators.$inferSelect,
  endYear: number,
  series: SeriesValues,
) {
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

/** Whether the principal may edit the plan (for the page to offer it; every write checks again). */
async function mayEdit(ctx: AppContext, principal: Principal | undefined, plan: { owner: string | null }) {
  if (!principal || !can(principal.actor, 'plans.edit')) return false;
  try {
    await assertMayEdit(ctx, principal, plan);
    return true;
  } catch {
    return false;
  }
}

export async function getPlan(ctx: AppContext, id: string, principal?: Principal) {
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
  const series = await seriesFor(ctx, indicators);
  // Proposals are not public (their tracking codes open their whole path): only to those who read proposals.
  const linkedProposals =
    ids.length && principal && can(principal.actor, 'proposals.read')
      ? await db
          .select({
            id: proposals.id,
            trackingCode: proposals.trackingCode,
            title: proposals.title,
            stage: proposals.stage,
            planNodeId: proposals.planNodeId,
          })
          .from(proposals)
          .where(inArray(proposals.planNodeId, ids))
      : [];
  // The tree in order: each node after its parent, siblings by position.
  const byParent = new Map<string | null, typeof nodes>();
  for (const n of nodes) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
  const ordered: typeof nodes = [];
  const walk = (parent: string | null) => {
    for (const n of byParent.get(parent) ?? []) {
      ordered.push(n);
      walk(n.id);
    }
  };
  walk(null);
  const names = await ownerNames(ctx, [p.owner]);
  return {
    ...p,
    ownerName: p.owner ? (names.get(p.owner) ?? p.owner) : null,
    mayEdit: await mayEdit(ctx, principal, p),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    nodes: ordered.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      position: n.position,
      kind: n.kind,
      code: n.code,
      title: n.title,
      tags: n.tags,
      budget: n.budget,
      supports: links
        .filter((l) => l.nodeId === n.id)
        .map((l) => targets.find((x) => x.id === l.supportsId))
        .filter((x) => x !== undefined),
      indicators: indicators
        .filter((i) => i.nodeId === n.id)
        .map((i) => presentIndicator(i, p.endYear, series)),
      proposals: linkedProposals.filter((x) => x.planNodeId === n.id),
    })),
  };
}

/** Names of plan owners: OPD by organisation code, desa by region code. */
async function ownerNames(ctx: AppContext, owners: readonly (string | null)[]) {
  const codes = [...new Set(owners.filter((o): o is string => !!o))];
  const orgs = await ctx.database.db
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations);
  const regions = await namesOf(
    ctx,
    codes.filter((c) => /^\d/.test(c)),
  );
  const out = new Map<string, string>();
  for (const c of codes) {
    const org = orgs.find((o) => o.code === c);
    out.set(c, org?.name ?? (regions.has(c) ? `Desa ${regions.get(c)}` : c));
  }
  return out;
}

/** The synchronisation dashboard for a year: orphans, uncovered targets, money by target, scores, consistency. */
export async function synchronisation(ctx: AppContext, year: string, loaded?: LoadedPlans) {
  const { core, nodes, planOf, names } = loaded ?? (await loadPlans(ctx));
  const title = new Map(nodes.map((n) => [n.id, n.title]));
  const planIdOf = new Map(nodes.map((n) => [n.id, n.planId]));
  const planName = (nodeId: string) => planOf.get(planIdOf.get(nodeId)!)!.name;
  const named = (ns: PlanNode[]) =>
    ns.map((n) => ({
      id: n.id,
      title: title.get(n.id)!,
      plan: planName(n.id),
      level: n.level,
      kind: n.kind,
      owner: n.owner,
      ownerName: n.owner ? (names.get(n.owner) ?? n.owner) : null,
    }));
  const money = (level: PlanLevel) => {
    const r = budgetAlignment(core, year, level);
    return { ...r, byTarget: r.byTarget.map((t) => ({ ...t, title: title.get(t.id)! })) };
  };
  const withNames = <T extends { owner: string }>(rows: T[]) =>
    rows.map((r) => ({ ...r, ownerName: names.get(r.owner) ?? r.owner }));
  const indicators = await ctx.database.db.select().from(planIndicators);
  const desaOwners = new Set(core.filter((n) => n.level === 'desa').map((n) => n.owner));
  return {
    year,
    orphans: named(orphans(core)),
    uncovered: named(uncoveredTargets(core).filter((n) => n.level !== 'desa')),
    kabupaten: money('kabupaten'),
    nasional: money('nasional'),
    scores: withNames(alignmentScores(core, year)),
    villages: withNames(alignmentScores(core, year, 'kabupaten').filter((s) => desaOwners.has(s.owner))),
    nestedPagu: nestedPagu(core, year).map((x) => ({
      ...x,
      title: title.get(x.nodeId)!,
      ancestor: title.get(x.ancestorId)!,
      plan: planName(x.nodeId),
    })),
    consistency: targetConsistency(
      core,
      indicators.map((i) => ({ nodeId: i.nodeId, unit: i.unit, additive: i.additive, targets: i.targets })),
    ).map((c) => ({ ...c, title: title.get(c.nodeId)! })),
  };
}

/**
 * Drill-down from a target (a national priority, or any target): every node serving it down to
 * the sub-kegiatan and desa items, with its plan, owner and pagu of the year, how it is reached,
 * and the Musrenbang proposals linked to those items.
 */
export async function drill(ctx: AppContext, nodeId: string, year: string, principal?: Principal) {
  const { core, nodes, planOf, names } = await loadPlans(ctx);
  const target = nodes.find((n) => n.id === nodeId);
  if (!target) throw new AppError('NOT_FOUND', { details: { what: nodeId } });
  const serving = servingNodes(core, nodeId);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ids = serving.map((s) => s.node.id);
  const linked =
    ids.length && principal && can(principal.actor, 'proposals.read')
      ? await ctx.database.db
          .select({
            id: proposals.id,
            trackingCode: proposals.trackingCode,
            title: proposals.title,
            stage: proposals.stage,
            regionCode: proposals.regionCode,
            estimatedCost: proposals.estimatedCost,
            planNodeId: proposals.planNodeId,
          })
          .from(proposals)
          .where(inArray(proposals.planNodeId, [nodeId, ...ids]))
      : [];
  return {
    year,
    target: { id: target.id, title: target.title, plan: planOf.get(target.planId)!.name },
    nodes: serving.map(({ node, via }) => ({
      id: node.id,
      title: byId.get(node.id)!.title,
      code: byId.get(node.id)!.code,
      kind: node.kind,
      level: node.level,
      plan: planOf.get(node.planId)!.name,
      planId: node.planId,
      owner: node.owner,
      ownerName: node.owner ? (names.get(node.owner) ?? node.owner) : null,
      budget: node.budget?.[year] ?? 0,
      via,
    })),
    proposals: linked,
  };
}

/** The rows of the "matriks sinkronisasi" of a year, with titles, plans and owners' names. */
export async function matrix(ctx: AppContext, year: string) {
  const loaded = await loadPlans(ctx);
  const { core, nodes, planOf, names } = loaded;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rows = synchronisationMatrix(core, year);
  const parentTitle = (id: string) => {
    const p = byId.get(id)?.parentId;
    return p ? byId.get(p)!.title : null;
  };
  const sync = await synchronisation(ctx, year, loaded);
  return {
    year,
    sample: [...planOf.values()].some((p) => p.sample),
    rows: rows.map((r) => ({
      priorities: r.priorities.map((id) => byId.get(id)!.title),
      goal: parentTitle(r.target.id),
      target: byId.get(r.target.id)!.title,
      amount: r.amount,
      serving: r.serving.map((w) => {
        const n = byId.get(w.node.id)!;
        return {
          title: n.title,
          code: n.code,
          kind: n.kind,
          plan: planOf.get(n.planId)!.name,
          owner: w.node.owner ? (names.get(w.node.owner) ?? w.node.owner) : '',
          amount: w.amount,
        };
      }),
    })),
    total: sync.kabupaten.total,
    served: sync.kabupaten.served,
    orphans: sync.orphans,
    scores: sync.scores,
    villages: sync.villages,
  };
}

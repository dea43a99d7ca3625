import { AppError, linkAllowed, planItemMachine, takeStep, targetKinds } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { proposalsLinkedTo } from '../musrenbang/musrenbang.facade.ts';
import * as repo from './plans.repository.ts';
import { assertMayEdit, mustFindNode, mustFindPlan } from './plans.service.ts';

/** The items of a plan: add, change, move and delete them, and what they support in higher plans. */

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
  const siblings = await repo.findNodesOfPlan(db, planId);
  const position =
    Math.max(-1, ...siblings.filter((x) => x.parentId === (body.parentId ?? null)).map((x) => x.position)) +
    1;
  if (body.parentId) {
    const parent = await repo.findNode(db, body.parentId);
    if (!parent || parent.planId !== planId)
      throw new AppError('VALIDATION', { issues: [{ field: 'body.parentId', issue: 'not_found' }] });
  }
  await checkSupports(ctx, plan, body.supports);
  return db.transaction(async (tx) => {
    const id = await repo.insertNode(tx, {
      planId,
      parentId: body.parentId ?? null,
      kind: body.kind,
      code: body.code ?? null,
      title: body.title,
      tags: body.tags,
      budget: body.budget,
      position,
    });
    await repo.insertLinks(tx, id, body.supports);
    await appendAudit(tx, principal, {
      action: 'plan.node_added',
      entity: 'plan',
      entityId: planId,
      after: { nodeId: id, title: body.title, parentId: body.parentId ?? null },
    });
    return { id };
  });
}

/** Every item supported must exist, be of another plan, and be one this plan may support (`linkAllowed`). */
async function checkSupports(ctx: AppContext, plan: repo.PlanRow, supports: string[]) {
  const found = supports.length ? await repo.findNodesWithPlans(ctx.database.db, { ids: supports }) : [];
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
  const rows = await repo.findNodesForPicker(ctx.database.db);
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
  const node = await mustFindNode(ctx, nodeId);
  // A desa links only its own plans' items, an OPD only its own; Bappeda and the admin any.
  const plan = await mustFindPlan(ctx, node.planId);
  await assertMayEdit(ctx, principal, plan);
  await checkSupports(ctx, plan, supports);
  const before = (await repo.findLinksOf(db, [nodeId])).map((l) => l.supportsId);
  await db.transaction(async (tx) => {
    await repo.replaceLinks(tx, nodeId, supports);
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
    await repo.updateNode(tx, id, { ...changes, updatedAt: ctx.clock() });
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
  const all = await repo.findNodesOfPlan(db, node.planId);
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
        await repo.updateNode(tx, nodeId, { parentId: to.parentId, position, updatedAt: ctx.clock() });
      else if (positionOf.get(nodeId) !== position) await repo.updateNode(tx, nodeId, { position });
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
  // Core's plan-item machine: deleted only with nothing under it and nothing relying on it, named.
  const supporters = await repo.findSupporters(db, id);
  const linked = await proposalsLinkedTo(ctx, [id]);
  takeStep(planItemMachine, 'ada', 'hapus', {
    hasChildren: await repo.hasChildren(db, id),
    reliedOnBy: [
      ...supporters.map((s) => `"${s.title}" (${s.plan})`),
      ...linked.map((p) => `${p.trackingCode} "${p.title}"`),
    ],
  });
  const indicators = await repo.findIndicatorsOf(db, [id]);
  await db.transaction(async (tx) => {
    await repo.deleteNode(tx, id);
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

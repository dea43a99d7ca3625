import {
  AppError,
  alignmentScores,
  budgetAlignment,
  can,
  nestedPagu,
  orphans,
  type PlanLevel,
  type PlanNode,
  servingNodes,
  synchronisationMatrix,
  targetConsistency,
  uncoveredTargets,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { proposalsLinkedTo } from '../musrenbang/musrenbang.facade.ts';
import * as repo from './plans.repository.ts';
import { ownerNames } from './plans.service.ts';

/**
 * Every plan, node and link, loaded once for an analysis: the nodes as core sees them (level and
 * owner from their plan, links from plan_links), the rows, the plans, and the owners' names.
 */
async function loadPlans(ctx: AppContext) {
  const { allPlans, nodes, links } = await repo.findAllPlansNodesLinks(ctx.database.db);
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
  const indicators = await repo.findAllIndicators(ctx.database.db);
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
      ? await proposalsLinkedTo(ctx, [nodeId, ...ids])
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

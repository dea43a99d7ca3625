import {
  alignmentScores,
  budgetAlignment,
  orphansToward,
  type PlanLevel,
  type PlanNode,
  synchronisationMatrix,
  targetConsistency,
  uncoveredTargets,
} from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { kabupatenName } from '../regions/regions.service.ts';
import { asProvince, belowProvince } from './plans.province.ts';
import * as repo from './plans.repository.ts';
import { ownerNames } from './plans.service.ts';

/**
 * The synchronisation province <-> kabupaten/kota (issue 22, part 2): the province's own plans and
 * every kabupaten's own plans (read through that kabupaten's connections) as one set of plan
 * nodes, each kabupaten node owned by its kabupaten, analysed toward the province's targets by
 * the same core functions as a kabupaten's synchronisation with its OPD and desa.
 */
const PROVINCE: PlanLevel = 'provinsi';

interface Item {
  title: string;
  code: string | null;
  plan: string;
  /** The kabupaten (its code) or null for the province's own. */
  kabupaten: string | null;
  /** The OPD or desa of the item's own government, named. */
  ownerName: string | null;
}

async function loadProvince(ctx: AppContext) {
  const members = asProvince(ctx);
  const core: PlanNode[] = [];
  const items = new Map<string, Item>();
  const indicators: Awaited<ReturnType<typeof repo.findAllIndicators>> = [];
  const kabupaten: { code: string; name: string; plans: number }[] = [];
  const governments = [{ code: null, ctx }, ...members.map((m) => ({ code: m.code, ctx: m.ctx }))];
  for (const g of governments) {
    const { allPlans, nodes, links } = await repo.findAllPlansNodesLinks(g.ctx.database.db);
    // The province's own plans, and each kabupaten's own: its copies of the province's are the province's.
    // A kabupaten's own national or provincial plans are its references, not its work.
    const own = new Map(
      allPlans.filter((p) => !p.source && (!g.code || belowProvince(p.level))).map((p) => [p.id, p]),
    );
    const names = await ownerNames(
      g.ctx,
      [...own.values()].map((p) => p.owner),
    );
    const supports = new Map<string, string[]>();
    for (const l of links) supports.set(l.nodeId, [...(supports.get(l.nodeId) ?? []), l.supportsId]);
    for (const n of nodes) {
      const plan = own.get(n.planId);
      if (!plan) continue;
      core.push({
        id: n.id,
        planId: n.planId,
        level: plan.level as PlanLevel,
        kind: n.kind,
        parentId: n.parentId,
        supports: supports.get(n.id) ?? [],
        // A kabupaten's items are its own, whatever office within it owns them.
        owner: g.code ?? plan.owner,
        budget: n.budget,
      });
      items.set(n.id, {
        title: n.title,
        code: n.code,
        plan: plan.name,
        kabupaten: g.code,
        ownerName: plan.owner ? (names.get(plan.owner) ?? plan.owner) : null,
      });
    }
    const ids = new Set(core.map((n) => n.id));
    indicators.push(...(await repo.findAllIndicators(g.ctx.database.db)).filter((i) => ids.has(i.nodeId)));
    if (g.code) kabupaten.push({ code: g.code, name: await kabupatenName(g.ctx), plans: own.size });
  }
  const provinceNames = await ownerNames(
    ctx,
    core.filter((n) => !items.get(n.id)!.kabupaten).map((n) => n.owner),
  );
  const kabName = new Map(kabupaten.map((k) => [k.code, k.name]));
  const ownerName = (owner: string) => kabName.get(owner) ?? provinceNames.get(owner) ?? owner;
  return { core, items, indicators, kabupaten, ownerName };
}

/** The province's synchronisation dashboard for a year. */
export async function provinceSynchronisation(ctx: AppContext, year: string) {
  const { core, items, indicators, kabupaten, ownerName } = await loadProvince(ctx);
  const named = (ns: PlanNode[]) =>
    ns.map((n) => {
      const item = items.get(n.id)!;
      return {
        id: n.id,
        title: item.title,
        plan: item.plan,
        level: n.level,
        kind: n.kind,
        owner: n.owner,
        ownerName: n.owner ? ownerName(n.owner) : null,
      };
    });
  const money = budgetAlignment(core, year, PROVINCE);
  const scores = alignmentScores(core, year, PROVINCE).map((s) => ({ ...s, ownerName: ownerName(s.owner) }));
  const orphans = orphansToward(core, PROVINCE);
  const provincial = new Set(core.filter((n) => n.level === PROVINCE).map((n) => n.id));
  return {
    year,
    province: { code: ctx.config.activeKabupaten, name: await kabupatenName(ctx) },
    kabupaten: kabupaten.map((k) => {
      const s = scores.find((x) => x.owner === k.code);
      return {
        ...k,
        total: s?.total ?? 0,
        aligned: s?.aligned ?? 0,
        score: s?.score ?? null,
        orphans: orphans.filter((o) => o.owner === k.code).length,
      };
    }),
    uncovered: named(uncoveredTargets(core, PROVINCE)),
    orphans: named(orphans),
    money: { ...money, byTarget: money.byTarget.map((t) => ({ ...t, title: items.get(t.id)!.title })) },
    scores,
    consistency: targetConsistency(
      core,
      indicators.map((i) => ({ nodeId: i.nodeId, unit: i.unit, additive: i.additive, targets: i.targets })),
    )
      .filter((c) => provincial.has(c.nodeId))
      .map((c) => ({ ...c, title: items.get(c.nodeId)!.title })),
  };
}

/** The rows of the province's matriks sinkronisasi, in the shape of a kabupaten's (plans.matrix.ts). */
export async function provinceMatrix(ctx: AppContext, year: string) {
  const loaded = await loadProvince(ctx);
  const { core, items, ownerName } = loaded;
  const byId = new Map(core.map((n) => [n.id, n]));
  const sync = await provinceSynchronisation(ctx, year);
  const title = (id: string) => items.get(id)!.title;
  return {
    year,
    sample: false,
    rows: synchronisationMatrix(core, year, PROVINCE).map((r) => {
      const goal = r.target.parentId ? byId.get(r.target.parentId) : undefined;
      return {
        priorities: r.priorities.map(title),
        goal: goal ? title(goal.id) : null,
        target: title(r.target.id),
        amount: r.amount,
        serving: r.serving.map((w) => {
          const item = items.get(w.node.id)!;
          const kab = w.node.owner ? ownerName(w.node.owner) : '';
          return {
            title: item.title,
            code: item.code,
            kind: w.node.kind,
            plan: item.plan,
            owner: item.kabupaten && item.ownerName ? `${kab} · ${item.ownerName}` : kab,
            amount: w.amount,
          };
        }),
      };
    }),
    total: sync.money.total,
    served: sync.money.served,
    orphans: sync.orphans,
    scores: sync.scores,
    villages: [],
  };
}

import {
  alignmentScores,
  budgetAlignment,
  orphansToward,
  type PlanNode,
  synchronisationMatrix,
  targetConsistency,
  uncoveredTargets,
} from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { kabupatenName } from '../regions/regions.service.ts';
import { asProvince, governmentOf, PROVINCE, readKabupaten } from './plans.province-read.ts';
import { ownerNames } from './plans.service.ts';

/**
 * The synchronisation province <-> kabupaten/kota (issue 22, part 2): the province's own plans and
 * every kabupaten's own plans (read through that kabupaten's connections) as one set of plan
 * nodes, each kabupaten node owned by its kabupaten, analysed toward the province's targets by
 * the same core functions as a kabupaten's synchronisation with its OPD and desa.
 */
/** The province's plans and its kabupaten's, each government read at once through its own connections. */
async function loadProvince(ctx: AppContext) {
  const [own, members] = await Promise.all([
    governmentOf({ code: null, ctx }),
    readKabupaten(ctx, asProvince(ctx)),
  ]);
  const parts = [own, ...members.read.map((r) => r.government)];
  const core = parts.flatMap((p) => p.core);
  const items = new Map(parts.flatMap((p) => [...p.items]));
  const indicators = parts.flatMap((p) => p.indicators);
  const kabupaten = parts.flatMap((p) => (p.kabupaten ? [p.kabupaten] : []));
  const provinceNames = await ownerNames(
    ctx,
    core.filter((n) => !items.get(n.id)!.kabupaten).map((n) => n.owner),
  );
  const kabName = new Map(kabupaten.map((k) => [k.code, k.name]));
  const ownerName = (owner: string) => kabName.get(owner) ?? provinceNames.get(owner) ?? owner;
  return { core, items, indicators, kabupaten, ownerName, unreachable: members.unreachable };
}

type LoadedProvince = Awaited<ReturnType<typeof loadProvince>>;

/** The province's synchronisation dashboard for a year. */
export async function provinceSynchronisation(ctx: AppContext, year: string, loaded?: LoadedProvince) {
  const { core, items, indicators, kabupaten, ownerName, unreachable } = loaded ?? (await loadProvince(ctx));
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
    /** Kabupaten whose database did not answer: left out of everything here. */
    unreachable,
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
  const sync = await provinceSynchronisation(ctx, year, loaded);
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

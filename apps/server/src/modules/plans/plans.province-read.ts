import { AppError, type PlanLevel, type PlanNode, planLevels } from '@sinergi/core';
import type { AppContext, LinkedGovernment } from '../../context.ts';
import { kabupatenName, namesOf } from '../regions/regions.service.ts';
import * as repo from './plans.repository.ts';
import { ownerNames } from './plans.service.ts';

/**
 * What a province reads of its own plans and of each of its kabupaten's (plans.province.ts,
 * plans.province-sync.ts), through each government's own connections, kept until that
 * government's database tells of a change to what it was read from.
 */
export const PROVINCE: PlanLevel = 'provinsi';

/** A kabupaten's own plans the province reads: its national or provincial ones are its references. */
export const belowProvince = (level: string) =>
  planLevels.indexOf(level as PlanLevel) > planLevels.indexOf(PROVINCE);

/** The kabupaten/kota of a province served beside it; none (404) for any other government. */
export function asProvince(ctx: AppContext): LinkedGovernment[] {
  if (!ctx.installation.kabupaten.length) throw new AppError('NOT_FOUND', { details: { what: 'provinsi' } });
  return ctx.installation.kabupaten;
}

export interface Item {
  title: string;
  code: string | null;
  plan: string;
  /** The kabupaten (its code) or null for the province's own. */
  kabupaten: string | null;
  /** The OPD or desa of the item's own government, named. */
  ownerName: string | null;
}

/** One government's own plans as core's nodes, its items named, and its indicators. */
async function readGovernment(g: { code: string | null; ctx: AppContext }) {
  const db = g.ctx.database.db;
  const [{ allPlans, nodes, links }, allIndicators] = await Promise.all([
    repo.findAllPlansNodesLinks(db),
    repo.findAllIndicators(db),
  ]);
  // The province's own plans, and each kabupaten's own: its copies of the province's are the
  // province's, and its own national or provincial plans are its references, not its work.
  const own = new Map(
    allPlans.filter((p) => !p.source && (!g.code || belowProvince(p.level))).map((p) => [p.id, p]),
  );
  const names = await ownerNames(
    g.ctx,
    [...own.values()].map((p) => p.owner),
  );
  const supports = new Map<string, string[]>();
  for (const l of links) supports.set(l.nodeId, [...(supports.get(l.nodeId) ?? []), l.supportsId]);
  const core: PlanNode[] = [];
  const items = new Map<string, Item>();
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
  const kabupaten = g.code ? { code: g.code, name: await kabupatenName(g.ctx), plans: own.size } : null;
  return {
    core,
    items,
    indicators: allIndicators.filter((i) => items.has(i.nodeId)),
    kabupaten,
    plans: [...own.values()],
    names,
  };
}

export type Government = Awaited<ReturnType<typeof readGovernment>>;

// What readGovernment reads: plans and their items, links and indicators; owners' and regions' names.
const READ_FROM = /^(plans|plan_|organisations|region)/;
const memo = new WeakMap<AppContext, Promise<Government>>();

/**
 * A government's plans as last read. Kept while its change feed is live, dropped at the first
 * change to a table it was read from (or `*`: the feed lost, a bulk load): every read after a write
 * sees the write, wherever it was made (db/changes.ts).
 */
export function governmentOf(g: { code: string | null; ctx: AppContext }): Promise<Government> {
  const feed = g.ctx.database.changes;
  if (!feed.live) return readGovernment(g);
  const kept = memo.get(g.ctx);
  if (kept) return kept;
  const read = readGovernment(g);
  memo.set(g.ctx, read);
  const drop = () => {
    if (memo.get(g.ctx) === read) memo.delete(g.ctx);
    off();
  };
  const off = feed.subscribe((table) => {
    if (table === '*' || READ_FROM.test(table)) drop();
  });
  read.catch(drop);
  return read;
}

/**
 * Each of the province's kabupaten as last read, at once. One whose database does not answer (down,
 * moved, being restored) is left out and named, so that the province still sees the others; why is
 * in the log, by the kabupaten's code.
 */
export async function readKabupaten(ctx: AppContext, members: readonly LinkedGovernment[]) {
  const settled = await Promise.allSettled(members.map((m) => governmentOf({ code: m.code, ctx: m.ctx })));
  const read: { member: LinkedGovernment; government: Government }[] = [];
  const missing: string[] = [];
  settled.forEach((s, i) => {
    const member = members[i]!;
    if (s.status === 'fulfilled') read.push({ member, government: s.value });
    else {
      missing.push(member.code);
      ctx.log.warn({ kabupaten: member.code, err: s.reason }, 'a kabupaten of the province did not answer');
    }
  });
  const names = missing.length ? await namesOf(ctx, missing) : new Map<string, string>();
  return { read, unreachable: missing.map((code) => ({ code, name: names.get(code) ?? code })) };
}

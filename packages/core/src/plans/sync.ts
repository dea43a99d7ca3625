/**
 * Plans at every level and their synchronisation (issue 6, domain facts: planning.md). A plan is a
 * tree of nodes; a node may support nodes of higher plans. From those links the analysis finds
 * what supports nothing (orphans), what nothing supports (uncovered targets), which share of the
 * money serves each higher target, targets that cannot add up, and an alignment score per owner.
 */
export const planLevels = ['nasional', 'provinsi', 'kabupaten', 'opd', 'desa'] as const;
export type PlanLevel = (typeof planLevels)[number];

export interface PlanNode {
  id: string;
  planId: string;
  level: PlanLevel;
  /** visi, misi, tujuan, sasaran, program, kegiatan, subkegiatan, prioritas, ... */
  kind: string;
  parentId: string | null;
  /** Nodes of higher plans this node supports. */
  supports: readonly string[];
  /** The OPD or desa that owns the node (its plan's owner). */
  owner: string | null;
  /** Budget ceiling (pagu) per year, on budget-carrying nodes. */
  budget?: Readonly<Record<string, number>> | undefined;
}

/** Each annual or medium-term plan and the longer-term plan of the same owner it carries out. */
const carriesOut: Record<string, string> = {
  Renja: 'Renstra',
  RKPD: 'RPJMD',
  RPJMD: 'RPJPD',
  RKPDes: 'RPJMDes',
  RPJMN: 'RPJPN',
  // The kabupaten's industrial development plan (RPIK: UU 3/2014 on industry, PP 14/2015 on the
  // national industrial plan RIPIN 2015-2035) serves the RPJMD's targets for the economy.
  RPIK: 'RPJMD',
};

/**
 * Whether an item of one plan may support an item of another: the other plan is of a higher level
 * (a desa's RKPDes supports the kabupaten's RPJMD), or it is the longer-term plan of the same owner
 * that this plan carries out (an OPD's Renja supports its Renstra; UU 25/2004, Permendagri 86/2017).
 */
export function linkAllowed(
  from: { level: string; kind: string; owner: string | null },
  to: { level: string; kind: string; owner: string | null },
) {
  const rank = (level: string) => planLevels.indexOf(level as PlanLevel);
  if (rank(to.level) < rank(from.level)) return true;
  return to.level === from.level && to.owner === from.owner && carriesOut[from.kind] === to.kind;
}

/** Kinds that are targets to be served, and kinds that carry the work (and the money). */
export const targetKinds = new Set(['tujuan', 'sasaran', 'prioritas']);
export const workKinds = new Set(['program', 'kegiatan', 'subkegiatan', 'rkpdes']);

function index(nodes: readonly PlanNode[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, PlanNode[]>();
  for (const n of nodes)
    if (n.parentId) {
      const list = children.get(n.parentId);
      if (list) list.push(n);
      else children.set(n.parentId, [n]);
    }
  return { byId, children };
}

/** The higher-plan nodes a node supports, through its own links or its ancestors' in its tree. */
function linksUp(node: PlanNode, byId: Map<string, PlanNode>): string[] {
  const out = new Set<string>();
  for (let n: PlanNode | undefined = node; n; n = n.parentId ? byId.get(n.parentId) : undefined)
    for (const s of n.supports) if (byId.has(s)) out.add(s);
  return [...out];
}

/** Everything a node serves, up every level: its links, their ancestors, and what those support in turn. */
export function servedBy(node: PlanNode, nodes: readonly PlanNode[]): Set<string> {
  return reachedFrom(node, index(nodes).byId);
}

function reachedFrom(node: PlanNode, byId: Map<string, PlanNode>): Set<string> {
  const out = new Set<string>();
  const queue = linksUp(node, byId);
  while (queue.length) {
    const id = queue.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    const n = byId.get(id)!;
    if (n.parentId) queue.push(n.parentId);
    queue.push(...linksUp(n, byId));
  }
  return out;
}

/**
 * Orphans: work nodes of a plan below the national level that support nothing above, neither
 * themselves nor through an ancestor.
 */
export function orphans(nodes: readonly PlanNode[]): PlanNode[] {
  const { byId } = index(nodes);
  return nodes.filter(
    (n) => n.level !== 'nasional' && workKinds.has(n.kind) && linksUp(n, byId).length === 0,
  );
}

/**
 * Uncovered targets: target nodes of a plan that no node of a lower plan supports, neither
 * themselves nor any node below them in their tree.
 */
export function uncoveredTargets(nodes: readonly PlanNode[], ofLevel?: PlanLevel): PlanNode[] {
  const { children } = index(nodes);
  const supported = new Set(nodes.flatMap((n) => n.supports));
  const covered = (n: PlanNode): boolean => supported.has(n.id) || (children.get(n.id) ?? []).some(covered);
  return nodes.filter((n) => targetKinds.has(n.kind) && (!ofLevel || n.level === ofLevel) && !covered(n));
}

/**
 * Budget alignment: for each target of the given level, the money of the given year (from the
 * budget-carrying nodes of the lower plans) that serves it, and its share of all that money. Money
 * counts toward the most specific targets it reaches (a sasaran, not also its tujuan); a node
 * serving several splits its money equally among them, so the shares add up to the share of money
 * that serves any target at all.
 */
export function budgetAlignment(nodes: readonly PlanNode[], year: string, targetLevel: PlanLevel) {
  const { byId } = index(nodes);
  const targets = nodes.filter((n) => n.level === targetLevel && targetKinds.has(n.kind));
  const targetIds = new Set(targets.map((t) => t.id));
  const money = new Map(targets.map((t) => [t.id, 0]));
  let total = 0;
  let served = 0;
  for (const n of nodes) {
    const amount = n.budget?.[year] ?? 0;
    if (!amount || n.level === targetLevel) continue;
    total += amount;
    const hits = mostSpecificHits(n, byId, targetIds);
    if (!hits.length) continue;
    served += amount;
    for (const id of hits) money.set(id, money.get(id)! + amount / hits.length);
  }
  return {
    year,
    total,
    served,
    unserved: total - served,
    byTarget: targets.map((t) => ({
      id: t.id,
      amount: money.get(t.id)!,
      share: total > 0 ? money.get(t.id)! / total : null,
    })),
  };
}

/**
 * The targets among `targetIds` that a node reaches most specifically: a target whose descendant
 * is also reached is served through that descendant, not beside it.
 */
function mostSpecificHits(node: PlanNode, byId: Map<string, PlanNode>, targetIds: ReadonlySet<string>) {
  const reached = [...reachedFrom(node, byId)].filter((id) => targetIds.has(id));
  const covering = new Set<string>();
  for (const id of reached)
    for (let p = byId.get(id)?.parentId; p; p = byId.get(p)?.parentId ?? null) covering.add(p);
  return reached.filter((id) => !covering.has(id));
}

/**
 * The "matriks sinkronisasi" of a year: for each most specific target of `targetLevel` (a
 * kabupaten's RPJMD sasaran, or a province's: a sasaran, or a tujuan without sasaran), the
 * national priorities it serves and every work node of a lower plan serving it, with the money of
 * the year counted as in `budgetAlignment` (split equally when a node serves several), so each
 * target's rows add up to its amount there. A target with no work below appears once with
 * `node: null`: it is uncovered.
 */
export function synchronisationMatrix(
  nodes: readonly PlanNode[],
  year: string,
  targetLevel: PlanLevel = 'kabupaten',
) {
  const { byId, children } = index(nodes);
  const rank = planLevels.indexOf(targetLevel);
  const levelTargets = nodes.filter((n) => n.level === targetLevel && targetKinds.has(n.kind));
  const targetIds = new Set(levelTargets.map((t) => t.id));
  const leaves = levelTargets.filter((t) => !(children.get(t.id) ?? []).some((c) => targetKinds.has(c.kind)));
  const work = nodes
    .filter((n) => planLevels.indexOf(n.level) > rank && workKinds.has(n.kind))
    .map((n) => ({ node: n, hits: mostSpecificHits(n, byId, targetIds) }));
  return leaves.map((target) => {
    const priorities = [...reachedFrom(target, byId)].filter((id) => {
      const p = byId.get(id)!;
      return p.level === 'nasional' && targetKinds.has(p.kind);
    });
    const serving = work
      .filter((w) => w.hits.includes(target.id))
      .map((w) => ({ node: w.node, amount: (w.node.budget?.[year] ?? 0) / w.hits.length }));
    return { target, priorities, serving, amount: serving.reduce((s, w) => s + w.amount, 0) };
  });
}

/**
 * Orphans toward a level: work nodes of the levels below it that reach no node of that level by
 * any path (a kabupaten's sub-kegiatan serving its own RPJMD, which serves no province target, is
 * an orphan toward the province).
 */
export function orphansToward(nodes: readonly PlanNode[], level: PlanLevel): PlanNode[] {
  const { byId } = index(nodes);
  const rank = planLevels.indexOf(level);
  return nodes.filter(
    (n) =>
      planLevels.indexOf(n.level) > rank &&
      workKinds.has(n.kind) &&
      ![...reachedFrom(n, byId)].some((id) => byId.get(id)!.level === level),
  );
}

/**
 * Drill-down from a target: every node that serves it, at any level and by any path (and the
 * items below it in its own tree), each with
 * `via`, the nodes it goes through on the way (its own links and its parent, among the target and
 * the other serving nodes), so the result can be drawn as a tree under the target.
 */
export function servingNodes(nodes: readonly PlanNode[], targetId: string) {
  const { byId } = index(nodes);
  // The target's own items below it (its sasaran) serve it too, as its breakdown.
  const below = (n: PlanNode) => {
    for (let p = n.parentId; p; p = byId.get(p)?.parentId ?? null) if (p === targetId) return true;
    return false;
  };
  const serving = nodes.filter((n) => n.id !== targetId && (below(n) || reachedFrom(n, byId).has(targetId)));
  const inTree = new Set([targetId, ...serving.map((n) => n.id)]);
  return serving.map((n) => ({
    node: n,
    via: [...n.supports, ...(n.parentId ? [n.parentId] : [])].filter((id) => inTree.has(id)),
  }));
}

/**
 * The alignment score of each owner (OPD or desa): the share of its money in the year that serves
 * some target of a higher plan (0 to 100), with the amounts. With `toLevel`, only targets of that
 * level count (village alignment: the share of an RKPDes serving kabupaten priorities).
 */
export function alignmentScores(nodes: readonly PlanNode[], year: string, toLevel?: PlanLevel) {
  const { byId } = index(nodes);
  const byOwner = new Map<string, { total: number; aligned: number }>();
  for (const n of nodes) {
    const amount = n.budget?.[year] ?? 0;
    if (!amount || !n.owner) continue;
    const g = byOwner.get(n.owner) ?? { total: 0, aligned: 0 };
    g.total += amount;
    const reached = [...reachedFrom(n, byId)];
    if (toLevel ? reached.some((id) => byId.get(id)!.level === toLevel) : reached.length > 0)
      g.aligned += amount;
    byOwner.set(n.owner, g);
  }
  return [...byOwner]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, g]) => ({ owner, ...g, score: g.total > 0 ? (100 * g.aligned) / g.total : null }));
}

/**
 * Pagu written twice: items carrying pagu in the year under an item of the same plan that carries
 * pagu too (a program's ceiling and its sub-kegiatan's). The analysis counts both, so the office
 * should keep the money on one level; each such pair is reported.
 */
export function nestedPagu(nodes: readonly PlanNode[], year: string) {
  const { byId } = index(nodes);
  const out: { nodeId: string; ancestorId: string }[] = [];
  for (const n of nodes) {
    if (!n.budget?.[year]) continue;
    for (
      let p = n.parentId ? byId.get(n.parentId) : undefined;
      p;
      p = p.parentId ? byId.get(p.parentId) : undefined
    )
      if (p.budget?.[year]) {
        out.push({ nodeId: n.id, ancestorId: p.id });
        break;
      }
  }
  return out;
}

export interface TargetIndicator {
  nodeId: string;
  unit: string;
  /** Whether lower targets add up to this one (lengths, counts); percentages and rates do not. */
  additive: boolean;
  targets: Readonly<Record<string, number>>;
}

/**
 * Target consistency: for an additive indicator of a higher node, the targets of the same unit on
 * the nodes that support it directly must add up to it, year by year (in the years the lower
 * nodes have targets for); each shortfall is reported.
 */
export function targetConsistency(nodes: readonly PlanNode[], indicators: readonly TargetIndicator[]) {
  const out: { nodeId: string; year: string; unit: string; target: number; sumBelow: number; gap: number }[] =
    [];
  for (const hi of indicators) {
    if (!hi.additive) continue;
    const below = nodes.filter((n) => n.supports.includes(hi.nodeId)).map((n) => n.id);
    const lower = indicators.filter((i) => below.includes(i.nodeId) && i.unit === hi.unit);
    if (!lower.length) continue;
    for (const [year, target] of Object.entries(hi.targets)) {
      // A year no lower plan has set targets for yet (a Renja not yet written) is not a shortfall.
      if (!lower.some((i) => i.targets[year] !== undefined)) continue;
      const sumBelow = lower.reduce((s, i) => s + (i.targets[year] ?? 0), 0);
      if (sumBelow < target)
        out.push({ nodeId: hi.nodeId, year, unit: hi.unit, target, sumBelow, gap: target - sumBelow });
    }
  }
  return out;
}

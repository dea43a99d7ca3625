import { computeIndex, nextStatusOf, type Scores } from './engine.ts';
import type { ActingLevel, IndexScheme, StatusDef } from './scheme.ts';

export interface PlanStep {
  indicator: string;
  name: string;
  dimension: string;
  from: number;
  to: number;
  /** Exact index gain of the step (points x gain per point). */
  gain: number;
  effort: number;
  actor: ActingLevel;
  organisations: string[];
}

export type NextStatusPlan =
  | {
      ok: true;
      from: StatusDef;
      target: StatusDef;
      current: number;
      /** The smallest index value that reaches the target (strictly above its threshold). */
      needed: number;
      steps: PlanStep[];
      totalEffort: number;
      totalPoints: number;
      projected: number;
    }
  | { ok: false; reason: 'ALREADY_TOP' | 'UNREACHABLE'; from: StatusDef; current: number };

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The cheapest set of indicator improvements that lifts a desa past the next status threshold,
 * solved exactly. Under IDM one point of an indicator in dimension d raises the index by
 * 1 / (indicators in d x 5 x 3): 1/525 for IKS, 1/180 for IKE, 1/45 for IKL (domain facts). With
 * every gain a whole multiple of 1/L (L the least common multiple of those denominators), the index
 * is an integer count of units and the problem is a covering knapsack over at most
 * (indicators x 5) unit items: a dynamic programme over units gives the exact minimum effort.
 * Ties in effort go to fewer points. Effort per point defaults to 1 and can be set per indicator.
 */
export function planNextStatus(
  scheme: IndexScheme,
  scores: Scores,
  options: { effort?: Readonly<Record<string, number>> } = {},
): NextStatusPlan {
  const result = computeIndex(scheme, scores);
  const target = nextStatusOf(scheme, result.status);
  if (!target || target.above === null)
    return { ok: false, reason: 'ALREADY_TOP', from: result.status, current: result.value };

  const nDims = scheme.dimensions.length;
  const denominators = scheme.dimensions.map((d) => d.indicators.length * scheme.scoreMax * nDims);
  const L = denominators.reduce((a, b) => (a * b) / gcd(a, b), 1);
  // Current index in units (exact: sums are integers).
  const current = scheme.dimensions.reduce(
    (s, d, i) => s + d.indicators.reduce((t, ind) => t + scores[ind.code]!, 0) * (L / denominators[i]!),
    0,
  );
  // Thresholds have 4 decimals: strictly above T means units >= floor(T x L) + 1, computed on integers.
  const t4 = Math.round(target.above * 10_000);
  const neededUnits = Math.floor((t4 * L) / 10_000) + 1;
  const gap = neededUnits - current;

  interface Item {
    code: string;
    units: number;
    effort: number;
  }
  const items: Item[] = [];
  scheme.dimensions.forEach((d, i) => {
    for (const ind of d.indicators) {
      const room = scheme.scoreMax - scores[ind.code]!;
      const effort = options.effort?.[ind.code] ?? 1;
      for (let k = 0; k < room; k++) items.push({ code: ind.code, units: L / denominators[i]!, effort });
    }
  });
  const reachable = items.reduce((s, it) => s + it.units, 0);
  if (reachable < gap)
    return { ok: false, reason: 'UNREACHABLE', from: result.status, current: result.value };

  // best[u] = [effort, points] to cover at least u units (u capped at gap); prev[i][u] is the
  // coverage before item i when item i was taken to reach u, or -1.
  const INF = Number.POSITIVE_INFINITY;
  let best: [number, number][] = Array.from({ length: gap + 1 }, (_, u) => (u === 0 ? [0, 0] : [INF, INF]));
  const prev: Int32Array[] = [];
  for (const item of items) {
    const next = best.map((v) => [v[0], v[1]] as [number, number]);
    const before = new Int32Array(gap + 1).fill(-1);
    for (let u = 0; u <= gap; u++) {
      const from = best[u]!;
      if (from[0] === INF) continue;
      const to = Math.min(gap, u + item.units);
      const cand: [number, number] = [from[0] + item.effort, from[1] + 1];
      const cur = next[to]!;
      if (cand[0] < cur[0] - 1e-12 || (Math.abs(cand[0] - cur[0]) <= 1e-12 && cand[1] < cur[1])) {
        next[to] = cand;
        before[to] = u;
      }
    }
    prev.push(before);
    best = next;
  }
  // Walk back from the full cover to the items used.
  const chosen = new Map<string, number>();
  let u = gap;
  for (let i = items.length - 1; i >= 0 && u > 0; i--) {
    const from = prev[i]![u]!;
    if (from >= 0) {
      const item = items[i]!;
      chosen.set(item.code, (chosen.get(item.code) ?? 0) + 1);
      u = from;
    }
  }

  const steps: PlanStep[] = [];
  scheme.dimensions.forEach((d, i) => {
    for (const ind of d.indicators) {
      const points = chosen.get(ind.code);
      if (!points) continue;
      const from = scores[ind.code]!;
      steps.push({
        indicator: ind.code,
        name: ind.name,
        dimension: d.code,
        from,
        to: from + points,
        gain: points / denominators[i]!,
        effort: points * (options.effort?.[ind.code] ?? 1),
        actor: ind.actor,
        organisations: ind.organisations,
      });
    }
  });
  steps.sort((a, b) => b.gain / b.effort - a.gain / a.effort || a.indicator.localeCompare(b.indicator));
  const totalEffort = steps.reduce((s, x) => s + x.effort, 0);
  const totalPoints = steps.reduce((s, x) => s + (x.to - x.from), 0);
  return {
    ok: true,
    from: result.status,
    target,
    current: result.value,
    needed: neededUnits / L,
    steps,
    totalEffort,
    totalPoints,
    projected: result.value + steps.reduce((s, x) => s + x.gain, 0),
  };
}

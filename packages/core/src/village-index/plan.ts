import { computeIndex, nextStatusOf, type Scores } from './engine.ts';
import { type ActingLevel, type IndexScheme, linearWeights, type StatusDef, scaleOf } from './scheme.ts';

export interface PlanStep {
  indicator: string;
  name: string;
  dimension: string;
  from: number;
  to: number;
  /** Index gain of the step on its own (exact for linear schemes: points x gain per point). */
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
      /** The smallest index value that reaches the target (linear schemes), or the threshold to pass. */
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

interface State {
  effort: number;
  points: number;
  /** Integer units of index (linear schemes, capped at what is needed) or the sum of log dimension values (geometric). */
  gain: number;
  /** Points taken in the last dimension, and the state it extends (read back at the end). */
  k: number;
  parent: State | null;
}

/**
 * The cheapest set of indicator improvements that lifts a desa past the next status threshold,
 * solved exactly. Within one dimension every point is worth the same, so a dimension given k
 * points takes its k cheapest ones; what remains is how many points each dimension gets. A dynamic
 * programme over the dimensions keeps, for every effort, only the states no other state beats
 * (no more effort, no more points, at least the gain), so the cheapest state past the threshold
 * is exact. Ties in effort go to fewer points. Effort per point defaults to 1.
 *
 * Gains are exact: in a linear scheme one point of dimension d is worth scale x w_d /
 * (W x n_d x range) of the index (IDM: 1/525 for IKS, 1/180 for IKE, 1/45 for IKL, domain facts),
 * so the index is counted in whole units of 1/L. Under a geometric mean a dimension's share is the
 * log of its value, which adds up the same way.
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
  const above = target.above;
  const effortOf = (code: string) => options.effort?.[code] ?? 1;
  const range = scheme.scoreMax - scheme.scoreMin;
  const scale = scaleOf(scheme);
  const sums = scheme.dimensions.map((d) => d.indicators.reduce((t, ind) => t + scores[ind.code]!, 0));

  // Each dimension's points, cheapest first (then in the scheme's order).
  const points = scheme.dimensions.map((d) =>
    d.indicators
      .flatMap((ind) => Array.from({ length: scheme.scoreMax - scores[ind.code]! }, () => ind.code))
      .map((code, order) => ({ code, order, effort: effortOf(code) }))
      .sort((a, b) => a.effort - b.effort || a.order - b.order),
  );

  const weights = linearWeights(scheme);
  let gainOf: (dim: number, k: number) => number;
  let reached: (gain: number) => boolean;
  // Gains past what is needed are worth nothing more: capping them lets more states be pruned.
  let cap = Number.POSITIVE_INFINITY;
  let needed: number;
  if (weights) {
    // One point of dimension i is worth num_i / den_i of the index; count in units of 1/L.
    const W = weights.reduce((a, b) => a + b, 0);
    const fractions = scheme.dimensions.map((d, i) => {
      const num = Math.round(scale * weights[i]!);
      const den = W * d.indicators.length * range;
      const g = gcd(num, den) || 1;
      return { num: num / g, den: den / g };
    });
    const L = fractions.reduce((a, f) => (a * f.den) / gcd(a, f.den), 1);
    const unit = fractions.map((f) => (f.num * L) / f.den);
    const current = scheme.dimensions.reduce(
      (t, d, i) => t + (sums[i]! - d.indicators.length * scheme.scoreMin) * unit[i]!,
      0,
    );
    // Thresholds are published with at most 4 decimals (6 kept to be safe): strictly above T
    // means units >= floor(T x L) + 1, on integers.
    const t6 = Math.round(above * 1_000_000);
    const neededUnits = Math.floor((t6 * L) / 1_000_000) + 1;
    const gap = neededUnits - current;
    gainOf = (i, k) => k * unit[i]!;
    reached = (g) => g >= gap;
    cap = Math.max(gap, 0);
    needed = neededUnits / L;
  } else {
    const n = scheme.dimensions.length;
    const logOf = (i: number, k: number) => {
      const d = scheme.dimensions[i]!;
      const v = (sums[i]! + k - d.indicators.length * scheme.scoreMin) / (d.indicators.length * range);
      return v > 0 ? Math.log(v) : Number.NEGATIVE_INFINITY;
    };
    // Here the gain is the whole sum of logs (not a difference), so a dimension at 0 (log -inf)
    // never meets an infinite difference.
    gainOf = logOf;
    reached = (g) => scale * Math.exp(g / n) > above;
    needed = above;
  }

  let frontier: State[] = [{ effort: 0, points: 0, gain: 0, k: 0, parent: null }];
  points.forEach((dimPoints, i) => {
    const prefix = [0];
    for (const p of dimPoints) prefix.push(prefix.at(-1)! + p.effort);
    const next: State[] = [];
    for (const s of frontier) {
      for (let k = 0; k <= dimPoints.length; k++) {
        next.push({
          effort: s.effort + prefix[k]!,
          points: s.points + k,
          gain: Math.min(cap, s.gain + gainOf(i, k)),
          k,
          parent: s,
        });
      }
    }
    next.sort((a, b) => a.effort - b.effort || a.points - b.points || b.gain - a.gain);
    frontier = [];
    let best: number | null = null;
    for (const s of next) {
      if (best === null || s.gain > best) {
        frontier.push(s);
        best = s.gain;
      }
    }
  });
  const found = frontier.find((s) => reached(s.gain));
  if (!found) return { ok: false, reason: 'UNREACHABLE', from: result.status, current: result.value };
  const taken: number[] = [];
  for (let s: State | null = found; s?.parent; s = s.parent) taken.unshift(s.k);
  const chosen = { taken };

  const after: Record<string, number> = { ...scores };
  const steps: PlanStep[] = [];
  scheme.dimensions.forEach((d, i) => {
    const perIndicator = new Map<string, number>();
    for (const p of points[i]!.slice(0, chosen.taken[i]!))
      perIndicator.set(p.code, (perIndicator.get(p.code) ?? 0) + 1);
    for (const ind of d.indicators) {
      const k = perIndicator.get(ind.code);
      if (!k) continue;
      after[ind.code] = scores[ind.code]! + k;
      steps.push({
        indicator: ind.code,
        name: ind.name,
        dimension: d.code,
        from: scores[ind.code]!,
        to: scores[ind.code]! + k,
        gain: 0,
        effort: k * effortOf(ind.code),
        actor: ind.actor,
        organisations: ind.organisations,
      });
    }
  });
  // The gain of a step is the index it adds on its own to the current scores.
  for (const step of steps)
    step.gain = computeIndex(scheme, { ...scores, [step.indicator]: step.to }).value - result.value;
  steps.sort((a, b) => b.gain / b.effort - a.gain / a.effort || a.indicator.localeCompare(b.indicator));
  return {
    ok: true,
    from: result.status,
    target,
    current: result.value,
    needed,
    steps,
    totalEffort: steps.reduce((s, x) => s + x.effort, 0),
    totalPoints: steps.reduce((s, x) => s + (x.to - x.from), 0),
    projected: computeIndex(scheme, after).value,
  };
}

import type { ActingLevel, IndexScheme } from './scheme.ts';
import { indicatorsOf } from './scheme.ts';

/** How many desa have each status (every status of the scheme present, zero or not). */
export function statusCounts(scheme: IndexScheme, statuses: readonly string[]): Record<string, number> {
  const counts = Object.fromEntries(scheme.statuses.map((s) => [s.code, 0]));
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

/** matrix[from][to]: desa that had status `from` in the first year and `to` in the second. */
export function transitionMatrix(
  scheme: IndexScheme,
  pairs: readonly { from: string; to: string }[],
): Record<string, Record<string, number>> {
  const codes = scheme.statuses.map((s) => s.code);
  const matrix = Object.fromEntries(codes.map((f) => [f, Object.fromEntries(codes.map((t) => [t, 0]))]));
  for (const p of pairs) {
    const row = matrix[p.from];
    if (row && p.to in row) row[p.to]! += 1;
  }
  return matrix;
}

export interface WeakIndicator {
  code: string;
  name: string;
  dimension: string;
  actor: ActingLevel;
  organisations: string[];
  /** Desa scoring 0. */
  zero: number;
  /** Desa scoring at most 2 (of 5). */
  low: number;
  mean: number;
  /** Index points the kabupaten would gain if every desa reached the maximum on this indicator (sum over desa). */
  potential: number;
}

/**
 * The weakest indicators across many desa, most desa at zero first: "Bank & BPR scores 0 in N
 * desa", each routed to the level and OPD that can act.
 */
export function weakestIndicators(
  scheme: IndexScheme,
  desaScores: readonly Readonly<Record<string, number>>[],
): WeakIndicator[] {
  const nDims = scheme.dimensions.length;
  const gainPerPoint = new Map(
    scheme.dimensions.flatMap((d) =>
      d.indicators.map((i) => [i.code, 1 / (d.indicators.length * scheme.scoreMax * nDims)] as const),
    ),
  );
  const dimensionOf = new Map(
    scheme.dimensions.flatMap((d) => d.indicators.map((i) => [i.code, d.code] as const)),
  );
  return indicatorsOf(scheme)
    .map((ind) => {
      const values = desaScores.map((s) => s[ind.code] ?? 0);
      const n = values.length || 1;
      return {
        code: ind.code,
        name: ind.name,
        dimension: dimensionOf.get(ind.code)!,
        actor: ind.actor,
        organisations: ind.organisations,
        zero: values.filter((v) => v === 0).length,
        low: values.filter((v) => v <= 2).length,
        mean: values.reduce((a, b) => a + b, 0) / n,
        potential: values.reduce((a, v) => a + (scheme.scoreMax - v), 0) * gainPerPoint.get(ind.code)!,
      };
    })
    .sort((a, b) => b.zero - a.zero || b.low - a.low || b.potential - a.potential);
}

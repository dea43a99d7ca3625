import { AppError } from '../errors/app-error.ts';
import { largest, smallest } from '../numbers.ts';

/**
 * Criteria scoring: each criterion normalised to 0..1 across the proposals (min–max; for a
 * criterion where less is better, such as cost per beneficiary, the scale is turned around), then
 * a weighted sum. Weights are set directly or derived by AHP from pairwise comparisons.
 */
export interface Criterion {
  code: string;
  /** 'benefit': more is better; 'cost': less is better. */
  direction: 'benefit' | 'cost';
  weight: number;
}

/** Min–max normalisation of one column; a column with one value everywhere scores 1 for all. */
export function normalise(values: readonly number[], direction: Criterion['direction']): number[] {
  const min = smallest(values);
  const max = largest(values);
  if (max === min) return values.map(() => 1);
  return values.map((v) => (direction === 'benefit' ? (v - min) / (max - min) : (max - v) / (max - min)));
}

/** Weighted score per proposal; weights are used relative to their sum. */
export function weightedScores(
  rows: readonly Readonly<Record<string, number>>[],
  criteria: readonly Criterion[],
): number[] {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  if (!(total > 0))
    throw new AppError('VALIDATION', { issues: [{ field: 'criteria', issue: 'weights_positive' }] });
  const columns = criteria.map((c) =>
    normalise(
      rows.map((r) => r[c.code] ?? 0),
      c.direction,
    ),
  );
  return rows.map((_, i) => criteria.reduce((s, c, k) => s + (c.weight / total) * columns[k]![i]!, 0));
}

/** Saaty's random consistency index for n = 1..10 (domain facts: 0.58 .. 1.49 for n = 3..10). */
const RANDOM_INDEX = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
export const MAX_CONSISTENCY_RATIO = 0.1;

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  consistencyIndex: number;
  consistencyRatio: number;
}

/**
 * AHP weights from a reciprocal pairwise matrix (a[i][j] = how much more important i is than j,
 * on Saaty's 1..9 scale): the principal eigenvector by power iteration, normalised to sum 1, with
 * the consistency ratio CR = ((lambdaMax - n) / (n - 1)) / RI(n). A matrix with CR above 0.10
 * is refused, naming the ratio, because its weights would not mean what the forum intended.
 */
export function ahpWeights(matrix: readonly (readonly number[])[]): AhpResult {
  const n = matrix.length;
  const issues: { field: string; issue: string; params?: Record<string, string | number> }[] = [];
  if (n < 2 || n > 10) issues.push({ field: 'matrix', issue: 'ahp_size' });
  matrix.forEach((row, i) => {
    if (row.length !== n) issues.push({ field: `matrix.${i}`, issue: 'ahp_size' });
    row.forEach((v, j) => {
      const back = matrix[j]?.[i];
      if (!(v > 0) || (i === j && v !== 1) || back === undefined || Math.abs(v * back - 1) > 1e-6)
        issues.push({ field: `matrix.${i}.${j}`, issue: 'ahp_reciprocal' });
    });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  let w = new Array<number>(n).fill(1 / n);
  let lambda = n;
  for (let iter = 0; iter < 1000; iter++) {
    const next = matrix.map((row) => row.reduce((s, v, j) => s + v * w[j]!, 0));
    const sum = next.reduce((a, b) => a + b, 0);
    lambda = sum; // since w sums to 1, the sum of A·w estimates lambdaMax
    const normalised = next.map((v) => v / sum);
    const delta = normalised.reduce((s, v, j) => s + Math.abs(v - w[j]!), 0);
    w = normalised;
    if (delta < 1e-12) break;
  }
  const ci = n > 2 ? (lambda - n) / (n - 1) : 0;
  const ri = RANDOM_INDEX[n] ?? 1.49;
  const cr = ri > 0 ? ci / ri : 0;
  if (cr > MAX_CONSISTENCY_RATIO)
    throw new AppError('VALIDATION', {
      issues: [
        {
          field: 'matrix',
          issue: 'ahp_inconsistent',
          params: { cr: cr.toFixed(3), max: MAX_CONSISTENCY_RATIO },
        },
      ],
    });
  return { weights: w, lambdaMax: lambda, consistencyIndex: ci, consistencyRatio: cr };
}

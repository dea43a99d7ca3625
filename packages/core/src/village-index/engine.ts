import { AppError, type FieldIssue } from '../errors/app-error.ts';
import { type IndexScheme, indicatorsOf, linearWeights, type StatusDef, scaleOf } from './scheme.ts';

export type Scores = Readonly<Record<string, number>>;

export interface DimensionResult {
  code: string;
  sum: number;
  max: number;
  /** Unrounded, on the scheme's scale (IDM: 0..1). */
  value: number;
}

export interface IndexResult {
  dimensions: DimensionResult[];
  /** Unrounded; show to 4 decimals. */
  value: number;
  status: StatusDef;
}

/** Refuses scores that are missing, not integers, or outside the scheme's range, naming each indicator. */
export function assertScores(scheme: IndexScheme, scores: Scores): void {
  const issues: FieldIssue[] = [];
  for (const ind of indicatorsOf(scheme)) {
    const s = scores[ind.code];
    if (s === undefined || Number.isNaN(s)) issues.push({ field: ind.code, issue: 'required' });
    else if (!Number.isInteger(s) || s < scheme.scoreMin || s > scheme.scoreMax) {
      issues.push({
        field: ind.code,
        issue: 'score_range',
        params: { min: scheme.scoreMin, max: scheme.scoreMax },
      });
    }
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
}

/** The status of a value: the highest status whose threshold the value is strictly above. */
export function statusOf(scheme: IndexScheme, value: number): StatusDef {
  let found = scheme.statuses[0]!;
  for (const s of scheme.statuses) if (s.above === null || value > s.above) found = s;
  return found;
}

export function nextStatusOf(scheme: IndexScheme, status: StatusDef): StatusDef | null {
  const i = scheme.statuses.findIndex((s) => s.code === status.code);
  return scheme.statuses[i + 1] ?? null;
}

/**
 * The index of one desa: each dimension normalised to 0..1 and put on the scheme's scale, then
 * aggregated as the scheme says. Under IDM: IKS = sum/175, IKE = sum/60, IKL = sum/15 and IDM =
 * their mean (Permendesa PDTT 2/2016). Values are unrounded.
 */
export function computeIndex(scheme: IndexScheme, scores: Scores): IndexResult {
  assertScores(scheme, scores);
  const scale = scaleOf(scheme);
  const range = scheme.scoreMax - scheme.scoreMin;
  const dimensions = scheme.dimensions.map((d) => {
    const sum = d.indicators.reduce((s, i) => s + scores[i.code]!, 0);
    const n = d.indicators.length;
    return {
      code: d.code,
      sum,
      max: n * scheme.scoreMax,
      value: (scale * (sum - n * scheme.scoreMin)) / (n * range),
    };
  });
  const value = aggregate(
    scheme,
    dimensions.map((d) => d.value),
  );
  return { dimensions, value, status: statusOf(scheme, value) };
}

/** The index from dimension values on the scheme's scale. */
export function aggregate(scheme: IndexScheme, values: readonly number[]): number {
  const weights = linearWeights(scheme);
  if (weights) {
    const total = weights.reduce((s, w) => s + w, 0);
    return values.reduce((s, v, i) => s + weights[i]! * v, 0) / total;
  }
  const scale = scaleOf(scheme);
  if (values.some((v) => v <= 0)) return 0;
  return scale * Math.exp(values.reduce((s, v) => s + Math.log(v / scale), 0) / values.length);
}

/** Rounds half away from zero to 4 decimals, as Kemendesa publishes composites. */
export function round4(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10_000 + 1e-9)) / 10_000;
}

import { AppError, type FieldIssue } from '../errors/app-error.ts';
import { type IndexScheme, indicatorsOf, type StatusDef } from './scheme.ts';

export type Scores = Readonly<Record<string, number>>;

export interface DimensionResult {
  code: string;
  sum: number;
  max: number;
  /** Unrounded. */
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

/** IDM: each dimension is its sum over its maximum; the index is the mean of the dimensions. */
export function computeIndex(scheme: IndexScheme, scores: Scores): IndexResult {
  assertScores(scheme, scores);
  const dimensions = scheme.dimensions.map((d) => {
    const sum = d.indicators.reduce((s, i) => s + scores[i.code]!, 0);
    const max = d.indicators.length * scheme.scoreMax;
    return { code: d.code, sum, max, value: sum / max };
  });
  const value = dimensions.reduce((s, d) => s + d.value, 0) / dimensions.length;
  return { dimensions, value, status: statusOf(scheme, value) };
}

/** Rounds half away from zero to 4 decimals, as Kemendesa publishes composites. */
export function round4(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10_000 + 1e-9)) / 10_000;
}

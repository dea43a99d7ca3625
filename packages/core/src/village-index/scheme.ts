/**
 * A village index scheme is data: dimensions, indicators (with optional rubric bands that turn a
 * raw observation into a score), the aggregation, the status thresholds, and which parts are not
 * confirmed. IDM 2016 is built in; an admin loads further versions without code changes.
 */
export type ActingLevel = 'pusat' | 'provinsi' | 'kabupaten' | 'desa' | 'csr' | 'lainnya';
export const actingLevels: readonly ActingLevel[] = [
  'pusat',
  'provinsi',
  'kabupaten',
  'desa',
  'csr',
  'lainnya',
];

/** One band of a rubric: the observation lies in [min, max] (either end optional or exclusive). */
export interface RubricBand {
  min?: number;
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  score: number;
}

export interface Rubric {
  unit: string;
  label: string;
  bands: RubricBand[];
}

export interface IndicatorDef {
  code: string;
  name: string;
  subdimension?: string;
  /** Who usually acts to raise the score. */
  actor: ActingLevel;
  /** Codes of the kabupaten's OPD that can act (see the organisations list). */
  organisations: string[];
  rubric?: Rubric;
}

export interface DimensionDef {
  code: string;
  name: string;
  indicators: IndicatorDef[];
}

export interface StatusDef {
  code: string;
  name: string;
  /** The status applies strictly above this value; null for the lowest status. */
  above: number | null;
}

export type Aggregation =
  /** Each dimension = sum of its scores / (its indicator count x scoreMax); index = mean of dimensions (IDM). */
  { kind: 'mean-of-normalised-sums' };

export interface IndexScheme {
  id: string;
  version: string;
  name: string;
  regulation: string;
  scoreMin: number;
  scoreMax: number;
  aggregation: Aggregation;
  /** Lowest first. */
  statuses: StatusDef[];
  /** Parts of the scheme that are not confirmed by a regulation ("aggregation", "thresholds", ...). */
  unconfirmed: string[];
  /** Why a part is unconfirmed, in Bahasa Indonesia and English. */
  notes: Record<string, { id: string; en: string }>;
  dimensions: DimensionDef[];
}

export function indicatorsOf(scheme: IndexScheme): IndicatorDef[] {
  return scheme.dimensions.flatMap((d) => d.indicators);
}

/** Problems with a scheme's own consistency, as field paths and issue keys (empty when sound). */
export function schemeProblems(scheme: IndexScheme): { field: string; issue: string }[] {
  const problems: { field: string; issue: string }[] = [];
  const seen = new Set<string>();
  scheme.dimensions.forEach((d, di) => {
    if (d.indicators.length === 0)
      problems.push({ field: `dimensions.${di}.indicators`, issue: 'too_small' });
    d.indicators.forEach((ind, ii) => {
      if (seen.has(ind.code))
        problems.push({ field: `dimensions.${di}.indicators.${ii}.code`, issue: 'duplicate' });
      seen.add(ind.code);
      ind.rubric?.bands.forEach((b, bi) => {
        if (b.score < scheme.scoreMin || b.score > scheme.scoreMax || !Number.isInteger(b.score)) {
          problems.push({
            field: `dimensions.${di}.indicators.${ii}.rubric.bands.${bi}.score`,
            issue: 'out_of_range',
          });
        }
      });
    });
  });
  scheme.statuses.forEach((s, i) => {
    if (i === 0 && s.above !== null)
      problems.push({ field: 'statuses.0.above', issue: 'lowest_status_has_no_threshold' });
    const prev = scheme.statuses[i - 1]?.above;
    if (i > 0 && (s.above === null || (prev != null && s.above <= prev))) {
      problems.push({ field: `statuses.${i}.above`, issue: 'thresholds_not_ascending' });
    }
  });
  if (scheme.scoreMax <= scheme.scoreMin) problems.push({ field: 'scoreMax', issue: 'too_small' });
  return problems;
}

/** The score a rubric gives an observation, or null when no band covers it. */
export function scoreFromObservation(rubric: Rubric, value: number): number | null {
  for (const b of rubric.bands) {
    if (b.min !== undefined && (b.minExclusive ? value <= b.min : value < b.min)) continue;
    if (b.max !== undefined && (b.maxExclusive ? value >= b.max : value > b.max)) continue;
    return b.score;
  }
  return null;
}

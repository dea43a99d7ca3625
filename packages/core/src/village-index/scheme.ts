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

/**
 * How dimension values make the index. Every dimension is first normalised to 0..1 as
 * (sum of its scores - n x scoreMin) / (n x (scoreMax - scoreMin)) and multiplied by `scale`
 * (IDM: 1; Indeks Desa: 100), so a dimension and the index share one scale.
 */
export type Aggregation =
  /** Index = mean of the dimensions (IDM, Permendesa PDTT 2/2016). */
  | { kind: 'mean-of-normalised-sums'; scale?: number }
  /** Index = sum of weight x dimension / sum of weights; weights are whole numbers per dimension code. */
  | { kind: 'weighted-sum'; scale: number; weights: Record<string, number> }
  /** Index = geometric mean of the dimensions (one dimension at 0 makes the index 0). */
  | { kind: 'geometric-mean'; scale: number };

export function scaleOf(scheme: IndexScheme): number {
  return scheme.aggregation.scale ?? 1;
}

/**
 * The whole-number weight of each dimension when the index is linear in the scores (mean or
 * weighted sum), in the order of `scheme.dimensions`; null for a geometric mean.
 */
export function linearWeights(scheme: IndexScheme): number[] | null {
  const a = scheme.aggregation;
  if (a.kind === 'geometric-mean') return null;
  if (a.kind === 'mean-of-normalised-sums') return scheme.dimensions.map(() => 1);
  return scheme.dimensions.map((d) => a.weights[d.code] ?? 0);
}

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
  const a = scheme.aggregation;
  if (a.kind === 'weighted-sum') {
    const codes = new Set(scheme.dimensions.map((d) => d.code));
    scheme.dimensions.forEach((d) => {
      if (!(a.weights[d.code]! > 0))
        problems.push({ field: `aggregation.weights.${d.code}`, issue: 'required' });
    });
    for (const code of Object.keys(a.weights))
      if (!codes.has(code))
        problems.push({ field: `aggregation.weights.${code}`, issue: 'unknown_dimension' });
  }
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

import { formatNumber } from '../format.ts';

/**
 * Indicators of goals, targets and programs: achievement by year with the right direction, the
 * category the planning office reads, and a projection to the end of the period (and to 2045) with
 * a verdict and its reasoning.
 */
export type Direction = 'higher' | 'lower';

/**
 * Achievement in percent: realisation / target, or target / realisation when lower is better
 * (poverty, unemployment). Null when the ratio is undefined.
 */
export function achievement(target: number, realisation: number, direction: Direction): number | null {
  if (direction === 'higher') return target === 0 ? null : (100 * realisation) / target;
  return realisation === 0 ? null : (100 * target) / realisation;
}

/**
 * The category of an achievement (Permendagri 86/2017, the evaluation's capaian kinerja scale):
 * above 90 very high, 76-90 high, 66-75 moderate, 51-65 low, 50 or below very low; and the
 * traffic light dashboards show (green from 91, yellow from 66, red below).
 */
export function achievementCategory(percent: number) {
  const category =
    percent > 90
      ? 'sangat_tinggi'
      : percent > 75
        ? 'tinggi'
        : percent > 65
          ? 'sedang'
          : percent > 50
            ? 'rendah'
            : 'sangat_rendah';
  const light = percent > 90 ? 'hijau' : percent > 65 ? 'kuning' : 'merah';
  return { category, light } as const;
}

export interface Series {
  direction: Direction;
  baseline: { year: number; value: number };
  /** Target by year. */
  targets: Readonly<Record<string, number>>;
  /** Realisation by year. */
  realisations: Readonly<Record<string, number>>;
}

/** Least-squares line through (year, value) points; null with fewer than two distinct years. */
function trend(points: readonly { year: number; value: number }[]) {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.year - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.year - mx) * (p.value - my), 0) / sxx;
  return { slope, at: (year: number) => my + slope * (year - mx) };
}

export const MIN_POINTS = 3;

export const verdicts = ['on_track', 'at_risk', 'off_track', 'unknown'] as const;
export type Verdict = (typeof verdicts)[number];

/**
 * Projects the realisations from the baseline year on (with the baseline) along their least-squares line to `year` and
 * compares with the target for that year: on track if the projection meets it, at risk if it
 * falls short by no more than `tolerance` of the distance still to cover from the latest value,
 * off track otherwise. The reasoning states the numbers (in Indonesian, for reports); `basis` gives
 * them to an interface that words them in its own language.
 */
export function projection(s: Series, year: number, tolerance = 0.25) {
  // The path from the baseline on: older history (a long statistics series) does not set the pace.
  const points = [
    s.baseline,
    ...Object.entries(s.realisations).map(([y, value]) => ({ year: Number(y), value })),
  ]
    .filter((p) => p.year >= s.baseline.year)
    .sort((a, b) => a.year - b.year)
    .filter((p, i, all) => i === all.findIndex((q) => q.year === p.year));
  const target = s.targets[String(year)];
  // Two points make a line but not a trend (two surveys a year apart can differ by their method
  // alone): a verdict needs at least three.
  const line = points.length >= MIN_POINTS ? trend(points) : null;
  const latest = points.at(-1)!;
  if (!line || target === undefined)
    return {
      year,
      target: target ?? null,
      projected: null,
      verdict: 'unknown' as Verdict,
      basis: { points: points.length, slope: null },
      reason:
        target === undefined
          ? `Belum ada target untuk ${year}.`
          : `Baru ${points.length} titik data sejak kondisi awal; proyeksi memerlukan sedikitnya ${MIN_POINTS}.`,
    };
  const projected = line.at(year);
  const better = (a: number, b: number) => (s.direction === 'higher' ? a >= b : a <= b);
  const needed = Math.abs(target - latest.value);
  const short = s.direction === 'higher' ? target - projected : projected - target;
  const verdict: Verdict = better(projected, target)
    ? 'on_track'
    : short <= tolerance * needed
      ? 'at_risk'
      : 'off_track';
  const perYear = line.slope;
  const n = (x: number) => formatNumber(x, Number.isInteger(Math.round(x * 100) / 100) ? 0 : 2);
  const reason = `Laju ${perYear >= 0 ? '+' : ''}${n(perYear)} per tahun dari ${points.length} titik data; proyeksi ${year}: ${n(projected)} terhadap target ${n(target)}.`;
  return { year, target, projected, verdict, basis: { points: points.length, slope: perYear }, reason };
}

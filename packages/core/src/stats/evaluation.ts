import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * The statistics of a program evaluation: means with confidence intervals, the before/after change
 * of the same people, and the difference-in-differences against a comparison group, each with its
 * standard error. Intervals use Student's t (Welch–Satterthwaite degrees of freedom for two groups).
 */
export interface Estimate {
  n: number;
  estimate: number;
  se: number;
  low: number;
  high: number;
  /** Whether the interval leaves out zero (a change, at the chosen level). */
  significant: boolean;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** The sample variance (n - 1). */
const variance = (xs: readonly number[]) => {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

function interval(n: number, estimate: number, se: number, df: number, level: number): Estimate {
  const t = df > 0 && Number.isFinite(se) ? tQuantile(1 - (1 - level) / 2, df) : Number.NaN;
  const low = estimate - t * se;
  const high = estimate + t * se;
  return { n, estimate, se, low, high, significant: Number.isFinite(low) && (low > 0 || high < 0) };
}

/** The mean of a sample with its t interval. */
export function meanWithInterval(xs: readonly number[], level = 0.95): Estimate {
  const se = Math.sqrt(variance(xs) / xs.length);
  return interval(xs.length, xs.length ? mean(xs) : Number.NaN, se, xs.length - 1, level);
}

export interface Panel {
  before: number;
  after: number;
}

/** The mean change of the same people from baseline to follow-up (a paired t interval). */
export function beforeAfter(pairs: readonly Panel[], level = 0.95): Estimate {
  return meanWithInterval(
    pairs.map((p) => p.after - p.before),
    level,
  );
}

/**
 * Difference-in-differences: the treated group's mean change minus the comparison group's, with
 * the standard error of a difference of two independent means and Welch–Satterthwaite degrees of
 * freedom.
 */
export function diffInDiff(treated: readonly Panel[], comparison: readonly Panel[], level = 0.95): Estimate {
  const dt = treated.map((p) => p.after - p.before);
  const dc = comparison.map((p) => p.after - p.before);
  const at = variance(dt) / dt.length;
  const ac = variance(dc) / dc.length;
  const se = Math.sqrt(at + ac);
  const df = (at + ac) ** 2 / (at ** 2 / (dt.length - 1) + ac ** 2 / (dc.length - 1));
  return interval(dt.length + dc.length, mean(dt) - mean(dc), se, df, level);
}

/** A share with its Wilson interval (for reach and completion rates on small programs). */
export function proportion(successes: number, n: number, level = 0.95) {
  if (n === 0) return { n, share: Number.NaN, low: Number.NaN, high: Number.NaN };
  const z = tQuantile(1 - (1 - level) / 2, 1e9);
  const p = successes / n;
  const d = 1 + z ** 2 / n;
  const centre = (p + z ** 2 / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z ** 2 / (4 * n ** 2))) / d;
  return { n, share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

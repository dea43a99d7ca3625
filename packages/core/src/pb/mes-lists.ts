import type { Prepared } from './ballots.ts';

/** The supporter lists Equal Shares (mes.ts) goes through, in flat typed arrays, made once per prepared election. */
interface Flat {
  /** Per project: offsets into voter and pts. */
  at: Int32Array;
  voter: Int32Array;
  pts: Float64Array;
  /** Per voter: offsets into project and given (the points they gave it). */
  on: Int32Array;
  project: Int32Array;
  given: Float64Array;
  /** Per project: the projects that share a supporter with it. */
  overlap: Int32Array[];
}

/** Supporters per project and projects per voter in flat arrays, made once per prepared election. */
export function flat(prep: Prepared & { flat?: Flat }, n: number): Flat {
  if (prep.flat) return prep.flat;
  const m = prep.supporters.length;
  const at = new Int32Array(m + 1);
  const on = new Int32Array(n + 1);
  prep.supporters.forEach((s, p) => {
    at[p + 1] = at[p]! + s.voter.length;
    for (const v of s.voter) on[v + 1]!++;
  });
  for (let v = 0; v < n; v++) on[v + 1]! += on[v]!;
  const voter = new Int32Array(at[m]!);
  const pts = new Float64Array(at[m]!);
  const project = new Int32Array(at[m]!);
  const given = new Float64Array(at[m]!);
  const next = on.slice(0, n);
  prep.supporters.forEach((s, p) => {
    voter.set(s.voter, at[p]!);
    pts.set(s.points, at[p]!);
    for (let k = 0; k < s.voter.length; k++) {
      const v = s.voter[k]!;
      project[next[v]!] = p;
      given[next[v]!++] = s.points[k]!;
    }
  });
  const overlap = Array.from({ length: m }, (_, p) => {
    const seen = new Uint8Array(m);
    for (let k = at[p]!; k < at[p + 1]!; k++) {
      const v = voter[k]!;
      for (let j = on[v]!; j < on[v + 1]!; j++) seen[project[j]!] = 1;
    }
    seen[p] = 0;
    const out: number[] = [];
    for (let o = 0; o < m; o++) if (seen[o]) out.push(o);
    return Int32Array.from(out);
  });
  prep.flat = { at, voter, pts, on, project, given, overlap };
  return prep.flat;
}

interface Weighted {
  weights: readonly number[] | undefined;
  w: Float64Array;
  /** Per project: supporters (weighted), their points, and the most points one of them gave. */
  supporters: Float64Array;
  points: Float64Array;
  maxPoints: Float64Array;
}

/** Weights and the per-project sums that follow from them, made once per prepared election and weights. */
export function weighted(
  prep: Prepared & { weighted?: Weighted },
  n: number,
  weights: readonly number[] | undefined,
) {
  if (prep.weighted && prep.weighted.weights === weights) return prep.weighted;
  const { at, voter, pts } = flat(prep, n);
  const m = prep.supporters.length;
  const w = new Float64Array(n).fill(1);
  if (weights) w.set(weights);
  const supporters = new Float64Array(m);
  const points = new Float64Array(m);
  const maxPoints = new Float64Array(m).fill(1);
  for (let p = 0; p < m; p++)
    for (let k = at[p]!; k < at[p + 1]!; k++) {
      supporters[p]! += w[voter[k]!]!;
      points[p]! += w[voter[k]!]! * pts[k]!;
      maxPoints[p] = Math.max(maxPoints[p]!, pts[k]!);
    }
  prep.weighted = { weights, w, supporters, points, maxPoints };
  return prep.weighted;
}

/** Supporter lists a run may shorten, and room for the supporters a rho is solved over; made once per prepared election. */
export function buffers(
  prep: Prepared & { flat?: Flat; buffers?: { voter: Int32Array; pts: Float64Array; scratch: Scratch } },
  n: number,
) {
  const f = flat(prep, n);
  if (!prep.buffers) {
    const most = Math.max(0, ...prep.supporters.map((s) => s.voter.length));
    prep.buffers = {
      voter: new Int32Array(f.voter.length),
      pts: new Float64Array(f.pts.length),
      scratch: { ratio: new Float64Array(most), wb: new Float64Array(most), wu: new Float64Array(most) },
    };
  }
  prep.buffers.voter.set(f.voter);
  prep.buffers.pts.set(f.pts);
  return prep.buffers;
}

interface Scratch {
  ratio: Float64Array;
  wb: Float64Array;
  wu: Float64Array;
}

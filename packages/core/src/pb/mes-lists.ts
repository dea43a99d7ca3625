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
      scratch: {
        ratio: new Float64Array(most),
        wb: new Float64Array(most),
        wu: new Float64Array(most),
        band: new Float64Array(16),
      },
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
  band: Float64Array;
}

/**
 * Projects by a key (a lower bound of their rho), smallest first: a binary heap that knows where
 * each project sits, so a key can change in place. Ties go to the lower index.
 */
export class Candidates {
  readonly key: Float64Array;
  private readonly heap: Int32Array;
  private readonly at: Int32Array;
  private size: number;

  constructor(m: number) {
    this.key = new Float64Array(m);
    this.heap = Int32Array.from({ length: m }, (_, i) => i);
    this.at = Int32Array.from({ length: m }, (_, i) => i);
    this.size = m;
  }

  get top(): number {
    return this.size ? this.heap[0]! : -1;
  }
  has(p: number): boolean {
    return this.at[p]! >= 0;
  }
  set(p: number, key: number): void {
    const old = this.key[p]!;
    this.key[p] = key;
    if (key < old) this.up(this.at[p]!);
    else this.down(this.at[p]!);
  }
  remove(p: number): void {
    const i = this.at[p]!;
    if (i < 0) return;
    const last = this.heap[--this.size]!;
    this.at[p] = -1;
    if (i === this.size) return;
    this.heap[i] = last;
    this.at[last] = i;
    this.up(i);
    this.down(this.at[last]!);
  }
  /** Every project whose key is at most `limit` (the heap is cut below the first larger key). */
  upTo(limit: number): number[] {
    const out: number[] = [];
    const stack = this.size ? [0] : [];
    while (stack.length) {
      const i = stack.pop()!;
      const p = this.heap[i]!;
      if (this.key[p]! > limit) continue;
      out.push(p);
      if (2 * i + 1 < this.size) stack.push(2 * i + 1);
      if (2 * i + 2 < this.size) stack.push(2 * i + 2);
    }
    return out;
  }
  private less(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka < kb || (ka === kb && a < b);
  }
  private up(i: number): void {
    const p = this.heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const q = this.heap[parent]!;
      if (!this.less(p, q)) break;
      this.heap[i] = q;
      this.at[q] = i;
      i = parent;
    }
    this.heap[i] = p;
    this.at[p] = i;
  }
  private down(i: number): void {
    const p = this.heap[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.less(this.heap[c + 1]!, this.heap[c]!)) c++;
      const q = this.heap[c]!;
      if (!this.less(q, p)) break;
      this.heap[i] = q;
      this.at[q] = i;
      i = c;
    }
    this.heap[i] = p;
    this.at[p] = i;
  }
}

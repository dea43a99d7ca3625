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
  /** Per project: its cost as a double. */
  costF: Float64Array;
}

/** Supporters per project and projects per voter in flat arrays, made once per prepared election. */
export function flat(prep: Prepared & { flat?: Flat }, n: number): Flat {
  if (prep.flat) return prep.flat;
  const m = prep.supporters.length;
  const { at, item: voter, points: pts } = prep.byProject;
  const { at: on, item: project, points: given } = prep.byVoter;
  if (on.length !== n + 1) throw new RangeError('prepared for another election');
  // Each project's neighbours, marked with the project's own number so one array serves them all.
  const mark = new Int32Array(m).fill(-1);
  const overlap = Array.from({ length: m }, (_, p) => {
    const out: number[] = [];
    mark[p] = p;
    for (let k = at[p]!; k < at[p + 1]!; k++) {
      const v = voter[k]!;
      for (let j = on[v]!; j < on[v + 1]!; j++) {
        const o = project[j]!;
        if (mark[o] !== p) {
          mark[o] = p;
          out.push(o);
        }
      }
    }
    return Int32Array.from(out.sort((a, b) => a - b));
  });
  const costF = new Float64Array(m);
  for (let p = 0; p < m; p++) costF[p] = Number(prep.costs[p]!);
  prep.flat = { at, voter, pts, on, project, given, overlap, costF };
  return prep.flat;
}

interface Weighted {
  weights: ArrayLike<number> | undefined;
  w: Float64Array;
  /** How many voters the ballots stand for together. */
  voters: number;
  /** Per project: supporters (weighted), their points, and the most points one of them gave. */
  supporters: Float64Array;
  points: Float64Array;
  maxPoints: Float64Array;
}

/** Weights and the per-project sums that follow from them, made once per prepared election and weights. */
export function weighted(
  prep: Prepared & { weighted?: Weighted },
  n: number,
  weights: ArrayLike<number> | undefined,
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
  let voters = 0;
  for (let v = 0; v < n; v++) voters += w[v]!;
  prep.weighted = { weights, w, voters, supporters, points, maxPoints };
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
      pts: Float64Array.from(f.pts),
      scratch: {
        ratio: new Float64Array(most),
        wb: new Float64Array(most),
        wu: new Float64Array(most),
        band: new Float64Array(4 * 16),
      },
    };
  }
  prep.buffers.voter.set(f.voter);
  // On approval ballots every point is 1, wherever the lists put it: they need not be copied again.
  if (prep.hasPoints) prep.buffers.pts.set(f.pts);
  return prep.buffers;
}

/**
 * The arrays one run of Equal Shares works in (mes.ts), made once and set afresh for each run: Add1
 * runs the rule hundreds of times, and making them anew each time was a fifth of its time. An
 * outcome reads drained, touchy and roundOf when its rounds are asked for, so a workspace may be
 * used again only once its outcome is no longer read (Add1 keeps two and takes turns).
 */
export class Workspace {
  readonly startF: Float64Array;
  readonly fb: Float64Array;
  /** The round in which a voter was certainly left with nothing (n + m when not, or not certainly). */
  readonly drained: Int32Array;
  readonly touchy: Uint8Array;
  /** The voters capped in each round, one after another. */
  readonly capped: Int32Array;
  /** Per round: the project funded, and where its capped voters start and end in capped (-1: too close to call). */
  readonly roundP: Int32Array;
  readonly cappedFrom: Int32Array;
  readonly cappedTo: Int32Array;
  readonly roundOf: Int32Array;
  readonly rho: Float64Array;
  readonly err: Float64Array;
  readonly fresh: Int32Array;
  readonly points: Float64Array;
  readonly least: Float64Array;
  readonly scale: Float64Array;
  readonly end: Int32Array;
  readonly candidates: Candidates;

  constructor(
    readonly n: number,
    readonly m: number,
  ) {
    this.startF = new Float64Array(n);
    this.fb = new Float64Array(n);
    this.drained = new Int32Array(n);
    this.touchy = new Uint8Array(n);
    this.capped = new Int32Array(n);
    this.roundP = new Int32Array(m + 1);
    this.cappedFrom = new Int32Array(m + 1);
    this.cappedTo = new Int32Array(m + 1);
    this.roundOf = new Int32Array(m);
    this.rho = new Float64Array(m);
    this.err = new Float64Array(m);
    this.fresh = new Int32Array(m);
    this.points = new Float64Array(m);
    this.least = new Float64Array(m);
    this.scale = new Float64Array(m);
    this.end = new Int32Array(m);
    this.candidates = new Candidates(m);
  }

  /** Everything as a new run starts: each voter holds `endowment`, the lists are whole, no project is worked out. */
  reset(endowment: number, at: Int32Array, points: Float64Array): this {
    this.startF.fill(endowment);
    this.drained.fill(this.n + this.m);
    this.touchy.fill(0);
    this.roundOf.fill(-1);
    this.rho.fill(0);
    this.err.fill(0);
    this.fresh.fill(-1);
    this.points.set(points);
    this.least.fill(0);
    this.scale.fill(0);
    this.end.set(at.subarray(1));
    this.candidates.reset();
    return this;
  }
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
  private readonly stack: Int32Array;
  /** What upTo found. */
  readonly found: Int32Array;

  constructor(m: number) {
    this.key = new Float64Array(m);
    this.stack = new Int32Array(m + 1);
    this.found = new Int32Array(m);
    this.heap = new Int32Array(m);
    this.at = new Int32Array(m);
    this.size = m;
    this.reset();
  }

  /** Every project back in, with key 0. */
  reset(): void {
    this.size = this.key.length;
    this.key.fill(0);
    for (let i = 0; i < this.size; i++) {
      this.heap[i] = i;
      this.at[i] = i;
    }
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
  /**
   * Every project whose key is at most `limit` (the heap is cut below the first larger key), into
   * `found`; how many there are. The list stays valid until the next call.
   */
  upTo(limit: number): number {
    const { heap, key, stack, found } = this;
    let count = 0;
    let top = 0;
    if (this.size) stack[top++] = 0;
    while (top) {
      const i = stack[--top]!;
      const p = heap[i]!;
      if (key[p]! > limit) continue;
      found[count++] = p;
      if (2 * i + 1 < this.size) stack[top++] = 2 * i + 1;
      if (2 * i + 2 < this.size) stack[top++] = 2 * i + 2;
    }
    return count;
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

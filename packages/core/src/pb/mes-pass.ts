/**
 * The one pass Equal Shares (mes.ts) makes over a project's supporters to work out its rho: drop
 * the voters certainly left with nothing (their budget is marked -1), sum what the others hold,
 * set aside those below c / U (certainly capped), and gather those up to twice that (mes-run.ts
 * counts their utility in bands, which bound rho from above, when it needs them). Approval
 * ballots (one point each) have a loop of their own that compares budgets with the share, with
 * or without a branch on which side each falls (see mixed). solveAll is the rho mes-run.ts falls
 * back on when its bands do not reach it.
 */

export interface PassLists {
  voter: Int32Array;
  pts: Float64Array;
  fb: Float64Array;
  w: Float64Array;
  ratio: Float64Array;
  wb: Float64Array;
  wu: Float64Array;
}

export class Pass {
  /** Where the kept supporters end. */
  z = 0;
  /** How many were gathered. */
  k = 0;
  sum = 0;
  capB = 0;
  capU = 0;
  U = 0;
  /** The least a supporter holds per point. */
  low = 0;

  /**
   * Per project: its last pass found both many capped and many not. Their budgets then come mixed
   * in supporter order, and a branch on which side each falls was guessed wrong so often that the
   * next pass goes without one (mixed): on 10,000 x 100, 65 % of the supporters gone through were
   * in such passes. Where nearly all fall on one side (Wieliczka 2023: 95 % capped) the branch is
   * guessed right and the pass with it is the faster one.
   */
  private readonly mixed: Uint8Array;

  constructor(projects: number) {
    this.mixed = new Uint8Array(projects);
  }

  /** The utility of the supporters not capped at the rho solveAll found. */
  solved = 0;

  /** Goes through supporters a .. end - 1 of project p with utility b0 per point, at rho = r0 if nobody were capped. */
  run(l: PassLists, p: number, a: number, end: number, b0: number, r0: number, approval: boolean): this {
    if (approval) this.approval(l, p, a, end, b0, r0);
    else this.points(l, a, end, b0, r0);
    return this;
  }

  /**
   * Approval ballots: with a branch on where each budget falls, or (mixed) without one: then each
   * sum is added 0 or 1 times, and every supporter is written to the gathered lists and kept only
   * if below twice the share. The test of mixed is the same every time round, so always guessed
   * right; whether p's next pass goes without the branch is noted at the end.
   */
  private approval(l: PassLists, p: number, a: number, end: number, b0: number, r0: number) {
    const { voter, fb, w, ratio, wb, wu } = l;
    const mixed = this.mixed[p] === 1;
    const share = r0 * b0;
    const twice = 2 * share;
    let z = a;
    let k = 0;
    let sum = 0;
    let capB = 0;
    let capW = 0;
    let W = 0;
    let low = Number.POSITIVE_INFINITY;
    const inverse = 1 / b0;
    for (let i = a; i < end; i++) {
      const v = voter[i]!;
      const b = fb[v]!;
      if (b < 0) continue;
      voter[z++] = v;
      if (b === 0) continue;
      const wv = w[v]!;
      const held = wv * b;
      sum += held;
      W += wv;
      if (b < low) low = b;
      if (mixed) {
        const capped = Number(b < share);
        capB += capped * held;
        capW += capped * wv;
        ratio[k] = b * inverse;
        wb[k] = held;
        wu[k] = wv * b0;
        k += (1 - capped) & Number(b < twice);
      } else if (b < share) {
        capB += held;
        capW += wv;
      } else if (b < twice) {
        ratio[k] = b * inverse;
        wb[k] = held;
        wu[k++] = wv * b0;
      }
    }
    const capU = capW * b0;
    const U = W * b0;
    const n = z - a;
    this.mixed[p] = Number((capU > 0.1 * U && capU < 0.9 * U) || (k > 0.1 * n && k < 0.9 * n));
    this.done(z, k, sum, capB, capU, U, low);
  }

  private points(l: PassLists, a: number, end: number, b0: number, r0: number) {
    const { voter, pts, fb, w, ratio, wb, wu } = l;
    const top = 2 * r0;
    let z = a;
    let k = 0;
    let sum = 0;
    let capB = 0;
    let capU = 0;
    let U = 0;
    let low = Number.POSITIVE_INFINITY;
    for (let i = a; i < end; i++) {
      const v = voter[i]!;
      const b = fb[v]!;
      if (b < 0) continue;
      const pt = pts[i]!;
      voter[z] = v;
      pts[z++] = pt;
      if (b === 0) continue;
      const wv = w[v]!;
      const u = b0 * pt;
      sum += wv * b;
      U += wv * u;
      if (b < low * pt) low = b / pt;
      const x = b / u;
      if (x < r0) {
        capB += wv * b;
        capU += wv * u;
      } else if (x < top) {
        ratio[k] = x;
        wb[k] = wv * b;
        wu[k++] = wv * u;
      }
    }
    this.done(z, k, sum, capB, capU, U, low);
  }

  /**
   * rho of a project (supporters a .. z - 1) when the bands of mes-run.ts did not reach it: one
   * pass gathers every supporter who holds something, then each Newton step goes through those
   * not yet capped only. -1 when everyone is capped.
   */
  solveAll(l: PassLists, a: number, z: number, c: number, b0: number, r0: number): number {
    const { voter, pts, fb, w, ratio, wb, wu } = l;
    let rem = c;
    let un = 0;
    let k = 0;
    for (let i = a; i < z; i++) {
      const v = voter[i]!;
      const b = fb[v]!;
      if (b <= 0) continue;
      const u = b0 * pts[i]!;
      if (b < r0 * u) rem -= w[v]! * b;
      else {
        ratio[k] = b / u;
        wb[k] = w[v]! * b;
        wu[k++] = w[v]! * u;
        un += w[v]! * u;
      }
    }
    let r = r0;
    for (;;) {
      this.solved = un;
      if (un === 0) return -1;
      const next = rem / un;
      if (next <= r) return r;
      r = next;
      let kept = 0;
      for (let i = 0; i < k; i++)
        if (ratio[i]! < r) {
          rem -= wb[i]!;
          un -= wu[i]!;
        } else {
          ratio[kept] = ratio[i]!;
          wb[kept] = wb[i]!;
          wu[kept++] = wu[i]!;
        }
      k = kept;
    }
  }

  private done(z: number, k: number, sum: number, capB: number, capU: number, U: number, low: number) {
    this.z = z;
    this.k = k;
    this.sum = sum;
    this.capB = capB;
    this.capU = capU;
    this.U = U;
    this.low = low;
  }
}

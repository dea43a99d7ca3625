/**
 * The one pass Equal Shares (mes.ts) makes over a project's supporters to work out its rho: drop
 * the voters certainly left with nothing (their budget is marked -1), sum what the others hold,
 * set aside those below c / U (certainly capped), and gather those up to twice that (mes-run.ts
 * counts their utility in bands, which bound rho from above, when it needs them). Approval
 * ballots (one point each) have a loop of their own that compares budgets with the share.
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

  /** Goes through supporters a .. end - 1 of a project with utility b0 per point, at rho = r0 if nobody were capped. */
  run(l: PassLists, a: number, end: number, b0: number, r0: number, approval: boolean): this {
    if (approval) this.approval(l, a, end, b0, r0);
    else this.points(l, a, end, b0, r0);
    return this;
  }

  private approval(l: PassLists, a: number, end: number, b0: number, r0: number) {
    const { voter, fb, w, ratio, wb, wu } = l;
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
      if (b < share) {
        capB += held;
        capW += wv;
      } else if (b < twice) {
        ratio[k] = b * inverse;
        wb[k] = held;
        wu[k++] = wv * b0;
      }
    }
    this.z = z;
    this.k = k;
    this.sum = sum;
    this.capB = capB;
    this.capU = capW * b0;
    this.U = W * b0;
    this.low = low;
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
    this.z = z;
    this.k = k;
    this.sum = sum;
    this.capB = capB;
    this.capU = capU;
    this.U = U;
    this.low = low;
  }
}

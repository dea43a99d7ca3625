import type { Rates } from './mes-exact.ts';
import type { Workspace } from './mes-lists.ts';
import { Pass } from './mes-pass.ts';
import { cmp, type Q } from './rational.ts';

/** Relative size of the rounding a float budget may carry: far above a double's, far below any real gap. */
export const TOL = 1e-10;
/** Bands of b / u between c / U and twice that, counted to bound rho from above. */
const BANDS = 16;

/** What one run of Equal Shares reads (mes.ts sets it up). */
export interface RunInput {
  /** Per project: offsets into voter and pts; per voter: offsets into project and given. */
  at: Int32Array;
  on: Int32Array;
  project: Int32Array;
  given: Float64Array;
  overlap: Int32Array[];
  /** This run's supporter lists (a supporter certainly left with nothing is dropped from them). */
  voter: Int32Array;
  pts: Float64Array;
  scratch: { ratio: Float64Array; wb: Float64Array; wu: Float64Array; band: Float64Array };
  w: Float64Array;
  supporters: Float64Array;
  costF: Float64Array;
  /** Utility is the cost (else one per point). */
  byCost: boolean;
  /** Every ballot gives one point a project. */
  approval: boolean;
  /** Voters have endowments of their own (startF); else each holds E0. */
  own: boolean;
  E0: number;
  ws: Workspace;
  rates: Rates;
}

/**
 * One run of Equal Shares in floats with rounding bounds (see equalShares in mes.ts): a class, so
 * that the hundreds of runs of Add1 share one compiled copy of the hot code instead of making
 * their closures anew each time.
 */
export class MesRun {
  private readonly pass: Pass;
  private readonly lists;
  /** The last evaluate was too close to call on affordability. */
  private ambiguous = false;
  /** The utility of the supporters not capped at the rho the last solve found. */
  private solved = 0;
  private cappedCount = 0;
  /**
   * Voters left with nothing so far. On approval ballots their points are not taken off each of
   * their projects (that was half of settle's time, a cache miss per project): a project's count
   * is refreshed by its next pass instead, and until then only bounds rho from below.
   */
  private drains = 0;
  /** The projects within rounding of the round's best. */
  private readonly near: number[] = [];

  constructor(private readonly s: RunInput) {
    const { voter, pts, w, scratch, ws } = s;
    this.pass = new Pass(s.costF.length);
    this.lists = { voter, pts, fb: ws.fb, w, ...scratch };
  }

  private base(p: number): number {
    return this.s.byCost ? this.s.costF[p]! : 1;
  }

  /** The projects won, in order. */
  rounds(): number[] {
    const { candidates, fresh, points, rho, err, roundOf } = this.s.ws;
    const { costF, rates } = this.s;
    const won: number[] = [];
    for (let round = 0; ; round++) {
      let best = -1;
      for (;;) {
        // The project with the smallest bound; worked out again unless it already was this round.
        best = candidates.top;
        if (best < 0 || fresh[best] === round) break;
        // With nobody capped rho would be c / U of the supporters who still hold something: a
        // bound that rises as they run out, and costs nothing to raise the key to.
        const floor = (costF[best]! / (this.base(best) * points[best]!)) * (1 - TOL);
        if (points[best] === 0) {
          candidates.remove(best);
          continue;
        }
        if (floor > candidates.key[best]! * (1 + 1e-9) && floor > 0) {
          candidates.set(best, floor);
          continue;
        }
        if (!this.evaluate(best, round) || (this.ambiguous && !rates.affordable(best, round)))
          candidates.remove(best);
      }
      if (best < 0) break;
      // Every project whose rho could lie within rounding of the best is worked out and compared exactly.
      const hi = rho[best]! + err[best]!;
      const near = this.near;
      near.length = 0;
      const count = candidates.upTo(hi);
      for (let i = 0; i < count; i++) {
        // Evaluating a project moves it in the heap, not out of `found`.
        const p = candidates.found[i]!;
        if (p === best) continue;
        if (
          fresh[p] !== round &&
          (!this.evaluate(p, round) || (this.ambiguous && !rates.affordable(p, round)))
        ) {
          candidates.remove(p);
          continue;
        }
        if (rho[p]! - err[p]! <= hi) near.push(p);
      }
      if (near.length) {
        let winner = -1;
        let winnerRho: Q | null = null;
        for (const p of [best, ...near]) {
          const r = rates.rho(p, round);
          if (!r) {
            candidates.remove(p);
            continue;
          }
          const c = winnerRho ? cmp(r, winnerRho) : -1;
          if (!winnerRho || c < 0 || (c === 0 && this.before(p, winner))) {
            winner = p;
            winnerRho = r;
          }
        }
        if (winner < 0) {
          round--;
          continue;
        }
        best = winner;
        rates.remember(round, winnerRho!);
      }
      this.settle(best, round);
      candidates.remove(best);
      roundOf[best] = round;
      won.push(best);
    }
    return won;
  }

  /**
   * rho of p in floats (false when its supporters certainly cannot afford it). When no supporter
   * holds less than c / U per unit of utility nobody is capped and rho is c / U, read from the
   * running sums; otherwise the supporters are gone through and the sums refreshed.
   */
  private evaluate(p: number, round: number): boolean {
    const { costF, at, approval } = this.s;
    const { scale, points, least, end, rho, err, candidates, fresh } = this.s.ws;
    const c = costF[p]!;
    const b0 = this.base(p);
    const tol = TOL * (c + scale[p]!);
    if (points[p] === 0) return false;
    let r = c / (b0 * points[p]!);
    let usum = b0 * points[p]!;
    this.ambiguous = false;
    // On approval ballots points[p] is exact only until a voter is left with nothing (see settle).
    if ((approval && this.drains > 0) || least[p]! < r * b0 * (1 + TOL)) {
      // One pass over the supporters (mes-pass.ts). Below r0 = c / U a supporter is certainly
      // capped, also when U counted some who hold nothing any more.
      const r0 = r;
      const { z, k, sum, capB, capU, U, low } = this.pass.run(
        this.lists,
        p,
        at[p]!,
        end[p]!,
        b0,
        r0,
        approval,
      );
      end[p] = z;
      least[p] = low;
      if (sum < c - tol) return false;
      this.ambiguous = sum <= c + tol;
      const stale = U !== b0 * points[p]!;
      if (stale) {
        points[p] = U / b0;
        r = c / U;
        usum = U;
      }
      // Nobody below c / U of those who hold something (low is the least any holds): rho is that.
      if (capU > 0 || (stale && low < r * b0 * (1 + TOL))) {
        r = this.solve(p, z, c, b0, r0, k, capB, capU, U);
        usum = this.solved;
      }
    }
    rho[p] = r;
    err[p] = usum > 0 ? tol / usum + r * TOL : r * TOL;
    candidates.set(p, r - err[p]!);
    fresh[p] = round;
    return true;
  }

  /**
   * rho when some supporters are capped: the fixed point t = (c - what the capped pay) / (the
   * others' utility) grows from c / U towards rho, adding to the capped set each time (Newton's
   * method on a concave function), and stops when the set is stable. The bands give the first
   * x at which the supporters could pay c; only those gathered below it are gone through.
   */
  private solve(
    p: number,
    z: number,
    c: number,
    b0: number,
    r0: number,
    gathered: number,
    capB: number,
    capU: number,
    U: number,
  ): number {
    const { ratio, wb, wu, band } = this.s.scratch;
    // The gathered supporters' utility by band of b / u (only here, where it is needed: adding to
    // band[j] in the pass made each step wait for the last one's store).
    // Four sums per band, taken in turn, so that one addition need not wait for the last.
    band.fill(0);
    const toBand = BANDS / r0;
    for (let i = 0; i < gathered; i++)
      band[4 * Math.max(0, Math.min(BANDS - 1, ((ratio[i]! - r0) * toBand) | 0)) + (i & 3)]! += wu[i]!;
    for (let j = 0; j < BANDS; j++)
      band[j] = band[4 * j]! + band[4 * j + 1]! + band[4 * j + 2]! + band[4 * j + 3]!;
    // What the supporters can pay at x = r0 (1 + j / BANDS), from below: the capped hold capB,
    // those in the bands under x hold at least the band's lower edge, the rest pay x each.
    let cap = Number.POSITIVE_INFINITY;
    let below = capB;
    let rest = U - capU;
    for (let j = 1; j <= BANDS; j++) {
      const lower = r0 * (1 + (j - 1) / BANDS);
      below += lower * band[j - 1]!;
      rest -= band[j - 1]!;
      const x = r0 * (1 + j / BANDS);
      if (below + x * rest >= c) {
        cap = x;
        break;
      }
    }
    if (cap === Number.POSITIVE_INFINITY) return this.solveAll(p, z, c, b0, r0);
    // Kept or not, and counted or not, without a branch (see mes-pass.ts): 0 or 1 times each.
    let k = 0;
    for (let i = 0; i < gathered; i++) {
      ratio[k] = ratio[i]!;
      wb[k] = wb[i]!;
      wu[k] = wu[i]!;
      k += Number(ratio[i]! < cap);
    }
    let r = r0;
    for (;;) {
      let rem = c - capB;
      let un = U - capU;
      for (let i = 0; i < k; i++) {
        const below = Number(ratio[i]! < r);
        rem -= below * wb[i]!;
        un -= below * wu[i]!;
      }
      if (un <= 0) {
        this.solved = 0;
        return this.largestRatio(p);
      }
      const next = rem / un;
      this.solved = un;
      if (next <= r) break;
      r = next;
    }
    // A bound off by rounding would leave someone out: then go through everyone.
    return r < cap ? r : this.solveAll(p, z, c, b0, r0);
  }

  /** rho when the bands did not reach it (mes-pass.ts), or the largest b / u when nobody is left uncapped. */
  private solveAll(p: number, z: number, c: number, b0: number, r0: number): number {
    const r = this.pass.solveAll(this.lists, this.s.at[p]!, z, c, b0, r0);
    this.solved = this.pass.solved;
    return r < 0 ? this.largestRatio(p) : r;
  }

  private largestRatio(p: number): number {
    const { at, voter, pts } = this.s;
    const { fb, end } = this.s.ws;
    let r = 0;
    for (let k = at[p]!; k < end[p]!; k++) {
      const b = fb[voter[k]!]!;
      if (b > 0) r = Math.max(r, b / (this.base(p) * pts[k]!));
    }
    return r;
  }

  /** The tie-break: lower cost, then more supporters, then file order. */
  private before(a: number, b: number): boolean {
    const { costF, supporters } = this.s;
    return (
      costF[a]! < costF[b]! ||
      (costF[a] === costF[b] &&
        (supporters[a]! > supporters[b]! || (supporters[a] === supporters[b] && a < b)))
    );
  }

  /** v holds nothing any more: its points leave the projects it supports (cumulative ballots). */
  private drop(v: number): void {
    const { on, project, given, w } = this.s;
    const points = this.s.ws.points;
    for (let k = on[v]!; k < on[v + 1]!; k++) points[project[k]!]! -= w[v]! * given[k]!;
  }

  /** v holds less: the bound of what supporters hold per point follows (cumulative ballots). */
  private lower(v: number): void {
    const { on, project, given } = this.s;
    const { fb, least } = this.s.ws;
    const now = fb[v]!;
    for (let k = on[v]!; k < on[v + 1]!; k++)
      if (now < least[project[k]!]! * given[k]!) least[project[k]!] = now / given[k]!;
  }

  /** Charges the supporters of p at the float rho; who is capped, or near the cap, is noted for the exact rho. */
  private settle(p: number, round: number): void {
    const { at, voter, pts, approval, own, E0, overlap } = this.s;
    const { rho, err, end, fb, startF, drained, touchy, least, capped, roundP, cappedFrom, cappedTo } =
      this.s.ws;
    const r = rho[p]!;
    const e0 = err[p]!;
    const b0 = this.base(p);
    const from = this.cappedCount;
    let count = from;
    let near = false;
    let poorest = Number.POSITIVE_INFINITY;
    // On approval ballots with one endowment each payer pays r x b0, within the same margin.
    const even = approval && !own;
    const evenMargin = TOL * E0 + e0 * b0;
    for (let k = at[p]!; k < end[p]!; k++) {
      const v = voter[k]!;
      const had = fb[v]!;
      if (had < 0) continue;
      const u = approval ? b0 : b0 * pts[k]!;
      const left = had - r * u;
      const margin = even ? evenMargin : TOL * (own ? startF[v]! : E0) + e0 * u;
      // Most payers pay in full and keep something: the short way.
      if (left > margin) {
        fb[v] = left;
        if (!approval) this.lower(v);
        else if (left < poorest) poorest = left;
        continue;
      }
      let now: number;
      if (left < -margin) {
        capped[count++] = v;
        now = -1;
        drained[v] = round;
      } else {
        near = true;
        touchy[v] = 1;
        now = Math.max(0, left);
      }
      fb[v] = now;
      if (now <= 0) {
        if (had <= 0) continue;
        if (approval) this.drains++;
        else this.drop(v);
      } else if (!approval) this.lower(v);
      else if (now < poorest) poorest = now;
    }
    this.cappedCount = count;
    // On approval ballots every payer who still holds something paid rho x cost (x 1 point) and
    // holds at least the poorest payer's budget, so the bound of every project sharing a
    // supporter falls by that much at most, and not below the poorest payer.
    if (approval)
      for (const o of overlap[p]!) least[o] = Math.max(least[o]! - r * b0, Math.min(least[o]!, poorest));
    roundP[round] = p;
    cappedFrom[round] = from;
    cappedTo[round] = near ? -1 : count;
  }
}

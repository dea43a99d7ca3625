import { type Prepared, prepare } from './ballots.ts';
import { type MesOutcome, type MesRound, type Rates, ratesOf } from './mes-exact.ts';

export type { MesOutcome, MesRound } from './mes-exact.ts';

import { buffers, Candidates, flat, weighted } from './mes-lists.ts';
import { cmp, type Q, q, toNumber } from './rational.ts';
import type { Election } from './rules.ts';

const TIE_MES =
  'smallest share per unit of utility (rho), then lower cost, then more supporters, then file order';

/** Relative size of the rounding a float budget may carry: far above a double's, far below any real gap. */
const TOL = 1e-10;
/** Bands of b / u between c / U and twice that, counted to bound rho from above. */
const BANDS = 16;

/**
 * Method of Equal Shares. Each voter starts with `endowment` (B/n unless given, or one per voter
 * for districts). Repeatedly, for every project its supporters can still afford, find the smallest
 * rho such that the sum over supporters of min(budget_i, rho x u_i(p)) equals its cost; fund the
 * project with the smallest rho and charge each supporter min(budget_i, rho x u_i(p)). Utilities:
 * 'cost' (u = cost of p, times points on cumulative ballots; what real elections use) or
 * 'cardinality' (u = 1, or the points).
 *
 * The result is exact; the work is done in floating point and checked. A budget is kept as a
 * double beside a bound on its rounding; every decision (which project has the smallest rho, is a
 * project still affordable, who is capped) is taken in floats when the values are farther apart
 * than their bounds, and otherwise settled in exact rationals (mes-exact.ts), rebuilt from the
 * exact rho of the earlier rounds only where asked. A project's rho never falls (budgets only
 * shrink), so the last rho is a lower bound and only the projects that could still be cheapest
 * are worked out again each round. rho comes from the capped set by a fixed point that only grows
 * it, without sorting the supporters.
 */
export function equalShares(
  e: Election,
  options: {
    utility?: 'cost' | 'cardinality';
    endowment?: Q;
    endowments?: readonly Q[];
    /** prepare(e), when the caller runs the same election many times (Add1). */
    prepared?: Prepared;
    /** How many voters each ballot stands for (collapseBallots); 1 each when not given. */
    weights?: readonly number[];
  } = {},
): MesOutcome {
  const prep = options.prepared ?? prepare(e);
  const n = e.ballots.length;
  const m = e.projects.length;
  const utility = options.utility ?? 'cost';
  const { at, on, project, given, overlap } = flat(prep, n);
  // This run's supporter lists: a supporter certainly left with nothing is dropped from them.
  const { voter, pts, scratch } = buffers(prep, n);
  const end = at.slice(1);
  const { w, supporters, points: allPoints, maxPoints } = weighted(prep, n, options.weights);
  let voters = 0;
  for (let v = 0; v < n; v++) voters += w[v]!;
  const endowment = options.endowment ?? q(e.budget, Math.max(voters, 1));
  const start = options.endowments;
  const startF = new Float64Array(n).fill(toNumber(endowment));
  if (start) for (let v = 0; v < n; v++) startF[v] = toNumber(start[v]!);
  const costF = Float64Array.from(e.projects, (p) => p.cost);
  const base = (p: number) => (utility === 'cost' ? costF[p]! : 1);

  const fb = startF.slice();
  /** The round in which a voter was certainly left with nothing (n + m when not, or not certainly). */
  const drained = new Int32Array(n).fill(n + m);
  const roundOf = new Int32Array(m).fill(-1);
  const touchy = new Uint8Array(n);
  const rates: Rates = ratesOf({
    e,
    prep,
    utility,
    w,
    start: (v) => start?.[v] ?? endowment,
    drained,
    touchy,
    roundOf,
  });

  // Per project: its last float rho (a lower bound from then on), its rounding bound, and the
  // round it was worked out in; and, kept up to date as voters pay, the points of the supporters
  // who still hold something (exact integers), a lower bound of what they hold per point, and the
  // scale of their endowments (for the rounding bounds).
  const rho = new Float64Array(m);
  const err = new Float64Array(m);
  const fresh = new Int32Array(m).fill(-1);
  const candidates = new Candidates(m);
  const points = Float64Array.from(allPoints);
  const least = new Float64Array(m);
  const scale = new Float64Array(m);
  if (start) {
    // Endowments of their own (districts): some may be nothing.
    least.fill(Number.POSITIVE_INFINITY);
    for (let p = 0; p < m; p++)
      for (let k = at[p]!; k < at[p + 1]!; k++) {
        const v = voter[k]!;
        scale[p]! += w[v]! * startF[v]!;
        if (fb[v]! <= 0) points[p]! -= w[v]! * pts[k]!;
        else if (fb[v]! < least[p]! * pts[k]!) least[p] = fb[v]! / pts[k]!;
      }
  } else {
    const E = toNumber(endowment);
    if (E <= 0) points.fill(0);
    for (let p = 0; p < m; p++) {
      scale[p] = E * supporters[p]!;
      least[p] = E / maxPoints[p]!;
    }
  }
  let ambiguous = false;

  /**
   * rho of p in floats (false when its supporters certainly cannot afford it). When no supporter
   * holds less than c / U per unit of utility nobody is capped and rho is c / U, read from the
   * running sums; otherwise the supporters are gone through and the sums refreshed.
   */
  const evaluate = (p: number, round: number): boolean => {
    const c = costF[p]!;
    const b0 = base(p);
    const tol = TOL * (c + scale[p]!);
    if (points[p] === 0) return false;
    let r = c / (b0 * points[p]!);
    let usum = b0 * points[p]!;
    ambiguous = false;
    if (least[p]! < r * b0 * (1 + TOL)) {
      // One pass: drop the voters certainly left with nothing, sum what the others hold, set
      // aside those below c / U (certainly capped) and gather those up to twice that, counting
      // their utility in 16 bands, which bound rho from above.
      const a = at[p]!;
      const r0 = r;
      const top = 2 * r0;
      const { ratio, wb, wu, band } = scratch;
      band.fill(0);
      let z = a;
      let k = 0;
      let sum = 0;
      let capB = 0;
      let capU = 0;
      let U = 0;
      let low = Number.POSITIVE_INFINITY;
      for (let i = a; i < end[p]!; i++) {
        const v = voter[i]!;
        if (drained[v]! < round) continue;
        const pt = pts[i]!;
        voter[z] = v;
        pts[z++] = pt;
        const b = fb[v]!;
        if (b <= 0) continue;
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
          band[((x / r0 - 1) * BANDS) | 0]! += wv * u;
        }
      }
      end[p] = z;
      least[p] = low;
      if (sum < c - tol) return false;
      ambiguous = sum <= c + tol;
      if (capU > 0) {
        r = solve(p, z, c, b0, r0, k, capB, capU, U);
        usum = lastUsum;
      }
    }
    rho[p] = r;
    err[p] = usum > 0 ? tol / usum + r * TOL : r * TOL;
    candidates.set(p, r - err[p]!);
    fresh[p] = round;
    return true;
  };
  let lastUsum = 0;
  /**
   * rho when some supporters are capped: the fixed point t = (c - what the capped pay) / (the
   * others' utility) grows from c / U towards rho, adding to the capped set each time (Newton's
   * method on a concave function), and stops when the set is stable. The bands give the first
   * x at which the supporters could pay c; only those gathered below it are gone through.
   */
  const solve = (
    p: number,
    z: number,
    c: number,
    b0: number,
    r0: number,
    gathered: number,
    capB: number,
    capU: number,
    U: number,
  ): number => {
    const { ratio, wb, wu, band } = scratch;
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
    if (cap === Number.POSITIVE_INFINITY) return solveAll(p, z, c, b0, r0);
    let k = 0;
    for (let i = 0; i < gathered; i++)
      if (ratio[i]! < cap) {
        ratio[k] = ratio[i]!;
        wb[k] = wb[i]!;
        wu[k++] = wu[i]!;
      }
    let r = r0;
    for (;;) {
      let rem = c - capB;
      let un = U - capU;
      for (let i = 0; i < k; i++)
        if (ratio[i]! < r) {
          rem -= wb[i]!;
          un -= wu[i]!;
        }
      if (un <= 0) {
        lastUsum = 0;
        return largestRatio(p);
      }
      const next = rem / un;
      lastUsum = un;
      if (next <= r) break;
      r = next;
    }
    // A bound off by rounding would leave someone out: then go through everyone.
    return r < cap ? r : solveAll(p, z, c, b0, r0);
  };
  const solveAll = (p: number, z: number, c: number, b0: number, r0: number): number => {
    let r = r0;
    for (;;) {
      let rem = c;
      let un = 0;
      for (let k = at[p]!; k < z; k++) {
        const v = voter[k]!;
        const b = fb[v]!;
        if (b <= 0) continue;
        const u = b0 * pts[k]!;
        if (b < r * u) rem -= w[v]! * b;
        else un += w[v]! * u;
      }
      if (un === 0) {
        lastUsum = 0;
        return largestRatio(p);
      }
      const next = rem / un;
      lastUsum = un;
      if (next <= r) return r;
      r = next;
    }
  };
  const largestRatio = (p: number) => {
    let r = 0;
    for (let k = at[p]!; k < end[p]!; k++) {
      const b = fb[voter[k]!]!;
      if (b > 0) r = Math.max(r, b / (base(p) * pts[k]!));
    }
    return r;
  };
  const before = (a: number, b: number) =>
    costF[a]! < costF[b]! ||
    (costF[a] === costF[b] &&
      (supporters[a]! > supporters[b]! || (supporters[a] === supporters[b] && a < b)));

  const won: number[] = [];
  for (let round = 0; ; round++) {
    let best = -1;
    for (;;) {
      // The project with the smallest bound; worked out again unless it already was this round.
      best = candidates.top;
      if (best < 0 || fresh[best] === round) break;
      // With nobody capped rho would be c / U of the supporters who still hold something: a
      // bound that rises as they run out, and costs nothing to raise the key to.
      const floor = (costF[best]! / (base(best) * points[best]!)) * (1 - TOL);
      if (points[best] === 0) {
        candidates.remove(best);
        continue;
      }
      if (floor > candidates.key[best]! * (1 + 1e-9) && floor > 0) {
        candidates.set(best, floor);
        continue;
      }
      if (!evaluate(best, round) || (ambiguous && !rates.affordable(best, round))) candidates.remove(best);
    }
    if (best < 0) break;
    // Every project whose rho could lie within rounding of the best is worked out and compared exactly.
    const hi = rho[best]! + err[best]!;
    const near: number[] = [];
    for (const p of candidates.upTo(hi)) {
      if (p === best) continue;
      if (fresh[p] !== round && (!evaluate(p, round) || (ambiguous && !rates.affordable(p, round)))) {
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
        if (!winnerRho || c < 0 || (c === 0 && before(p, winner))) {
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
    settle(best, round);
    candidates.remove(best);
    roundOf[best] = round;
    won.push(best);
  }

  /** v holds nothing any more: its points leave the projects it supports. */
  function drop(v: number) {
    for (let k = on[v]!; k < on[v + 1]!; k++) points[project[k]!]! -= w[v]! * given[k]!;
  }
  /** v holds less: the bound of what supporters hold per point follows (cumulative ballots). */
  function lower(v: number) {
    const now = fb[v]!;
    for (let k = on[v]!; k < on[v + 1]!; k++)
      if (now < least[project[k]!]! * given[k]!) least[project[k]!] = now / given[k]!;
  }

  /** Charges the supporters of p at the float rho; who is capped, or near the cap, is noted for the exact rho. */
  function settle(p: number, round: number) {
    const r = rho[p]!;
    const e0 = err[p]!;
    const b0 = base(p);
    const capped: number[] = [];
    let near = false;
    let poorest = Number.POSITIVE_INFINITY;
    for (let k = at[p]!; k < end[p]!; k++) {
      const v = voter[k]!;
      if (drained[v]! < round) continue;
      const u = b0 * pts[k]!;
      const had = fb[v]!;
      const left = had - r * u;
      const margin = TOL * startF[v]! + e0 * u;
      if (left < -margin) {
        capped.push(v);
        fb[v] = 0;
        drained[v] = round;
      } else if (left <= margin) {
        near = true;
        touchy[v] = 1;
        fb[v] = Math.max(0, left);
      } else fb[v] = left;
      if (had > 0 && fb[v] === 0) drop(v);
      else if (prep.hasPoints) lower(v);
      else if (fb[v]! > 0 && fb[v]! < poorest) poorest = fb[v]!;
    }
    // On approval ballots every payer who still holds something paid rho x cost (x 1 point) and
    // holds at least the poorest payer's budget, so the bound of every project sharing a
    // supporter falls by that much at most, and not below the poorest payer.
    if (!prep.hasPoints)
      for (const o of overlap[p]!) least[o] = Math.max(least[o]! - r * b0, Math.min(least[o]!, poorest));
    rates.settled(round, p, near ? null : capped);
  }

  const selected = won.map((p) => e.projects[p]!.id);
  let memo: MesRound[] | null = null;
  return {
    selected,
    cost: won.reduce((s, p) => s + e.projects[p]!.cost, 0),
    rule: `equalshares (${utility} utilities)`,
    tieBreak: TIE_MES,
    get rounds() {
      memo ??= won.map((p, round) => rates.report(p, round));
      return memo;
    },
    endowment: `${endowment.n}/${endowment.d}`,
    spentByVoter: () => rates.spentByVoter(won.length),
  };
}

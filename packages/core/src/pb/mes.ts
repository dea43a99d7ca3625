import { type Prepared, prepare } from './ballots.ts';
import { type MesOutcome, type MesRound, type Rates, ratesOf } from './mes-exact.ts';

export type { MesOutcome, MesRound } from './mes-exact.ts';

import { buffers, flat, Workspace, weighted } from './mes-lists.ts';
import { MesRun } from './mes-run.ts';
import { type Q, q, toNumber } from './rational.ts';
import type { Election } from './rules.ts';

const TIE_MES =
  'smallest share per unit of utility (rho), then lower cost, then more supporters, then file order';

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
    weights?: ArrayLike<number>;
    /** Arrays to work in (Add1 reuses them); made for this run when not given. */
    workspace?: Workspace;
  } = {},
): MesOutcome {
  const prep = options.prepared ?? prepare(e);
  const n = e.ballots.length;
  const m = e.projects.length;
  const utility = options.utility ?? 'cost';
  const { at, on, project, given, overlap, costF } = flat(prep, n);
  // This run's supporter lists: a supporter certainly left with nothing is dropped from them.
  const { voter, pts, scratch } = buffers(prep, n);
  const { w, voters, supporters, points: allPoints, maxPoints } = weighted(prep, n, options.weights);
  const endowment = options.endowment ?? q(e.budget, Math.max(voters, 1));
  const start = options.endowments;
  const E0 = toNumber(endowment);
  const ws = (options.workspace ?? new Workspace(n, m)).reset(E0, at, allPoints);
  const { startF, fb, drained, touchy, roundOf, points, least, scale } = ws;
  if (start) for (let v = 0; v < n; v++) startF[v] = toNumber(start[v]!);

  fb.set(startF);
  const rates: Rates = ratesOf({
    e,
    prep,
    utility,
    w,
    start: (v) => start?.[v] ?? endowment,
    drained,
    touchy,
    roundOf,
    noted: { p: ws.roundP, from: ws.cappedFrom, to: ws.cappedTo, capped: ws.capped },
  });

  // Per project: its last float rho (a lower bound from then on), its rounding bound, and the
  // round it was worked out in; and, kept up to date as voters pay, the points of the supporters
  // who still hold something (exact integers), a lower bound of what they hold per point, and the
  // scale of their endowments (for the rounding bounds).
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
    if (E0 <= 0) points.fill(0);
    for (let p = 0; p < m; p++) {
      scale[p] = E0 * supporters[p]!;
      least[p] = E0 / maxPoints[p]!;
    }
  }
  const won = new MesRun({
    at,
    on,
    project,
    given,
    overlap,
    voter,
    pts,
    scratch,
    w,
    supporters,
    costF,
    byCost: utility === 'cost',
    approval: !prep.hasPoints,
    own: start !== undefined,
    E0,
    ws,
    rates,
  }).rounds();

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

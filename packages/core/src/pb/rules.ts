import { largest, smallest } from '../numbers.ts';
import { ballotsOf, type Prepared, prepare, votesOf } from './ballots.ts';
import { cmp, div, gcd, key, mul, norm, type Q, q, raw, sub, toNumber, ZERO } from './rational.ts';

export { collapseBallots, type Prepared, prepare, votesOf } from './ballots.ts';

/**
 * Participatory budgeting rules (domain facts, budget allocation part 2). Ballot formats are kept
 * apart from the rules: a ballot is the projects a voter supports, with points when the ballot is
 * cumulative. Shares, loads and budgets are exact rationals; every result writes its tie-break
 * order, and Equal Shares its stop rule.
 */
export interface Election {
  budget: number;
  /** In the file's order: the last tie-break. */
  projects: readonly { id: string; cost: number }[];
  ballots: readonly { voter: string; vote: readonly string[]; points?: readonly number[] | null }[];
}

export interface Outcome {
  selected: string[];
  cost: number;
  rule: string;
  tieBreak: string;
}

const TIE_GREEDY = 'more votes, then lower cost, then file order';

const TIE_MES =
  'smallest share per unit of utility (rho), then lower cost, then more supporters, then file order';

export const TIE_PHRAGMEN = 'smallest load, then lower cost, then file order';

/**
 * Greedy (utilitarian): by votes, ties by lower cost, then file order; fund each project that still
 * fits ("skip"), or stop at the first that does not ("no-skip"). Projects under `threshold` votes are
 * not eligible. `exclusive` groups are projects that cannot all be built (the same site): once one
 * of a group is funded, the others are passed over (Pabulib's greedy-exclusive).
 */
export function greedy(
  e: Election,
  options: { skip?: boolean; threshold?: number; exclusive?: readonly (readonly string[])[] } = {},
): Outcome {
  const skip = options.skip ?? true;
  const exclusive = options.exclusive ?? [];
  const votes = votesOf(e);
  const order = e.projects
    .map((p, i) => ({ p, i, v: votes[i]! }))
    .filter((x) => x.v >= (options.threshold ?? 0))
    .sort((a, b) => b.v - a.v || a.p.cost - b.p.cost || a.i - b.i);
  const selected: string[] = [];
  const excluded = new Set<string>();
  let cost = 0;
  for (const x of order) {
    if (excluded.has(x.p.id)) continue;
    if (cost + x.p.cost <= e.budget) {
      selected.push(x.p.id);
      cost += x.p.cost;
      for (const group of exclusive)
        if (group.includes(x.p.id)) for (const other of group) excluded.add(other);
    } else if (!skip) break;
  }
  const rule = exclusive.length ? 'greedy-exclusive' : skip ? 'greedy' : 'greedy-no-skip';
  return { selected, cost, rule, tieBreak: TIE_GREEDY };
}

export interface MesRound {
  project: string;
  /** Share per unit of utility paid by the supporters who were not exhausted. */
  rho: string;
  /** What the supporters paid, grouped by amount: "amount x count". */
  payments: { amount: string; voters: number }[];
}

export interface MesOutcome extends Outcome {
  rounds: MesRound[];
  endowment: string;
  /** What each voter spent, worked out when asked (Add1 runs hundreds of rounds that never ask). */
  spentByVoter(): Q[];
}

/** An exact sum of value x count terms, added per denominator first (cheap) and then across them. */
function sumOf(terms: readonly (readonly [Q, bigint])[]): Q {
  const byDenominator = new Map<bigint, bigint>();
  for (const [v, k] of terms) byDenominator.set(v.d, (byDenominator.get(v.d) ?? 0n) + v.n * k);
  // Not reduced: the sum is only compared, or reduced once by the division that uses it.
  let total = ZERO;
  for (const [d, n] of byDenominator) total = raw.add(total, { n, d });
  return total;
}

/**
 * Method of Equal Shares. Each voter starts with `endowment` (B/n unless given, or one per voter
 * for districts). Repeatedly, for every project its supporters can still afford, find the smallest
 * rho such that the sum over supporters of min(budget_i, rho x u_i(p)) equals its cost; fund the
 * project with the smallest rho and charge each supporter min(budget_i, rho x u_i(p)). Utilities:
 * 'cost' (u = cost of p, times points on cumulative ballots; what real elections use) or
 * 'cardinality' (u = 1, or the points).
 *
 * Voters with the same budget and the same utility for a project are handled as one group, so the
 * exact arithmetic scales with the number of distinct budgets, not of voters.
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
  const weights = options.weights;
  const w = (v: number) => (weights ? weights[v]! : 1);
  const voters = weights ? weights.reduce((a, b) => a + b, 0) : n;
  const utility = options.utility ?? 'cost';
  const endowment = options.endowment ?? q(e.budget, Math.max(voters, 1));
  // Supporters per project, for the tie-break (weighted when ballots stand for several voters).
  const supportersOf = prep.supporters.map((s) =>
    weights ? s.voter.reduce((a, v) => a + w(v), 0) : s.voter.length,
  );
  // Budget classes: voters sharing a budget value share a class.
  // Voters whose budgets are equal share a class, so the work grows with distinct budgets, not
  // voters; a voter whose budget reaches zero leaves every project's supporter groups for good.
  const values: Q[] = [];
  const classOf = new Int32Array(n);
  const byKey = new Map<string, number>();
  const classFor = (v: Q) => {
    const k = key(v);
    let c = byKey.get(k);
    if (c === undefined) {
      c = values.length;
      byKey.set(k, c);
      values.push(v);
      fvalues.push(toNumber(v));
    }
    return c;
  };
  const fvalues: number[] = [];
  if (options.endowments)
    options.endowments.forEach((v, i) => {
      classOf[i] = classFor(v);
    });
  else classFor(endowment);
  const spent = (cls: number) => values[cls]!.n === 0n;
  const u = (p: number, pts: number): bigint => {
    const base = utility === 'cost' ? prep.costs[p]! : 1n;
    return base * BigInt(Math.round(pts));
  };
  // `fvalues` are float shadows of the class values: candidates are ranked in floating point and
  // only the near-ties (and near-affordable projects) are settled in exact arithmetic.
  const alive = new Set(e.projects.map((_, i) => i));
  const selected: string[] = [];
  const rounds: MesRound[] = [];
  let cost = 0;
  const EPS = 1e-9;
  type Group = { cls: number; pts: number; count: number };
  // Per project, its supporters counted by (class, points), kept up to date as voters pay: only
  // the payers of a round move, so a round costs what they approved, not every ballot again.
  const gkey = (cls: number, pts: number) => (prep.hasPoints ? cls * 4096 + pts : cls);
  const counts: Map<number, Group>[] = e.projects.map(() => new Map());
  const ballotOf = ballotsOf(prep, n);
  prep.supporters.forEach((s, p) => {
    for (let k = 0; k < s.voter.length; k++) {
      const v = s.voter[k]!;
      const pts = s.points[k]!;
      if (pts <= 0 || spent(classOf[v]!)) continue;
      const gk = gkey(classOf[v]!, pts);
      const g = counts[p]!.get(gk);
      if (g) g.count += w(v);
      else counts[p]!.set(gk, { cls: classOf[v]!, pts, count: w(v) });
    }
  });
  const groupsOf = (p: number): Group[] => [...counts[p]!.values()];
  const moveVoter = (v: number, to: number) => {
    const from = classOf[v]!;
    const b = ballotOf[v]!;
    const weight = w(v);
    for (let k = 0; k < b.p.length; k++) {
      if (b.pts[k]! <= 0) continue;
      const m = counts[b.p[k]!]!;
      const pts = b.pts[k]!;
      const old = m.get(gkey(from, pts))!;
      old.count -= weight;
      if (old.count === 0) m.delete(gkey(from, pts));
      if (spent(to)) continue;
      const nk = gkey(to, pts);
      const g = m.get(nk);
      if (g) g.count += weight;
      else m.set(nk, { cls: to, pts, count: weight });
    }
    classOf[v] = to;
  };
  /** rho in floating point, or null when the supporters cannot afford the project. */
  const floatRho = (p: number, groups: Group[]): number | null => {
    const c = e.projects[p]!.cost;
    const fu = (g: Group) => (utility === 'cost' ? c : 1) * g.pts;
    const total = groups.reduce((a, g) => a + g.count * fvalues[g.cls]!, 0);
    if (total < c * (1 - EPS)) return null;
    const sorted = [...groups].sort((a, b) => fvalues[a.cls]! / fu(a) - fvalues[b.cls]! / fu(b));
    let remaining = c;
    let usum = sorted.reduce((a, g) => a + g.count * fu(g), 0);
    for (const g of sorted) {
      if ((fvalues[g.cls]! / fu(g)) * usum >= remaining * (1 - EPS)) return remaining / usum;
      remaining -= g.count * fvalues[g.cls]!;
      usum -= g.count * fu(g);
    }
    const lastG = sorted.at(-1)!;
    return fvalues[lastG.cls]! / fu(lastG);
  };
  /**
   * The exact rho, or null when the supporters cannot afford the project. The float rho splits
   * the groups: those clearly below it pay their whole budget, those clearly above pay rho x u;
   * only the few near it are ordered exactly. Sums are taken per denominator first, so they grow
   * with the distinct denominators, not with the number of groups.
   */
  const exactRho = (p: number, groups: Group[]): Q | null => {
    const R = raw;
    const list = groups.map((g) => ({
      b: values[g.cls]!,
      fb: fvalues[g.cls]!,
      u: u(p, g.pts),
      count: g.count,
    }));
    const c = q(prep.costs[p]!);
    if (list.length === 0 || cmp(sumOf(list.map((g) => [g.b, BigInt(g.count)])), c) < 0) return null;
    const fr = floatRho(p, groups) ?? largest(list.map((g) => g.fb / Number(g.u)));
    const capped: typeof list = [];
    const near: typeof list = [];
    let usum = 0n;
    for (const g of list) {
      const x = g.fb / Number(g.u);
      if (x < fr * (1 - 1e-9)) capped.push(g);
      else {
        usum += g.u * BigInt(g.count);
        if (x <= fr * (1 + 1e-9)) near.push(g);
      }
    }
    let remaining = sub(c, sumOf(capped.map((g) => [g.b, BigInt(g.count)])));
    // b/u ascending: compare b1 x u2 with b2 x u1 without building quotients.
    near.sort((a, b) => cmp(R.mul(a.b, q(b.u)), R.mul(b.b, q(a.u))));
    for (const g of near) {
      if (cmp(R.mul(g.b, q(usum)), R.mul(remaining, q(g.u))) >= 0) return div(remaining, q(usum));
      remaining = sub(remaining, mul(g.b, q(g.count)));
      usum -= g.u * BigInt(g.count);
    }
    if (usum > 0n) return div(remaining, q(usum));
    // Everyone pays their whole budget (it equals the cost): rho is the largest b/u.
    const last =
      near.at(-1) ?? capped.reduce((a, g) => (cmp(R.mul(g.b, q(a.u)), R.mul(a.b, q(g.u))) > 0 ? g : a));
    return div(last.b, q(last.u));
  };
  for (;;) {
    const candidates: { p: number; rho: number; groups: Group[]; supporters: number }[] = [];
    for (const p of [...alive]) {
      const groups = groupsOf(p);
      const rho = floatRho(p, groups);
      if (rho === null) {
        alive.delete(p);
        continue;
      }
      candidates.push({ p, rho, groups, supporters: supportersOf[p]! });
    }
    if (candidates.length === 0) break;
    const minRho = smallest(candidates.map((c) => c.rho));
    // Every candidate within rounding distance of the smallest rho is settled exactly.
    let best: { p: number; rho: Q; groups: Group[]; supporters: number } | null = null;
    for (const c of candidates) {
      if (c.rho > minRho * (1 + 1e-7) + 1e-15) continue;
      const rho = exactRho(c.p, c.groups);
      if (!rho) {
        alive.delete(c.p);
        continue;
      }
      const better =
        !best ||
        cmp(rho, best.rho) < 0 ||
        (cmp(rho, best.rho) === 0 &&
          (prep.costs[c.p]! < prep.costs[best.p]! ||
            (prep.costs[c.p] === prep.costs[best.p] &&
              (c.supporters > best.supporters || (c.supporters === best.supporters && c.p < best.p)))));
      if (better) best = { p: c.p, rho, groups: c.groups, supporters: c.supporters };
    }
    if (!best) continue;
    const { p, rho } = best;
    const s = prep.supporters[p]!;
    // Every supporter in one (class, points) group pays the same and moves to one new class.
    // Payers who are not capped pay rho x u, the same for every group with the same points; what
    // they keep is put over the least common denominator, with the gcd of denominators cached (few
    // distinct denominators, many classes), so no full reduction runs per class.
    const moved = new Map<number, { nc: number; pay: Q }>();
    const payFor = new Map<number, Q>();
    const gcdOf = new Map<number, Map<bigint, bigint>>();
    const paid = new Map<string, { amount: Q; voters: number }>();
    for (let k = 0; k < s.voter.length; k++) {
      const v = s.voter[k]!;
      const cls = classOf[v]!;
      const pts = s.points[k]!;
      if (pts <= 0 || spent(cls)) continue;
      const gk = prep.hasPoints ? cls * 4096 + pts : cls;
      let m = moved.get(gk);
      if (!m) {
        let pu = payFor.get(pts);
        if (!pu) {
          pu = mul(rho, q(u(p, pts)));
          payFor.set(pts, pu);
        }
        const b = values[cls]!;
        if (cmp(b, pu) <= 0) m = { nc: classFor(ZERO), pay: b };
        else {
          let byD = gcdOf.get(pts);
          if (!byD) {
            byD = new Map();
            gcdOf.set(pts, byD);
          }
          let g = byD.get(b.d);
          if (g === undefined) {
            g = gcd(b.d, pu.d);
            byD.set(b.d, g);
          }
          const left = { n: b.n * (pu.d / g) - pu.n * (b.d / g), d: (b.d / g) * pu.d };
          m = { nc: classFor(left), pay: pu };
        }
        moved.set(gk, m);
      }
      moveVoter(v, m.nc);
      const pk = key(m.pay);
      const entry = paid.get(pk);
      if (entry) entry.voters += w(v);
      else paid.set(pk, { amount: m.pay, voters: w(v) });
    }
    // The payments as the round reports them: equal amounts together, in lowest terms.
    const payments = new Map<string, { amount: string; voters: number }>();
    for (const x of paid.values()) {
      const amount = key(norm(x.amount));
      const entry = payments.get(amount);
      if (entry) entry.voters += x.voters;
      else payments.set(amount, { amount, voters: x.voters });
    }
    alive.delete(p);
    selected.push(e.projects[p]!.id);
    cost += e.projects[p]!.cost;
    rounds.push({
      project: e.projects[p]!.id,
      rho: key(rho),
      payments: [...payments.values()],
    });
  }
  const start = options.endowments ?? null;
  const spentByVoter = () =>
    Array.from(classOf, (cls, i) => sub(start ? start[i]! : endowment, values[cls]!));
  return {
    selected,
    cost,
    rule: `equalshares (${utility} utilities)`,
    tieBreak: TIE_MES,
    rounds,
    endowment: key(endowment),
    spentByVoter,
  };
}

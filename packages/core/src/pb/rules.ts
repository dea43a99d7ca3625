import { add, cmp, div, key, min, mul, type Q, q, sub, ZERO } from './rational.ts';

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
const TIE_PHRAGMEN = 'smallest load, then lower cost, then file order';

interface Prepared {
  costs: bigint[];
  /** Supporters of each project: voter index and the points they gave (1 on approval ballots). */
  supporters: { voter: Int32Array; points: Float64Array }[];
  hasPoints: boolean;
}

function prepare(e: Election): Prepared {
  const index = new Map(e.projects.map((p, i) => [p.id, i]));
  const lists = e.projects.map(() => ({ voter: [] as number[], points: [] as number[] }));
  let hasPoints = false;
  e.ballots.forEach((b, v) => {
    b.vote.forEach((pid, k) => {
      const i = index.get(pid);
      if (i === undefined) return;
      const pts = b.points?.[k] ?? 1;
      if (b.points) hasPoints = true;
      if (pts <= 0) return;
      lists[i]!.voter.push(v);
      lists[i]!.points.push(pts);
    });
  });
  return {
    costs: e.projects.map((p) => BigInt(p.cost)),
    supporters: lists.map((l) => ({ voter: Int32Array.from(l.voter), points: Float64Array.from(l.points) })),
    hasPoints,
  };
}

/** Votes per project: supporters on approval ballots, total points on cumulative ones. */
export function votesOf(e: Election): number[] {
  const prep = prepare(e);
  return prep.supporters.map((s) => s.points.reduce((a, b) => a + b, 0));
}

/**
 * Greedy (utilitarian): by votes, ties by lower cost, then file order; fund each project that still
 * fits ("skip"), or stop at the first that does not ("no-skip"). Projects under `threshold` votes are
 * not eligible.
 */
export function greedy(e: Election, options: { skip?: boolean; threshold?: number } = {}): Outcome {
  const skip = options.skip ?? true;
  const votes = votesOf(e);
  const order = e.projects
    .map((p, i) => ({ p, i, v: votes[i]! }))
    .filter((x) => x.v >= (options.threshold ?? 0))
    .sort((a, b) => b.v - a.v || a.p.cost - b.p.cost || a.i - b.i);
  const selected: string[] = [];
  let cost = 0;
  for (const x of order) {
    if (cost + x.p.cost <= e.budget) {
      selected.push(x.p.id);
      cost += x.p.cost;
    } else if (!skip) break;
  }
  return { selected, cost, rule: skip ? 'greedy' : 'greedy-no-skip', tieBreak: TIE_GREEDY };
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
  spentByVoter: Q[];
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
  options: { utility?: 'cost' | 'cardinality'; endowment?: Q; endowments?: readonly Q[] } = {},
): MesOutcome {
  const prep = prepare(e);
  const n = e.ballots.length;
  const utility = options.utility ?? 'cost';
  const endowment = options.endowment ?? q(e.budget, Math.max(n, 1));
  // Budget classes: voters sharing a budget value share a class.
  const values: Q[] = [];
  const classOf = new Int32Array(n);
  if (options.endowments) {
    const byKey = new Map<string, number>();
    options.endowments.forEach((v, i) => {
      const k = key(v);
      if (!byKey.has(k)) {
        byKey.set(k, values.length);
        values.push(v);
      }
      classOf[i] = byKey.get(k)!;
    });
  } else values.push(endowment);
  const u = (p: number, pts: number): bigint => {
    const base = utility === 'cost' ? prep.costs[p]! : 1n;
    return base * BigInt(Math.round(pts));
  };
  const alive = new Set(e.projects.map((_, i) => i));
  const selected: string[] = [];
  const rounds: MesRound[] = [];
  let cost = 0;
  for (;;) {
    let best: { p: number; rho: Q; supporters: number } | null = null;
    for (const p of [...alive]) {
      const s = prep.supporters[p]!;
      // Group supporters by (budget class, utility).
      const groups = new Map<string, { b: Q; u: bigint; count: number }>();
      for (let k = 0; k < s.voter.length; k++) {
        const cls = classOf[s.voter[k]!]!;
        const uu = u(p, s.points[k]!);
        const gk = prep.hasPoints ? `${cls}:${uu}` : String(cls);
        const g = groups.get(gk);
        if (g) g.count++;
        else groups.set(gk, { b: values[cls]!, u: uu, count: 1 });
      }
      const list = [...groups.values()].filter((g) => g.u > 0n);
      const total = list.reduce((acc, g) => add(acc, mul(g.b, q(g.count))), ZERO);
      const c = q(prep.costs[p]!);
      if (list.length === 0 || cmp(total, c) < 0) {
        alive.delete(p);
        continue;
      }
      list.sort((a, b) => cmp(div(a.b, q(a.u)), div(b.b, q(b.u))));
      let remaining = c;
      let usum = list.reduce((acc, g) => acc + g.u * BigInt(g.count), 0n);
      let rho: Q | null = null;
      for (const g of list) {
        if (cmp(mul(div(g.b, q(g.u)), q(usum)), remaining) >= 0) {
          rho = div(remaining, q(usum));
          break;
        }
        remaining = sub(remaining, mul(g.b, q(g.count)));
        usum -= g.u * BigInt(g.count);
      }
      if (!rho) {
        // Exactly everything: the last group pays all it has.
        rho = div(list.at(-1)!.b, q(list.at(-1)!.u));
      }
      const count = s.voter.length;
      const better =
        !best ||
        cmp(rho, best.rho) < 0 ||
        (cmp(rho, best.rho) === 0 &&
          (prep.costs[p]! < prep.costs[best.p]! ||
            (prep.costs[p] === prep.costs[best.p] &&
              (count > best.supporters || (count === best.supporters && p < best.p)))));
      if (better) best = { p, rho, supporters: count };
    }
    if (!best) break;
    const { p, rho } = best;
    const s = prep.supporters[p]!;
    const newClass = new Map<string, number>();
    const paid = new Map<string, { amount: Q; voters: number }>();
    for (let k = 0; k < s.voter.length; k++) {
      const v = s.voter[k]!;
      const cls = classOf[v]!;
      const uu = u(p, s.points[k]!);
      const gk = `${cls}:${uu}`;
      let nc = newClass.get(gk);
      const pay = min(values[cls]!, mul(rho, q(uu)));
      if (nc === undefined) {
        nc = values.length;
        values.push(sub(values[cls]!, pay));
        newClass.set(gk, nc);
      }
      classOf[v] = nc;
      const pk = key(pay);
      const entry = paid.get(pk);
      if (entry) entry.voters++;
      else paid.set(pk, { amount: pay, voters: 1 });
    }
    alive.delete(p);
    selected.push(e.projects[p]!.id);
    cost += e.projects[p]!.cost;
    rounds.push({
      project: e.projects[p]!.id,
      rho: key(rho),
      payments: [...paid.values()].map((x) => ({ amount: key(x.amount), voters: x.voters })),
    });
  }
  const start = options.endowments ?? null;
  const spentByVoter = Array.from(classOf, (cls, i) => sub(start ? start[i]! : endowment, values[cls]!));
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

/**
 * Equal Shares completed by "add1": rerun with the per-voter endowment raised one currency unit at
 * a time from floor(B/n), and keep the last outcome that still costs at most B (stop before the
 * first that overspends). Optionally a greedy pass by votes then fills what is left, and the
 * outcome may be compared with plain greedy (kept unless strictly more voters prefer greedy).
 */
export function equalSharesAdd1(
  e: Election,
  options: {
    utility?: 'cost' | 'cardinality';
    greedyCompletion?: boolean;
    compareGreedy?: boolean;
    threshold?: number;
  } = {},
): MesOutcome & {
  steps: number;
  stopRule: string;
  comparison?: { preferGreedy: number; preferMes: number; kept: 'mes' | 'greedy' };
} {
  const n = Math.max(e.ballots.length, 1);
  let endowment = Math.floor(e.budget / n);
  let last = equalShares(e, { utility: options.utility, endowment: q(endowment) });
  let lastEndowment = endowment;
  let steps = 1;
  if (last.cost > e.budget) {
    // Even the plain share overspends (it cannot: B/n x n = B); kept for safety.
    last = equalShares(e, { utility: options.utility });
  } else {
    for (;;) {
      if (last.selected.length === e.projects.length || endowment > e.budget) break;
      endowment += 1;
      const next = equalShares(e, { utility: options.utility, endowment: q(endowment) });
      steps++;
      if (next.cost > e.budget) break;
      last = next;
      lastEndowment = endowment;
    }
  }
  let outcome: MesOutcome = last;
  let rule = `equalshares/add1 (${options.utility ?? 'cost'} utilities)`;
  if (options.greedyCompletion) {
    const chosen = new Set(outcome.selected);
    let cost = outcome.cost;
    const extra: string[] = [];
    const votes = votesOf(e);
    const order = e.projects
      .map((p, i) => ({ p, i, v: votes[i]! }))
      .filter((x) => !chosen.has(x.p.id) && x.v >= (options.threshold ?? 0))
      .sort((a, b) => b.v - a.v || a.p.cost - b.p.cost || a.i - b.i);
    for (const x of order)
      if (cost + x.p.cost <= e.budget) {
        extra.push(x.p.id);
        cost += x.p.cost;
      }
    outcome = { ...outcome, selected: [...outcome.selected, ...extra], cost };
    rule += ' + greedy completion';
  }
  let comparison: Comparison | undefined;
  if (options.compareGreedy) {
    const compared = compareWithGreedy(e, outcome, options.threshold);
    comparison = compared.comparison;
    outcome = {
      ...outcome,
      selected: compared.outcome.selected,
      cost: compared.outcome.cost,
      ...(comparison.kept === 'greedy' ? { rounds: [] } : {}),
    };
    rule += ' compared with greedy';
  }
  return {
    ...outcome,
    rule,
    endowment: String(lastEndowment),
    steps,
    stopRule:
      'add1: the last endowment whose outcome costs at most the budget (stops before the first that overspends)',
    ...(comparison ? { comparison } : {}),
  };
}

export interface Comparison {
  preferGreedy: number;
  preferMes: number;
  kept: 'mes' | 'greedy';
}

/**
 * The comparison step ("-comparison" rules): a voter prefers the outcome in which more of the
 * projects they voted for are funded; greedy replaces the Equal Shares outcome only if strictly
 * more voters prefer it.
 */
export function compareWithGreedy<T extends Outcome>(e: Election, mes: T, threshold?: number) {
  const g = greedy(e, { skip: true, threshold });
  const inMes = new Set(mes.selected);
  const inGreedy = new Set(g.selected);
  let preferGreedy = 0;
  let preferMes = 0;
  for (const b of e.ballots) {
    const m = b.vote.filter((p) => inMes.has(p)).length;
    const gg = b.vote.filter((p) => inGreedy.has(p)).length;
    if (gg > m) preferGreedy++;
    else if (m > gg) preferMes++;
  }
  const kept: Comparison['kept'] = preferGreedy > preferMes ? 'greedy' : 'mes';
  return { outcome: kept === 'greedy' ? g : mes, comparison: { preferGreedy, preferMes, kept } };
}

/**
 * Sequential Phragmén: every voter carries a load from 0; each round the project with the smallest
 * t(p) = (cost + the supporters' loads) / supporters is chosen and its supporters' loads become
 * t(p); the rule stops at the first chosen project that no longer fits the budget.
 */
export function phragmen(e: Election): Outcome {
  const prep = prepare(e);
  const loads: Q[] = Array.from({ length: e.ballots.length }, () => ZERO);
  const alive = new Set(e.projects.map((_, i) => i).filter((i) => prep.supporters[i]!.voter.length > 0));
  const selected: string[] = [];
  let cost = 0;
  while (alive.size) {
    let best: { p: number; t: Q } | null = null;
    for (const p of alive) {
      const s = prep.supporters[p]!;
      let sum = q(prep.costs[p]!);
      for (const v of s.voter) sum = add(sum, loads[v]!);
      const t = div(sum, q(s.voter.length));
      if (
        !best ||
        cmp(t, best.t) < 0 ||
        (cmp(t, best.t) === 0 &&
          (prep.costs[p]! < prep.costs[best.p]! || (prep.costs[p] === prep.costs[best.p] && p < best.p)))
      )
        best = { p, t };
    }
    const chosen = best!;
    if (cost + e.projects[chosen.p]!.cost > e.budget) break;
    for (const v of prep.supporters[chosen.p]!.voter) loads[v] = chosen.t;
    alive.delete(chosen.p);
    selected.push(e.projects[chosen.p]!.id);
    cost += e.projects[chosen.p]!.cost;
  }
  return { selected, cost, rule: 'phragmen', tieBreak: TIE_PHRAGMEN };
}

/** Endowments that correct unequal turnout: voters of district d share d's part of the budget. */
export function districtEndowments(
  e: Election,
  districtOf: (voter: string) => string,
  shares: Readonly<Record<string, number>>,
): Q[] {
  const counts = new Map<string, number>();
  for (const b of e.ballots) counts.set(districtOf(b.voter), (counts.get(districtOf(b.voter)) ?? 0) + 1);
  const totalShare = Object.values(shares).reduce((a, b) => a + b, 0);
  return e.ballots.map((b) => {
    const d = districtOf(b.voter);
    const share = shares[d] ?? 0;
    // budget x share / total share / voters of d, kept exact on integer shares.
    return q(
      BigInt(e.budget) * BigInt(Math.round(share * 1e6)),
      BigInt(Math.round(totalShare * 1e6)) * BigInt(counts.get(d)!),
    );
  });
}

/** Quality measures beside any outcome. */
export function quality(e: Election, selected: readonly string[]) {
  const chosen = new Set(selected);
  const cost = new Map(e.projects.map((p) => [p.id, p.cost]));
  let withOne = 0;
  let satisfaction = 0;
  let share = 0;
  for (const b of e.ballots) {
    const funded = b.vote.filter((p) => chosen.has(p));
    if (funded.length) withOne++;
    const got = funded.reduce((s, p) => s + (cost.get(p) ?? 0), 0);
    const wanted = b.vote.reduce((s, p) => s + (cost.get(p) ?? 0), 0);
    satisfaction += got;
    share += wanted ? got / wanted : 0;
  }
  const n = Math.max(e.ballots.length, 1);
  const spent = selected.reduce((s, p) => s + (cost.get(p) ?? 0), 0);
  return {
    budgetUsed: e.budget ? spent / e.budget : 0,
    votersWithOne: withOne,
    exclusionRatio: e.ballots.length ? (e.ballots.length - withOne) / e.ballots.length : 0,
    meanSatisfaction: satisfaction / n,
    meanSatisfactionShare: share / n,
  };
}

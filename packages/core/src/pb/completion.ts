import { type Add1Board, type Add1Job, endsAt, Posted, postedOf, takeTurns } from './add1-board.ts';
import { Workspace } from './mes-lists.ts';
import { add, cmp, div, type Q, q, ZERO } from './rational.ts';
import {
  collapseBallots,
  type Election,
  equalShares,
  greedy,
  type MesOutcome,
  type Outcome,
  prepare,
  TIE_PHRAGMEN,
  votesOf,
} from './rules.ts';

/** Completing and judging an Equal Shares outcome: Add1 (raise the budget until it is spent), the comparison with greedy, Phragmén's rule as an alternative, district endowments and quality measures. */
/**
 * Equal Shares completed by "add1": rerun with the per-voter endowment raised one currency unit at
 * a time from floor(B/n), and keep the last outcome that still costs at most B (stop before the
 * first that overspends). `step` is the unit: 1 reproduces elections held in zloty or euro; in
 * rupiah, where a share runs to hundreds of thousands, a coarser unit (e.g. Rp1.000) keeps the
 * number of reruns in the hundreds, and the unit is written in the stop rule. Optionally a greedy pass by votes then fills what is left, and the
 * outcome may be compared with plain greedy (kept unless strictly more voters prefer greedy).
 */
export function equalSharesAdd1(
  e: Election,
  options: {
    utility?: 'cost' | 'cardinality';
    greedyCompletion?: boolean;
    compareGreedy?: boolean;
    threshold?: number;
    step?: number;
    /** A second thread for some of the runs (apps/server's pb/add1-helper.ts): a board it takes from. */
    help?: (job: Add1Job) => Add1Board | undefined;
  } = {},
): MesOutcome & {
  steps: number;
  stopRule: string;
  comparison?: { preferGreedy: number; preferMes: number; kept: 'mes' | 'greedy' };
} {
  const n = Math.max(e.ballots.length, 1);
  const step = Math.max(1, Math.floor(options.step ?? 1));
  // Identical ballots are counted once with their weight, and the election is prepared once for
  // every run of the rule.
  const collapsed = collapseBallots(e);
  const { prepared } = collapsed;
  const job: Add1Job = {
    budget: e.budget,
    projects: e.projects.map((p) => ({ id: p.id, cost: p.cost })),
    rows: prepared.byVoter,
    hasPoints: prepared.hasPoints,
    weights: Float64Array.from(collapsed.weights),
    utility: options.utility ?? 'cost',
    base: Math.floor(e.budget / n),
    step,
  };
  // Two workspaces in turn: the outcomes of this thread's last two runs stay readable.
  const spaces = [0, 1].map(() => new Workspace(collapsed.election.ballots.length, e.projects.length));
  let turn = 0;
  const recent: { k: number; outcome: MesOutcome }[] = [];
  const runAt = (k: number) => {
    const outcome = equalShares(collapsed.election, {
      utility: options.utility,
      endowment: q(job.base + k * step),
      prepared,
      weights: job.weights,
      workspace: spaces[turn++ % 2],
    });
    recent.unshift({ k, outcome });
    recent.length = Math.min(recent.length, 2);
    return postedOf(outcome, job);
  };
  // The first index that ends the search: its outcome overspends (B/n x n <= B, so never the
  // first), funds every project, or its endowment is past the budget. With a second thread, both
  // take endowments from the board and this one then reads what the other posted, in order.
  const board = options.help?.(job);
  let last = -1;
  let posted: Posted = Posted.None;
  if (board) takeTurns(board, job, runAt);
  for (let k = 0; last < 0; k++) {
    // The other thread may be late or gone: after the board's patience the run is made here too
    // (both give the same).
    let p = board && k < board.capacity ? board.read(k) : Posted.None;
    if (p === Posted.None) p = runAt(k);
    if (endsAt(job, k, p)) [last, posted] = [k, p];
  }
  board?.close();
  const keptAt = posted === Posted.Overspends && last > 0 ? last - 1 : last;
  const steps = last + 1;
  if (!recent.some((r) => r.k === keptAt)) runAt(keptAt);
  const kept = recent.find((r) => r.k === keptAt)!.outcome;
  const lastEndowment = job.base + keptAt * step;
  // What each voter spent: their kept ballot's. The rounds stay a getter, worked out when read.
  let outcome: MesOutcome = lazyRounds(kept, {
    spentByVoter: () => {
      const spent = kept.spentByVoter();
      return Array.from(collapsed.keptOf, (i) => spent[i]!);
    },
  });
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
    outcome = lazyRounds(outcome, { selected: [...outcome.selected, ...extra], cost });
    rule += ' + greedy completion';
  }
  let comparison: Comparison | undefined;
  if (options.compareGreedy) {
    const compared = compareWithGreedy(e, outcome, options.threshold);
    comparison = compared.comparison;
    outcome = lazyRounds(outcome, {
      selected: compared.outcome.selected,
      cost: compared.outcome.cost,
      ...(comparison.kept === 'greedy' ? { rounds: [] as MesOutcome['rounds'] } : {}),
    });
    rule += ' compared with greedy';
  }
  return lazyRounds(outcome, {
    rule,
    endowment: String(lastEndowment),
    steps,
    stopRule: `add1 in steps of ${step}: the last endowment whose outcome costs at most the budget (stops before the first that overspends)`,
    ...(comparison ? { comparison } : {}),
  });
}

/**
 * The outcome with some fields changed and its rounds still read from it when asked: a spread would
 * call the getter, and the exact rho and payments of every round are a third of a large run's time.
 */
function lazyRounds<C extends Partial<MesOutcome>>(outcome: MesOutcome, changes: C): MesOutcome & C {
  const { rounds: _, ...rest } = Object.getOwnPropertyDescriptors(outcome);
  const out = Object.defineProperties({}, rest) as MesOutcome & C;
  if (!('rounds' in changes))
    Object.defineProperty(out, 'rounds', { get: () => outcome.rounds, enumerable: true });
  return Object.assign(out, changes);
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

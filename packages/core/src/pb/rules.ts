import { votesOf } from './ballots.ts';

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

export { equalShares, type MesOutcome, type MesRound } from './mes.ts';

import type { Rows } from './ballots.ts';
import { preparedOf } from './ballots.ts';
import { equalShares } from './mes.ts';
import { Workspace } from './mes-lists.ts';
import { q } from './rational.ts';
import type { Election } from './rules.ts';

/**
 * Add1's runs shared between threads. Each run of Equal Shares at one endowment is independent of
 * the others, so a second thread can work out some of them while this one works out the rest: both
 * take the next endowment from a board in shared memory, post what its outcome was (fits, overspends,
 * or funds every project), and stop once an earlier one is known to end the search. The search then
 * ends where it would have ended one endowment at a time, so the outcome is the same. Only plain
 * JavaScript (SharedArrayBuffer, Atomics) is used here; the thread itself is the caller's.
 */

/** What the run at one endowment gave: nothing yet, it fits, it overspends, it fits and funds every project. */
export const Posted = { None: 0, Fits: 1, Overspends: 2, FundsAll: 3 } as const;
export type Posted = (typeof Posted)[keyof typeof Posted];

const NEXT = 0;
const STOP = 1;
const FIRST = 2;
/** No index ends the search yet. */
const OPEN = 0x7fffffff;

/**
 * The board: the next endowment's index to take, the least index known to end the search, and what
 * each index gave. Holds `capacity` indices; past them the thread that owns the search goes on alone.
 */
export class Add1Board {
  readonly cells: Int32Array;
  readonly capacity: number;

  /**
   * @param patience how long (ms) the first thread waits for an index the other took before it makes
   * that run itself: a thread that stopped (or was stopped) never posts it. Both would give the same,
   * so a late thread costs a run twice, never a different outcome.
   */
  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly patience = 1_000,
  ) {
    this.cells = new Int32Array(buffer);
    this.capacity = this.cells.length - FIRST;
  }

  /** A board for `capacity` endowments (4 bytes each). */
  static create(capacity = 16_384): Add1Board {
    const board = new Add1Board(new SharedArrayBuffer(4 * (FIRST + capacity)));
    board.cells[STOP] = OPEN;
    return board;
  }

  /** The next index to work out, or -1 when the search has ended before it or the board is full. */
  take(): number {
    const k = Atomics.add(this.cells, NEXT, 1);
    return k < this.capacity && k <= Atomics.load(this.cells, STOP) ? k : -1;
  }

  /** Posts what index k gave; `ends` when the search cannot go past it. */
  post(k: number, posted: Posted, ends: boolean): void {
    if (ends)
      for (let stop = Atomics.load(this.cells, STOP); k < stop; ) {
        const was = Atomics.compareExchange(this.cells, STOP, stop, k);
        if (was === stop) break;
        stop = was;
      }
    Atomics.store(this.cells, FIRST + k, posted);
    Atomics.notify(this.cells, FIRST + k);
  }

  /** What index k gave, waiting up to `patience` for it (None when it has not come). */
  read(k: number): Posted {
    const at = FIRST + k;
    if (Atomics.load(this.cells, at) === Posted.None)
      Atomics.wait(this.cells, at, Posted.None, this.patience);
    return Atomics.load(this.cells, at) as Posted;
  }

  /** Every index from here on is refused (the owner has what it needs, or is giving up). */
  close(): void {
    Atomics.store(this.cells, STOP, -1);
  }
}

/** What a second thread needs to work out Add1's runs: the election with identical ballots kept once. */
export interface Add1Job {
  budget: number;
  projects: { id: string; cost: number }[];
  /** The kept ballots as project indices and points (Prepared.byVoter), and whether any has points. */
  rows: Rows;
  hasPoints: boolean;
  /** How many voters each kept ballot stands for (a typed array: copied to the thread, not walked). */
  weights: Float64Array;
  utility: 'cost' | 'cardinality';
  /** The endowment of index k is base + k x step. */
  base: number;
  step: number;
}

/** Whether index k ends the search: its outcome overspends or funds every project, or its endowment is past the budget. */
export function endsAt(job: Pick<Add1Job, 'budget' | 'base' | 'step'>, k: number, posted: Posted): boolean {
  return posted !== Posted.Fits || job.base + k * job.step > job.budget;
}

export function postedOf(outcome: { cost: number; selected: readonly string[] }, job: Add1Job): Posted {
  if (outcome.cost > job.budget) return Posted.Overspends;
  return outcome.selected.length === job.projects.length ? Posted.FundsAll : Posted.Fits;
}

/**
 * Takes endowments from the board, runs each and posts what it gave, until the search has ended or
 * the board is full: both threads' part (equalSharesAdd1 and helpAdd1). How many it ran.
 */
export function takeTurns(board: Add1Board, job: Add1Job, run: (k: number) => Posted): number {
  let done = 0;
  for (let k = board.take(); k >= 0; k = board.take()) {
    const posted = run(k);
    board.post(k, posted, endsAt(job, k, posted));
    done++;
  }
  return done;
}

/**
 * The second thread's part: takes endowments from the board and posts what each gave until the
 * search has ended (equalSharesAdd1 in completion.ts is the first thread's). Its outcomes are not
 * kept; the first thread runs again the one it keeps, if it was worked out here.
 */
export function helpAdd1(job: Add1Job, board: Add1Board): number {
  const ballots = Array.from({ length: job.weights.length }, (_, i) => ({ voter: String(i), vote: [] }));
  const election: Election = { budget: job.budget, projects: job.projects, ballots };
  const prepared = preparedOf(election, job.rows, job.hasPoints);
  const workspace = new Workspace(ballots.length, job.projects.length);
  return takeTurns(board, job, (k) =>
    postedOf(
      equalShares(election, {
        utility: job.utility,
        endowment: q(job.base + k * job.step),
        prepared,
        weights: job.weights,
        workspace,
      }),
      job,
    ),
  );
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Add1Board, type Add1Job, helpAdd1, Posted } from './add1-board.ts';
import { equalSharesAdd1 } from './completion.ts';
import { decided } from './plain-mes.test-support.ts';
import type { Election } from './rules.ts';

/**
 * Add1 with a second thread's board (the thread itself is apps/server's; here its part is played
 * on this one, before or in pieces around the first thread's): the outcome must be the one the
 * search gives one endowment at a time, however the runs were shared.
 */
const elections = fc
  .record({
    costs: fc.array(fc.integer({ min: 5, max: 60 }), { minLength: 2, maxLength: 9 }),
    ballots: fc.array(fc.uniqueArray(fc.nat(8), { minLength: 1, maxLength: 4 }), {
      minLength: 3,
      maxLength: 60,
    }),
    budget: fc.integer({ min: 10, max: 300 }),
    points: fc.boolean(),
  })
  .map(
    ({ costs, ballots, budget, points }): Election => ({
      budget,
      projects: costs.map((c, i) => ({ id: `p${i}`, cost: c })),
      ballots: ballots.map((b, i) => {
        const vote = b.filter((x) => x < costs.length).map((x) => `p${x}`);
        return { voter: `v${i}`, vote, ...(points ? { points: vote.map((_, j) => 1 + ((i + j) % 3)) } : {}) };
      }),
    }),
  );

describe('Add1 shared between two threads through a board', () => {
  it('gives the outcome of the search one endowment at a time, whoever ran which endowment', () => {
    fc.assert(
      fc.property(
        elections,
        fc.constantFrom('cost' as const, 'cardinality' as const),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        (e, utility, helped, step) => {
          const alone = equalSharesAdd1(e, { utility, step });
          // The helper takes the first `helped` endowments it can before the first thread starts.
          const shared = equalSharesAdd1(e, {
            utility,
            step,
            help: (job) => {
              const board = Add1Board.create();
              const few = new Add1Board(board.buffer);
              for (let i = 0; i < helped; i++) {
                const k = few.take();
                if (k < 0) break;
                helpOne(job, few, k);
              }
              return board;
            },
          });
          expect(decided(shared)).toEqual(decided(alone));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('a helper that works out every endowment leaves the first thread only the one it keeps', () => {
    const e: Election = {
      budget: 100,
      projects: [
        { id: 'a', cost: 40 },
        { id: 'b', cost: 50 },
        { id: 'c', cost: 30 },
        { id: 'd', cost: 45 },
      ],
      ballots: Array.from({ length: 9 }, (_, i) => ({
        voter: `v${i}`,
        vote: i < 4 ? ['a', 'b'] : ['c', 'd'],
      })),
    };
    let done = 0;
    const shared = equalSharesAdd1(e, {
      help: (job) => {
        const board = Add1Board.create();
        done = helpAdd1(job, board);
        return board;
      },
    });
    const alone = equalSharesAdd1(e);
    expect(decided(shared)).toEqual(decided(alone));
    expect(done).toBe(alone.steps);
  });

  it('works out itself what a helper took and never posted, and goes on alone past the board', () => {
    const e: Election = {
      budget: 1_000,
      projects: Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, cost: 150 + 40 * i })),
      ballots: Array.from({ length: 50 }, (_, i) => ({
        voter: `v${i}`,
        vote: [`p${i % 6}`, `p${(i * 7) % 5}`],
      })),
    };
    const alone = equalSharesAdd1(e);
    expect(alone.steps).toBeGreaterThan(4);
    const started = Date.now();
    const shared = equalSharesAdd1(e, {
      help: () => {
        // A board of three endowments, the first two taken by a helper that then stopped.
        const board = new Add1Board(new SharedArrayBuffer(4 * 5), 100);
        board.cells[1] = 0x7fffffff;
        board.take();
        board.take();
        return board;
      },
    });
    expect(decided(shared)).toEqual(decided(alone));
    // It waited for each of the two, then ran them itself.
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('stops taking once an earlier endowment has ended the search', () => {
    const board = new Add1Board(Add1Board.create(10).buffer, 0);
    expect([board.take(), board.take(), board.take()]).toEqual([0, 1, 2]);
    board.post(1, Posted.Overspends, true);
    expect(board.take()).toBe(-1);
    expect(board.read(0)).toBe(Posted.None);
    expect(board.read(1)).toBe(Posted.Overspends);
    board.post(0, Posted.FundsAll, true);
    expect(board.cells[1]).toBe(0);
  });
});

/** The helper's run of one endowment k (helpAdd1 runs until the search ends). */
function helpOne(job: Add1Job, board: Add1Board, k: number) {
  const single = Add1Board.create(k + 1);
  // Let the single board hand out exactly k: earlier indices are marked as taken.
  single.cells[0] = k;
  helpAdd1(job, single);
  const posted = single.read(k);
  board.post(k, posted, single.cells[1] === k);
}

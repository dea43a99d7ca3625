import { type Election, equalSharesAdd1 } from '@sinergi/core';
import { afterAll, describe, expect, it } from 'vitest';
import { pbInstance } from '../../../../../bench/allocation.ts';
import { decided } from '../../../../../packages/core/src/pb/plain-mes.test-support.ts';
import { add1Help, add1HelperReady, add1HelperRuns, stopAdd1Helper } from './add1-helper.ts';

/** Add1 with its second thread, a real worker thread taking runs from the same board. */
describe('Add1 with a helper thread', () => {
  afterAll(stopAdd1Helper);

  it('gives the outcome of one thread alone, with the helper making some of the runs', async () => {
    await add1HelperReady();
    const elections: Election[] = [pbInstance(3_000, 40, 5), pbInstance(800, 25, 9)];
    // Cumulative ballots too: every ballot's points from its order.
    const points = pbInstance(1_500, 30, 2);
    elections.push({
      ...points,
      ballots: points.ballots.map((b) => ({ ...b, points: b.vote.map((_, i) => 1 + (i % 3)) })),
    });
    for (const e of elections) {
      const before = add1HelperRuns();
      const alone = equalSharesAdd1(e);
      const helped = equalSharesAdd1(e, { help: add1Help });
      expect(decided(helped)).toEqual(decided(alone));
      // The helper's count arrives as a message once this thread is free again.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(alone.steps).toBeGreaterThan(10);
      expect(add1HelperRuns() - before).toBeGreaterThan(0);
    }
  });

  it('runs the search alone when the helper thread is gone', async () => {
    await add1HelperReady();
    const e = pbInstance(500, 20, 3);
    const alone = equalSharesAdd1(e);
    const board = add1Help;
    await stopAdd1Helper();
    const helped = equalSharesAdd1(e, {
      help: (job) => {
        const b = board(job);
        // The thread started for this job is stopped before it can take anything.
        void stopAdd1Helper();
        return b;
      },
    });
    expect(decided(helped)).toEqual(decided(alone));
  });
});

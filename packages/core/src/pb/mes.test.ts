import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalSharesAdd1 } from './completion.ts';
import { plainMes } from './plain-mes.test-support.ts';
import { add, cmp, mul, q, sub } from './rational.ts';
import { collapseBallots, type Election, equalShares } from './rules.ts';

/**
 * Larger elections than pb.test.ts's, made to tie: costs from three values and ballots from a few
 * kinds, so projects often have the same rho to the last digit and voters are left with exactly
 * what a project asks of them. There the float run must hand over to exact rationals.
 */
const tied = fc
  .record({
    costs: fc.array(fc.constantFrom(10, 20, 30), { minLength: 3, maxLength: 10 }),
    kinds: fc.array(fc.uniqueArray(fc.nat(9), { minLength: 1, maxLength: 3 }), {
      minLength: 2,
      maxLength: 6,
    }),
    picks: fc.array(fc.nat(), { minLength: 20, maxLength: 120 }),
    budget: fc.integer({ min: 20, max: 400 }),
  })
  .map(
    ({ costs, kinds, picks, budget }): Election => ({
      budget,
      projects: costs.map((c, i) => ({ id: `p${i}`, cost: c })),
      ballots: picks.map((k, i) => ({
        voter: `v${i}`,
        vote: kinds[k % kinds.length]!.filter((x) => x < costs.length).map((x) => `p${x}`),
      })),
    }),
  );

describe('Equal Shares in floats, exact where too close to call', () => {
  it('agrees with the plain exact rule on every round of elections full of ties', () => {
    fc.assert(
      fc.property(tied, fc.constantFrom('cost' as const, 'cardinality' as const), (e, utility) => {
        const start = e.ballots.map(() => q(e.budget, e.ballots.length));
        const fast = equalShares(e, { utility });
        expect(fast.rounds.map((r) => ({ project: r.project, rho: r.rho }))).toEqual(
          plainMes(e, utility, start),
        );
        // What the rounds say was paid is what the voters spent, and nobody spent more than they had.
        const paid = fast.rounds.reduce(
          (sum, r) =>
            r.payments.reduce((s, p) => {
              const [n, d] = p.amount.split('/');
              return add(s, mul(q(BigInt(n!), BigInt(d!)), q(p.voters)));
            }, sum),
          q(0),
        );
        const spent = fast.spentByVoter();
        expect(spent.reduce(add, q(0))).toEqual(paid);
        for (const x of spent) expect(cmp(x, start[0]!)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with the plain rule on cumulative ballots and on district shares, one district given nothing', () => {
    fc.assert(
      fc.property(
        tied,
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('cost' as const, 'cardinality' as const),
        (plain, pts, cumulative, utility) => {
          const e: Election = cumulative
            ? {
                ...plain,
                ballots: plain.ballots.map((b, i) => ({
                  ...b,
                  points: b.vote.map((_, k) => pts[(i + k) % 12]!),
                })),
              }
            : plain;
          // Three districts by voter: shares 0, 1 and 2 of the budget (the first gets nothing).
          const n = e.ballots.length;
          const sizes = [0, 1, 2].map((d) => e.ballots.filter((_, i) => i % 3 === d).length);
          const start = e.ballots.map((_, i) =>
            i % 3 === 0 ? q(0) : q(e.budget * (i % 3), 3 * sizes[i % 3]!),
          );
          const fast = equalShares(e, { utility, endowments: start });
          expect(fast.rounds.map((r) => ({ project: r.project, rho: r.rho }))).toEqual(
            plainMes(e, utility, start),
          );
          expect(n).toBe(start.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('Add1 stops where raising the share one unit more would overspend, as the plain rule does step by step', () => {
    fc.assert(
      fc.property(tied, (e) => {
        const n = e.ballots.length;
        const costOf = (rounds: { project: string }[]) =>
          rounds.reduce((s, r) => s + e.projects.find((p) => p.id === r.project)!.cost, 0);
        let share = Math.floor(e.budget / n);
        let kept = plainMes(
          e,
          'cost',
          e.ballots.map(() => q(share)),
        );
        while (kept.length < e.projects.length && share <= e.budget) {
          const next = plainMes(
            e,
            'cost',
            e.ballots.map(() => q(share + 1)),
          );
          if (costOf(next) > e.budget) break;
          kept = next;
          share++;
        }
        const fast = equalSharesAdd1(e);
        expect(fast.selected).toEqual(kept.map((r) => r.project));
        expect(fast.endowment).toBe(String(share));
        expect(fast.rounds.map((r) => r.rho)).toEqual(kept.map((r) => r.rho));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same rounds with identical ballots counted once, and the same spending per voter', () => {
    fc.assert(
      fc.property(tied, (e) => {
        const c = collapseBallots(e);
        const plain = equalShares(e);
        const weighted = equalShares(c.election, { weights: c.weights });
        expect(weighted.rounds).toEqual(plain.rounds);
        const spent = weighted.spentByVoter();
        expect(Array.from(c.keptOf, (i) => spent[i])).toEqual(plain.spentByVoter());
        expect(sub(q(e.budget), plain.spentByVoter().reduce(add, q(0))).n >= 0n).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

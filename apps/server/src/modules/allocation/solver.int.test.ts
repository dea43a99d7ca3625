import { objectiveOf, type PortfolioItem, type PortfolioRules, violations } from '@sinergi/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solvePortfolio } from './solver.ts';

/** Every subset, for instances small enough to check the solver against. */
function bruteForce(items: readonly PortfolioItem[], rules: PortfolioRules) {
  let best: number | null = null;
  for (let mask = 0; mask < 1 << items.length; mask++) {
    const chosen = new Set(items.filter((_, i) => mask & (1 << i)).map((it) => it.id));
    if (violations(items, rules, chosen).length) continue;
    const v = objectiveOf(items, chosen);
    if (best === null || v > best) best = v;
  }
  return best;
}

const options = { timeLimit: 20, gap: 0 };

describe('optimal portfolio (HiGHS in a worker thread)', () => {
  it('equals the best of all subsets on random small scenarios, keeps every rule, and says infeasible exactly when no subset fits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            cost: fc.integer({ min: 1, max: 50 }).map((c) => c * 1_000_000),
            score: fc.integer({ min: 0, max: 20 }),
            opd: fc.constantFrom('PU', 'DINKES'),
            kecamatan: fc.constantFrom('K1', 'K2', 'K3'),
          }),
          { minLength: 1, maxLength: 9 },
        ),
        fc.integer({ min: 0, max: 150 }).map((b) => b * 1_000_000),
        fc.record({
          cap: fc.option(fc.integer({ min: 0, max: 100 }).map((c) => c * 1_000_000)),
          floor: fc.option(fc.integer({ min: 0, max: 40 }).map((c) => c * 1_000_000)),
          must: fc.option(fc.nat(8)),
          req: fc.option(fc.tuple(fc.nat(8), fc.nat(8))),
          excl: fc.option(fc.tuple(fc.nat(8), fc.nat(8))),
        }),
        async (raw, budget, r) => {
          const items: PortfolioItem[] = raw.map((x, i) => ({ id: `p${i}`, ...x }));
          const id = (n: number) => `p${n % items.length}`;
          const rules: PortfolioRules = {
            budget,
            ...(r.cap !== null ? { opdCaps: { PU: r.cap } } : {}),
            ...(r.floor !== null ? { kecamatanFloors: { K1: r.floor } } : {}),
            ...(r.must !== null ? { mustFund: [id(r.must)] } : {}),
            ...(r.req !== null && id(r.req[0]) !== id(r.req[1])
              ? { requires: [[id(r.req[0]), id(r.req[1])] as const] }
              : {}),
            ...(r.excl !== null && id(r.excl[0]) !== id(r.excl[1])
              ? { exclusive: [[id(r.excl[0]), id(r.excl[1])]] }
              : {}),
          };
          const best = bruteForce(items, rules);
          const result = await solvePortfolio(items, rules, options);
          if (best === null) {
            expect(result.status).toBe('infeasible');
            expect(result.conflicts!.length).toBeGreaterThan(0);
            return;
          }
          expect(result.status).toBe('optimal');
          expect(violations(items, rules, new Set(result.selected))).toEqual([]);
          expect(result.objective).toBe(best);
          expect(result.objective!).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('names an irreducible set of conflicting rules and the least relaxation', async () => {
    const items: PortfolioItem[] = [
      { id: 'a', cost: 500_000_000, score: 9, kecamatan: 'K1' },
      { id: 'b', cost: 400_000_000, score: 7, kecamatan: 'K1' },
      { id: 'c', cost: 200_000_000, score: 1, kecamatan: 'K3' },
      { id: 'd', cost: 100_000_000, score: 1, kecamatan: 'K2' },
    ];
    const r = await solvePortfolio(
      items,
      {
        budget: 1_000_000_000,
        mustFund: ['a', 'b'],
        kecamatanFloors: { K3: 200_000_000 },
        exclusive: [['c', 'd']],
      },
      options,
    );
    expect(r.status).toBe('infeasible');
    // The exclusive pair has nothing to do with it: an irreducible set leaves it out.
    expect(r.conflicts).toEqual([
      { kind: 'budget' },
      { kind: 'kecamatanFloor', key: 'K3' },
      { kind: 'mustFund', id: 'a' },
      { kind: 'mustFund', id: 'b' },
    ]);
    expect(r.relaxation).toEqual([{ rule: { kind: 'budget' }, by: 100_000_000 }]);
    expect(r.greedy.selected).toEqual(['a', 'b', 'd']);
  });
});

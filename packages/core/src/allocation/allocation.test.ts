import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahpWeights, normalise, weightedScores } from './criteria.ts';
import {
  buildPortfolioModel,
  greedyPortfolio,
  modelAsLp,
  modelAsMatrix,
  type PortfolioItem,
  violations,
} from './portfolio.ts';

describe('criteria', () => {
  it('normalises min–max, turning the scale around for a criterion where less is better', () => {
    expect(normalise([10, 20, 30], 'benefit')).toEqual([0, 0.5, 1]);
    expect(normalise([10, 20, 30], 'cost')).toEqual([1, 0.5, 0]);
    expect(normalise([7, 7], 'benefit')).toEqual([1, 1]);
    const scores = weightedScores(
      [
        { benef: 100, cpb: 5 },
        { benef: 300, cpb: 1 },
      ],
      [
        { code: 'benef', direction: 'benefit', weight: 3 },
        { code: 'cpb', direction: 'cost', weight: 1 },
      ],
    );
    expect(scores).toEqual([0, 1]);
  });

  it('derives AHP weights from a consistent matrix with CR 0', () => {
    // Weights 4:2:1 exactly.
    const r = ahpWeights([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ]);
    expect(r.weights.map((w) => Math.round(w * 700) / 100)).toEqual([4, 2, 1]);
    expect(r.consistencyRatio).toBeCloseTo(0, 9);
  });

  it('refuses an inconsistent matrix with its ratio, and a matrix that is not reciprocal', () => {
    const inconsistent = [
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ];
    expect(() => ahpWeights(inconsistent)).toThrowError(
      expect.objectContaining({ issues: [expect.objectContaining({ issue: 'ahp_inconsistent' })] }),
    );
    expect(() =>
      ahpWeights([
        [1, 3],
        [3, 1],
      ]),
    ).toThrowError(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

const itemArb = fc.array(
  fc.record({ cost: fc.integer({ min: 0, max: 1_000 }), score: fc.integer({ min: 0, max: 100 }) }),
  { minLength: 0, maxLength: 12 },
);

describe('portfolio rules', () => {
  it('greedy never spends more than the budget, and adding budget never removes a greedy winner', () => {
    fc.assert(
      fc.property(
        itemArb,
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        (raw, budget, extra) => {
          const items: PortfolioItem[] = raw.map((r, i) => ({ id: `p${i}`, ...r }));
          const g = greedyPortfolio(items, budget);
          expect(g.cost).toBeLessThanOrEqual(budget);
          expect(violations(items, { budget }, new Set(g.selected))).toEqual([]);
          // With skip-greedy a larger budget can change later picks, but every project funded
          // under the smaller budget that precedes the first skip stays funded.
          const more = new Set(greedyPortfolio(items, budget + extra).selected);
          const order = [...items].sort(
            (a, b) => b.score - a.score || a.cost - b.cost || (a.id < b.id ? -1 : 1),
          );
          let spent = 0;
          for (const it of order) {
            if (spent + it.cost > budget) break;
            spent += it.cost;
            expect(more.has(it.id)).toBe(true);
          }
        },
      ),
    );
  });

  it('names every broken rule of a selection', () => {
    const items: PortfolioItem[] = [
      { id: 'a', cost: 500, score: 3, opd: 'PU', kecamatan: 'K1', costByYear: { '2028': 100 } },
      { id: 'b', cost: 400, score: 2, opd: 'PU', kecamatan: 'K1' },
      { id: 'c', cost: 300, score: 1, opd: 'DINKES', kecamatan: 'K2', costByYear: { '2028': 300 } },
    ];
    const broken = violations(
      items,
      {
        budget: 800,
        opdCaps: { PU: 800 },
        kecamatanFloors: { K2: 1 },
        mustFund: ['c'],
        requires: [['c', 'b']],
        exclusive: [['a', 'b']],
        yearCeilings: { '2028': 50 },
      },
      new Set(['a', 'b', 'c'].slice(0, 2)),
    );
    expect(broken.map((r) => r.kind).sort()).toEqual(
      ['budget', 'exclusive', 'kecamatanFloor', 'mustFund', 'opdCap', 'requires', 'yearCeiling'].sort(),
    );
  });

  it('writes one LP row per rule, named so that the solver answer maps back to the rule', () => {
    const items: PortfolioItem[] = [
      { id: 'a', cost: 2_000_000, score: 3, opd: 'PU' },
      { id: 'b', cost: 1_000_000, score: 1, opd: 'DINKES' },
    ];
    const m = buildPortfolioModel(items, {
      budget: 2_500_000,
      opdCaps: { PU: 1_000_000 },
      mustFund: ['b'],
      requires: [['b', 'a']],
    });
    expect(m.columns).toEqual(['a', 'b']);
    expect(Object.keys(m.rows)).toEqual(['budget', 'opdcap0', 'must0', 'req0']);
    expect(m.rows.opdcap0).toEqual({ kind: 'opdCap', key: 'PU' });
    expect(modelAsLp(m)).toContain(' budget: + 2 x0 + 1 x1 <= 2.5');
    expect(modelAsLp(m)).toContain(' req0: + 1 x0 - 1 x1 <= 0');
    const relax = buildPortfolioModel(items, { budget: 2_500_000, mustFund: ['b'] }, { relax: true });
    expect(modelAsLp(relax).startsWith('Minimize')).toBe(true);
    expect(modelAsLp(relax)).toContain('s_budget');
  });

  it('gives the solver the same rows as sparse arrays: items 0/1, slacks from 0 without bound', () => {
    const items: PortfolioItem[] = [
      { id: 'a', cost: 2_000_000, score: 3 },
      { id: 'b', cost: 1_000_000, score: 1 },
    ];
    const m = modelAsMatrix(buildPortfolioModel(items, { budget: 2_500_000, mustFund: ['b'] }));
    expect(m).toMatchObject({ maximize: true, numCols: 2, numRows: 2 });
    expect([...m.colCost]).toEqual([3, 1]);
    expect([...m.starts]).toEqual([0, 2, 3]);
    expect([...m.indices]).toEqual([0, 1, 1]);
    expect([...m.values]).toEqual([2, 1, 1]);
    expect([...m.rowLower]).toEqual([Number.NEGATIVE_INFINITY, 1]);
    expect([...m.rowUpper]).toEqual([2.5, Number.POSITIVE_INFINITY]);
    expect([...m.integrality]).toEqual([1, 1]);
    const relax = modelAsMatrix(
      buildPortfolioModel(items, { budget: 2_500_000, mustFund: ['b'] }, { relax: true }),
    );
    expect(relax).toMatchObject({ maximize: false, numCols: 4 });
    expect([...relax.colCost]).toEqual([0, 0, 0.4, 1]);
    expect([...relax.colUpper]).toEqual([1, 1, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect([...relax.integrality]).toEqual([1, 1, 0, 0]);
    expect([...relax.values]).toEqual([2, 1, -1, 1, 1]);
  });
});

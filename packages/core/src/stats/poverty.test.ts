import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bottom40, fgt, gini, type HouseholdRecord, povertyProfile, theil, williamson } from './poverty.ts';

// Hand-computed: five people in four households, two regions, poverty line 250.
// People: 100, 100 (one household of two), 200 | 300, 600. Total 1,300, mean 260.
const small: HouseholdRecord[] = [
  { id: 'A', expenditurePerCapita: 100, size: 2, weight: 1, region: 'R1' },
  { id: 'B', expenditurePerCapita: 200, size: 1, weight: 1, region: 'R1' },
  { id: 'C', expenditurePerCapita: 300, size: 1, weight: 1, region: 'R2' },
  { id: 'D', expenditurePerCapita: 600, size: 1, weight: 1, region: 'R2' },
];

describe('poverty and inequality', () => {
  it('counts people, not households: P0 3/5, P1 (2 x 0.6 + 0.2)/5, P2 (2 x 0.36 + 0.04)/5', () => {
    const r = fgt(small, 250);
    expect(r.p0).toBeCloseTo(60, 10);
    expect(r.p1).toBeCloseTo(28, 10);
    expect(r.p2).toBeCloseTo(15.2, 10);
  });

  it('Gini: BPS class formula equals the pairwise mean difference, 4,800 / (2 x 25 x 260)', () => {
    expect(gini(small)).toBeCloseTo(4800 / 13000, 12);
  });

  it('bottom 40 %: the two poorest people hold 200 of 1,300 (15.4 %, moderate)', () => {
    expect(bottom40(small).share).toBeCloseTo((100 * 200) / 1300, 10);
    expect(bottom40(small).band).toBe('sedang');
    // The boundary household counts in part: 40 % of 4 people is 1.6.
    const split = bottom40([
      { id: 'a', expenditurePerCapita: 100, size: 1, weight: 1 },
      { id: 'b', expenditurePerCapita: 200, size: 1, weight: 1 },
      { id: 'c', expenditurePerCapita: 300, size: 2, weight: 1 },
    ]);
    expect(split.share).toBeCloseTo((100 * (100 + 0.6 * 200)) / 900, 10);
  });

  it('Williamson across regions: means 133.33 (3 people) and 450 (2), overall 260', () => {
    const v = (400 / 3 - 260) ** 2 * 0.6 + (450 - 260) ** 2 * 0.4;
    expect(williamson(small)).toBeCloseTo(Math.sqrt(v) / 260, 12);
  });

  it('Theil T splits exactly into between and within regions', () => {
    const x = [100, 100, 200, 300, 600].map((y) => y / 260);
    const total = x.reduce((s, v) => s + v * Math.log(v), 0) / 5;
    const between = (400 / 1300) * Math.log(400 / 3 / 260) + (900 / 1300) * Math.log(450 / 260);
    const t = theil(small);
    expect(t.total).toBeCloseTo(total, 12);
    expect(t.between).toBeCloseTo(between, 12);
    expect(t.within).toBeCloseTo(total - between, 12);
  });

  it('weights multiply people: a weight of 2 is the same as the record twice', () => {
    const doubled = [...small, small[3]!];
    const weighted = small.map((r) => (r.id === 'D' ? { ...r, weight: 2 } : r));
    expect(povertyProfile(weighted, 250)).toEqual({ ...povertyProfile(doubled, 250), households: 4 });
  });

  it('keeps Gini in [0, 1), Theil parts summing to the total, and P2 <= P1 <= P0 on random surveys', () => {
    const rec = fc.record({
      expenditurePerCapita: fc.integer({ min: 1, max: 5_000_000 }),
      size: fc.integer({ min: 1, max: 12 }),
      weight: fc.double({ min: 0.1, max: 500, noNaN: true }),
      region: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(
      fc.property(
        fc.array(rec, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        (rs, z) => {
          const records = rs.map((r, i) => ({ ...r, id: String(i) }));
          const g = gini(records);
          expect(g).toBeGreaterThanOrEqual(-1e-12);
          expect(g).toBeLessThan(1);
          const t = theil(records);
          expect(t.between + t.within).toBeCloseTo(t.total, 9);
          const p = fgt(records, z);
          expect(p.p2).toBeLessThanOrEqual(p.p1 + 1e-9);
          expect(p.p1).toBeLessThanOrEqual(p.p0 + 1e-9);
        },
      ),
    );
  });
});

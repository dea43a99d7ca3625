import { describe, expect, it } from 'vitest';
import { beforeAfter, diffInDiff, meanWithInterval, proportion } from './evaluation.ts';

const treated = [
  { before: 10, after: 14 },
  { before: 12, after: 15 },
  { before: 11, after: 16 },
];
const comparison = [
  { before: 10, after: 11 },
  { before: 12, after: 12 },
  { before: 11, after: 13 },
];

describe('evaluation statistics', () => {
  it('before/after: changes 4, 3, 5 have mean 4, se sqrt(1/3), t(0.975, 2) = 4.3027', () => {
    const r = beforeAfter(treated);
    expect(r.estimate).toBe(4);
    expect(r.se).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(r.low).toBeCloseTo(4 - 4.302653 * Math.sqrt(1 / 3), 5);
    expect(r.significant).toBe(true);
  });

  it('difference-in-differences: 4 - 1 = 3, se sqrt(2/3), Welch df 4 (t = 2.7764)', () => {
    const r = diffInDiff(treated, comparison);
    expect(r.estimate).toBe(3);
    expect(r.se).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(r.low).toBeCloseTo(3 - 2.776445 * Math.sqrt(2 / 3), 5);
    expect(r.high).toBeCloseTo(3 + 2.776445 * Math.sqrt(2 / 3), 5);
    expect(r.n).toBe(6);
  });

  it('finds no effect where the groups changed alike', () => {
    const same = diffInDiff(treated, treated);
    expect(same.estimate).toBe(0);
    expect(same.significant).toBe(false);
  });

  it('a mean of one value has no interval, and says so rather than inventing one', () => {
    const r = meanWithInterval([5]);
    expect(r.estimate).toBe(5);
    expect(Number.isNaN(r.low)).toBe(true);
    expect(r.significant).toBe(false);
  });

  it('Wilson interval of 8 of 10: 0.490 to 0.943', () => {
    const r = proportion(8, 10);
    expect(r.share).toBe(0.8);
    expect(r.low).toBeCloseTo(0.4902, 4);
    expect(r.high).toBeCloseTo(0.9433, 4);
  });
});

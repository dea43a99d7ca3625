import { describe, expect, it } from 'vitest';
import { niceTicks } from './TrendChart.tsx';

describe('the chart axis', () => {
  it('steps by 1, 2 or 5 times a power of ten, from at or below the lowest value to at or above the highest', () => {
    expect(niceTicks(0, 220)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(niceTicks(68.9, 75.5)).toEqual([68, 70, 72, 74, 76]);
    const small = niceTicks(0.4, 0.87);
    expect(small[0]).toBeLessThanOrEqual(0.4);
    expect(small.at(-1)).toBeGreaterThanOrEqual(0.87);
    expect(small.length).toBeGreaterThanOrEqual(4);
    expect(small.length).toBeLessThanOrEqual(11);
  });

  it('has one tick when every value is the same', () => {
    expect(niceTicks(5, 5)).toEqual([5]);
  });
});

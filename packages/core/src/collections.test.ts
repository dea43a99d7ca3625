import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupBy } from './collections.ts';

describe('groupBy', () => {
  it('puts every item under its key once, in its order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 })), (xs) => {
        const groups = groupBy(xs, (x) => x % 3);
        expect([...groups.values()].flat().sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
        for (const [key, group] of groups) expect(group).toEqual(xs.filter((x) => x % 3 === key));
      }),
    );
  });
});

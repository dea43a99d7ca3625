import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors/app-error.ts';
import {
  COST_REFUSE_FACTOR,
  COST_WARN_FACTOR,
  forumDateFindings,
  pastDateFindings,
  proposalFindings,
  realisationFindings,
  settleFindings,
  targetFindings,
} from './plausibility.ts';

const base = { track: 'musrenbang', communityContribution: 0, volume: 10, planYear: 2027 };

describe('plausibility', () => {
  it('a cost within the warning factor of the kamus passes; above it asks; ten times is refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 10_000_000 }),
        fc.double({ min: 0.01, max: 30, noNaN: true }),
        (unitCost, factor) => {
          const estimatedCost = Math.round(10 * unitCost * factor);
          const kinds = proposalFindings({ ...base, estimatedCost, unitCost }, 2026).map((f) => f.severity);
          const ratio = estimatedCost / (10 * unitCost);
          if (ratio > COST_REFUSE_FACTOR) expect(kinds).toEqual(['refusal']);
          else if (ratio > COST_WARN_FACTOR) expect(kinds).toEqual(['warning']);
          else expect(kinds).toEqual([]);
        },
      ),
    );
  });

  it('swadaya is refused exactly when it is above the cost', () => {
    fc.assert(
      fc.property(fc.nat(1e12), fc.nat(1e12), (cost, swadaya) => {
        const f = proposalFindings(
          { ...base, track: 'renja', estimatedCost: cost, communityContribution: swadaya },
          2026,
        );
        expect(f.some((x) => x.issue === 'swadaya_above_cost')).toBe(swadaya > cost);
      }),
    );
  });

  it('settling: any refusal throws VALIDATION; only warnings throw NEEDS_CONFIRMATION until confirmed, then are returned', () => {
    const warning = { field: 'body.x', issue: 'w', severity: 'warning' as const };
    const refusal = { field: 'body.y', issue: 'r', severity: 'refusal' as const };
    expect(() => settleFindings([warning, refusal], true)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(() => settleFindings([warning], false)).toThrow(AppError);
    expect(() => settleFindings([warning], undefined)).toThrow(
      expect.objectContaining({ code: 'NEEDS_CONFIRMATION' }),
    );
    expect(settleFindings([warning], true)).toEqual([{ field: 'body.x', issue: 'w' }]);
    expect(settleFindings([], undefined)).toEqual([]);
  });

  it('dates: a forum a year before its plan year passes, the plan year itself asks, 1990 is refused; reports are not in the future', () => {
    expect(forumDateFindings('2026-02-01', 2027, '2026-12-03')).toEqual([]);
    expect(forumDateFindings('2027-01-10', 2027, '2026-12-03').map((f) => f.severity)).toEqual(['warning']);
    expect(forumDateFindings('1990-01-10', 2027, '2026-12-03').map((f) => f.severity)).toEqual(['refusal']);
    expect(pastDateFindings('body.reportDate', '2026-12-04', '2026-12-03')).toHaveLength(1);
    expect(pastDateFindings('body.reportDate', '2026-12-03', '2026-12-03')).toHaveLength(0);
  });

  it('indicators: no realisation of a year not yet come; a target against the direction asks', () => {
    expect(realisationFindings([2024, 2025, 2026], 2024, 2029, 2026)).toEqual([]);
    expect(realisationFindings([2027, 2023], 2024, 2029, 2026).map((f) => f.field)).toEqual([
      'body.realisations.2027',
      'body.realisations.2023',
    ]);
    expect(targetFindings('higher', 10, { 2027: -1 }).map((f) => f.issue)).toEqual(['target_negative']);
    expect(targetFindings('higher', 10, { 2027: 8 }).map((f) => f.issue)).toEqual([
      'target_against_direction',
    ]);
    expect(targetFindings('lower', 10, { 2027: 8 })).toEqual([]);
  });
});

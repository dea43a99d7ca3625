import { describe, expect, it } from 'vitest';
import { cli, inputFiles } from '../../../test/cli.ts';

const file = inputFiles('sinergi-stats-');

describe('npx sinergi stats poverty', () => {
  // Five people in four households: 100, 100 | 200 | 300 | 600; line 250 (hand-checked in core).
  const csv = file(
    'h.csv',
    'id,expenditure_per_capita,size,weight,region\nA,100,2,1,R1\nB,200,1,1,R1\nC,300,1,1,R2\nD,600,1,1,R2\n',
  );

  it('prints p0, p1, p2, gini and bottom40_share for the file, and per region with --by', () => {
    const r = cli('stats', 'poverty', csv, '--line', '250', '--by', 'region', '--json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.p0).toBeCloseTo(60, 9);
    expect(out.p1).toBeCloseTo(28, 9);
    expect(out.p2).toBeCloseTo(15.2, 9);
    expect(out.gini).toBeCloseTo(4800 / 13000, 9);
    expect(out.bottom40_share).toBeCloseTo((100 * 200) / 1300, 9);
    // R1: everyone is poor: 100, 100, 200 against 250.
    expect(out.by.R1.p0).toBeCloseTo(100, 9);
    expect(out.by.R1.p1).toBeCloseTo((100 * (0.6 + 0.6 + 0.2)) / 3, 9);
    expect(out.by.R2.p0).toBe(0);
    expect(out.between_regions.theil.between + out.between_regions.theil.within).toBeCloseTo(
      out.between_regions.theil.total,
      9,
    );
  });

  it('names the line and column of every bad cell, and exits non-zero', () => {
    const bad = file(
      'bad.csv',
      'id,expenditure_per_capita,size,weight\nA,seratus,2,1\nB,200,0,1\nA,300,1,-2\n',
    );
    const r = cli('stats', 'poverty', bad, '--line', '250', '--json');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('line 2, column expenditure_per_capita');
    expect(r.err).toContain('line 3, column size');
    expect(r.err).toContain('line 4, column id');
    expect(r.err).toContain('line 4, column weight');
  });
});

import { describe, expect, it } from 'vitest';
import { idm2024Indicators, idmComposites } from './fixtures.ts';
import { indicatorsOf } from './scheme.ts';
import { idm2016 } from './schemes/idm-2016.ts';
import { statusCounts, transitionMatrix, weakestIndicators } from './summary.ts';

describe('kabupaten summaries on the real data', () => {
  it('accounts for all 220 desa in the 2023 -> 2024 transition matrix and the 2024 status counts', () => {
    const m = transitionMatrix(
      idm2016,
      idmComposites.map((r) => ({ from: r.status_2023!, to: r.status_2024! })),
    );
    const total = Object.values(m)
      .flatMap((row) => Object.values(row))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(220);
    expect(m.MAJU!.MANDIRI! + m.MANDIRI!.MANDIRI! + m.BERKEMBANG!.MANDIRI!).toBe(111);
    expect(m.MANDIRI!.MANDIRI).toBe(64);
    expect(
      statusCounts(
        idm2016,
        idmComposites.map((r) => r.status_2024!),
      ),
    ).toEqual({
      'SANGAT TERTINGGAL': 0,
      TERTINGGAL: 0,
      BERKEMBANG: 1,
      MAJU: 108,
      MANDIRI: 111,
    });
  });

  it('ranks the weakest indicators by desa at zero and routes them', () => {
    const codes = indicatorsOf(idm2016).map((i) => i.code);
    const scores = idm2024Indicators.map((r) => Object.fromEntries(codes.map((c) => [c, Number(r[c])])));
    const weak = weakestIndicators(idm2016, scores);
    expect(weak).toHaveLength(50);
    expect(weak[0]!.zero).toBeGreaterThanOrEqual(weak[1]!.zero);
    const bank = weak.find((w) => w.code === 'IKE07_BANK_BPR')!;
    const zeros = scores.filter((s) => s.IKE07_BANK_BPR === 0).length;
    expect(bank.zero).toBe(zeros);
    expect(bank.actor).toBe('csr');
  });
});

import { describe, expect, it } from 'vitest';
import { computeIndex, round4, statusOf } from './engine.ts';
import { idm2024Indicators, idmComposites } from './fixtures.ts';
import { indicatorsOf, schemeProblems, scoreFromObservation } from './scheme.ts';
import { idm2016 } from './schemes/idm-2016.ts';
import { indeksDesa2024 } from './schemes/indeks-desa-2024.ts';

const codes = indicatorsOf(idm2016).map((i) => i.code);
const scoresOf = (row: Record<string, string>) => Object.fromEntries(codes.map((c) => [c, Number(row[c])]));

describe('IDM 2016 scheme', () => {
  it('has 35 IKS, 12 IKE and 3 IKL indicators and is self-consistent', () => {
    expect(idm2016.dimensions.map((d) => [d.code, d.indicators.length])).toEqual([
      ['IKS', 35],
      ['IKE', 12],
      ['IKL', 3],
    ]);
    expect(schemeProblems(idm2016)).toEqual([]);
  });

  it('classifies strictly above each threshold: Maju starts at 0.7073, not 0.7072', () => {
    expect(statusOf(idm2016, 0.7072).code).toBe('BERKEMBANG');
    expect(statusOf(idm2016, 0.70721).code).toBe('MAJU');
    expect(statusOf(idm2016, 0.8155).code).toBe('MAJU');
    expect(statusOf(idm2016, 0.8156).code).toBe('MANDIRI');
    expect(statusOf(idm2016, 0.4907).code).toBe('SANGAT TERTINGGAL');
    expect(statusOf(idm2016, 0).code).toBe('SANGAT TERTINGGAL');
  });

  it('reproduces Desa Cikedokan 2021 (sums 126, 32, 13): IDM 0.70667, Berkembang', () => {
    const scores: Record<string, number> = {};
    const fill = (dim: string, sum: number) => {
      const inds = idm2016.dimensions.find((d) => d.code === dim)!.indicators;
      inds.forEach((ind, i) => {
        scores[ind.code] = Math.min(5, Math.max(0, sum - 5 * i));
      });
    };
    fill('IKS', 126);
    fill('IKE', 32);
    fill('IKL', 13);
    const r = computeIndex(idm2016, scores);
    expect(r.dimensions.map((d) => d.sum)).toEqual([126, 32, 13]);
    expect(r.value).toBeCloseTo(0.706667, 6);
    expect(r.status.code).toBe('BERKEMBANG');
  });

  it('refuses missing and out-of-range scores, naming each indicator', () => {
    const scores = scoresOf(idm2024Indicators[0]!);
    const bad = { ...scores, IKS02_DOKTER: 6, IKL03_TANGGAP_BENCANA: 2.5 } as Record<string, number>;
    delete bad.IKE07_BANK_BPR;
    expect(() => computeIndex(idm2016, bad)).toThrowError(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [
          { field: 'IKS02_DOKTER', issue: 'score_range', params: { min: 0, max: 5 } },
          { field: 'IKE07_BANK_BPR', issue: 'required' },
          { field: 'IKL03_TANGGAP_BENCANA', issue: 'score_range', params: { min: 0, max: 5 } },
        ],
      }),
    );
  });

  it('turns raw observations into scores with the known rubric bands, and leaves gaps unscored', () => {
    const bpjs = indicatorsOf(idm2016).find((i) => i.code === 'IKS05_KEPESERTAAN_BPJS')!.rubric!;
    expect(scoreFromObservation(bpjs, 0.05)).toBe(1);
    expect(scoreFromObservation(bpjs, 0.1)).toBe(2);
    expect(scoreFromObservation(bpjs, 0.75)).toBe(4);
    expect(scoreFromObservation(bpjs, 0.8)).toBe(5);
    expect(scoreFromObservation(bpjs, 0.55)).toBeNull();
    const poskesdes = indicatorsOf(idm2016).find((i) => i.code === 'IKS06_AKSES_POSKESDES')!.rubric!;
    expect(scoreFromObservation(poskesdes, 500)).toBe(5);
    expect(scoreFromObservation(poskesdes, 501)).toBe(4);
    expect(scoreFromObservation(poskesdes, 4000)).toBe(1);
  });
});

describe('golden: the official 2024 IDM of all 220 desa of Kabupaten Blitar', () => {
  it('computes IKS, IKE, IKL, IDM (4 decimals) and the status of every desa from the 50 scores', () => {
    const official = new Map(idmComposites.map((r) => [r.kode_desa, r]));
    expect(idm2024Indicators).toHaveLength(220);
    const mismatches: string[] = [];
    for (const row of idm2024Indicators) {
      const r = computeIndex(idm2016, scoresOf(row));
      const o = official.get(row.kode_desa!)!;
      const got = [...r.dimensions.map((d) => round4(d.value)), round4(r.value), r.status.code];
      const want = [
        Number(o.iks_2024),
        Number(o.ike_2024),
        Number(o.ikl_2024),
        Number(o.idm_2024),
        o.status_2024,
      ];
      if (JSON.stringify(got) !== JSON.stringify(want))
        mismatches.push(`${row.kode_desa}: ${got} != ${want}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('counts 111 Mandiri, 108 Maju, 1 Berkembang in 2024 and 64/152/4 in 2023', () => {
    const count = (year: number) => {
      const c: Record<string, number> = {};
      for (const r of idmComposites) {
        const s = statusOf(idm2016, Number(r[`idm_${year}`])).code;
        c[s] = (c[s] ?? 0) + 1;
      }
      return c;
    };
    expect(count(2024)).toEqual({ MANDIRI: 111, MAJU: 108, BERKEMBANG: 1 });
    expect(count(2023)).toEqual({ MANDIRI: 64, MAJU: 152, BERKEMBANG: 4 });
  });
});

describe('other aggregations', () => {
  const all = (scheme: typeof indeksDesa2024, f: (code: string, i: number) => number) =>
    Object.fromEntries(indicatorsOf(scheme).map((ind, i) => [ind.code, f(ind.code, i)]));

  it('Indeks Desa 2024 has 6 dimensions of 13/8/12/5/5/5 indicators and marks its unconfirmed parts', () => {
    expect(indeksDesa2024.dimensions.map((d) => d.indicators.length)).toEqual([13, 8, 12, 5, 5, 5]);
    expect(schemeProblems(indeksDesa2024)).toEqual([]);
    for (const part of indeksDesa2024.unconfirmed) expect(indeksDesa2024.notes[part]?.id).toBeTruthy();
    expect(indeksDesa2024.unconfirmed).toEqual(expect.arrayContaining(['aggregation', 'thresholds']));
  });

  it('takes the geometric mean of the dimensions on 0..100; one empty dimension makes the index 0', () => {
    // Layanan Dasar full (100), every other dimension at 3 of 5 (60): (100 x 60^5)^(1/6).
    const scores = all(indeksDesa2024, (code) => (code.startsWith('LD') ? 5 : 3));
    const r = computeIndex(indeksDesa2024, scores);
    expect(r.dimensions.map((d) => d.value)).toEqual([100, 60, 60, 60, 60, 60]);
    expect(r.value).toBeCloseTo((100 * 60 ** 5) ** (1 / 6), 10);
    const empty = all(indeksDesa2024, (code) => (code.startsWith('AKS') ? 0 : 5));
    expect(computeIndex(indeksDesa2024, empty).value).toBe(0);
  });

  it('takes a weighted sum with whole-number weights, and refuses weights that do not match the dimensions', () => {
    const weighted = {
      ...indeksDesa2024,
      aggregation: {
        kind: 'weighted-sum' as const,
        scale: 100,
        weights: { LD: 3, SOS: 1, EKO: 2, LING: 1, AKS: 1, TKPD: 2 },
      },
    };
    const scores = all(weighted, (code) => (code.startsWith('LD') ? 5 : 0));
    expect(computeIndex(weighted, scores).value).toBeCloseTo(30, 10);
    const broken = { ...weighted, aggregation: { ...weighted.aggregation, weights: { LD: 1, XX: 2 } } };
    expect(schemeProblems(broken).map((p) => p.field)).toEqual(
      expect.arrayContaining(['aggregation.weights.SOS', 'aggregation.weights.XX']),
    );
  });
});

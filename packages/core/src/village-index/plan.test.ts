import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndex } from './engine.ts';
import { idm2024Indicators } from './fixtures.ts';
import { planNextStatus } from './plan.ts';
import { type IndexScheme, indicatorsOf } from './scheme.ts';
import { idm2016 } from './schemes/idm-2016.ts';

const codes = indicatorsOf(idm2016).map((i) => i.code);
const scoresOf = (row: Record<string, string>) => Object.fromEntries(codes.map((c) => [c, Number(row[c])]));
const jaten = scoresOf(idm2024Indicators.find((r) => r.kode_desa === '35.05.01.2001')!);
const sumbersih = idm2024Indicators.find((r) => r.nama_desa === 'Sumbersih')!;

describe('next-status plan', () => {
  it('lifts Jaten (Maju, 0.7535) past 0.8155 to Mandiri with the fewest points, IKL first', () => {
    const plan = planNextStatus(idm2016, jaten);
    if (!plan.ok) throw new Error('expected a plan');
    expect(plan.from.code).toBe('MAJU');
    expect(plan.target.code).toBe('MANDIRI');
    expect(plan.projected).toBeGreaterThan(0.8155);
    const after = { ...jaten };
    for (const s of plan.steps) after[s.indicator] = s.to;
    expect(computeIndex(idm2016, after).status.code).toBe('MANDIRI');
    // An IKL point is worth 1/45 of IDM: the plan spends the IKL room before anything else.
    const iklRoom = idm2016.dimensions[2]!.indicators.reduce((s, i) => s + 5 - jaten[i.code]!, 0);
    const iklPoints = plan.steps.filter((s) => s.dimension === 'IKL').reduce((s, x) => s + x.to - x.from, 0);
    expect(iklPoints).toBe(iklRoom);
    expect(plan.steps.every((s) => s.to <= 5 && s.to > s.from)).toBe(true);
  });

  it('lifts Sumbersih, the one Berkembang desa of 2024, to Maju and says who acts', () => {
    const plan = planNextStatus(idm2016, scoresOf(sumbersih));
    if (!plan.ok) throw new Error('expected a plan');
    expect(plan.target.code).toBe('MAJU');
    // The smallest IDM an integer score vector can reach above 0.7072 (Kemendesa shows 0.7073).
    expect(plan.needed).toBeCloseTo(0.7073, 4);
    expect(plan.needed).toBeGreaterThan(0.7072);
    expect(plan.steps.length).toBeGreaterThan(0);
    expect(
      plan.steps.every((s) => ['pusat', 'provinsi', 'kabupaten', 'desa', 'csr', 'lainnya'].includes(s.actor)),
    ).toBe(true);
  });

  it('follows the effort per point: an expensive IKL point is avoided when IKE points are cheaper in total', () => {
    const effort = Object.fromEntries(idm2016.dimensions[2]!.indicators.map((i) => [i.code, 100]));
    const plan = planNextStatus(idm2016, jaten, { effort });
    if (!plan.ok) throw new Error('expected a plan');
    expect(plan.steps.some((s) => s.dimension === 'IKL')).toBe(false);
  });

  it('answers ALREADY_TOP for a Mandiri desa and UNREACHABLE when the ceilings cannot close the gap', () => {
    const top = Object.fromEntries(codes.map((c) => [c, 5]));
    expect(planNextStatus(idm2016, top)).toMatchObject({ ok: false, reason: 'ALREADY_TOP' });
    const capped: IndexScheme = {
      ...idm2016,
      statuses: [...idm2016.statuses.slice(0, 4), { code: 'X', name: 'X', above: 0.99 }],
    };
    const almost = {
      ...top,
      IKS01_AKSES_SARKES: 0,
      IKS02_DOKTER: 0,
      IKE01_KERAGAMAN_PRODUKSI: 0,
      IKL01_KUALITAS_LINGKUNGAN: 0,
    };
    expect(planNextStatus(capped, almost).ok).toBe(true);
    const impossible: IndexScheme = {
      ...idm2016,
      statuses: [...idm2016.statuses.slice(0, 4), { code: 'X', name: 'X', above: 1 }],
    };
    expect(planNextStatus(impossible, almost)).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
  });

  // A small scheme whose every plan can be checked against all possibilities.
  const tiny: IndexScheme = {
    ...idm2016,
    dimensions: [
      {
        code: 'A',
        name: 'A',
        indicators: [0, 1, 2].map((i) => ({
          code: `A${i}`,
          name: `A${i}`,
          actor: 'desa' as const,
          organisations: [],
        })),
      },
      {
        code: 'B',
        name: 'B',
        indicators: [0, 1].map((i) => ({
          code: `B${i}`,
          name: `B${i}`,
          actor: 'desa' as const,
          organisations: [],
        })),
      },
    ],
  };
  const tinyCodes = ['A0', 'A1', 'A2', 'B0', 'B1'];
  const on100 = tiny.statuses.map((s) => ({ ...s, above: s.above === null ? null : s.above * 100 }));
  const variants: [string, IndexScheme][] = [
    ['mean (IDM)', tiny],
    [
      'weighted sum on 0..100',
      {
        ...tiny,
        statuses: on100,
        aggregation: { kind: 'weighted-sum', scale: 100, weights: { A: 2, B: 1 } },
      },
    ],
    [
      'geometric mean on 0..100',
      { ...tiny, statuses: on100, aggregation: { kind: 'geometric-mean', scale: 100 } },
    ],
  ];

  it.each(variants)(
    'is exactly optimal under a %s: never costlier than any other way to reach the next status (brute force)',
    (_, tiny) => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 5, maxLength: 5 }),
          fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 5, maxLength: 5 }),
          (s, e) => {
            const scores = Object.fromEntries(tinyCodes.map((c, i) => [c, s[i]!]));
            const effort = Object.fromEntries(tinyCodes.map((c, i) => [c, e[i]!]));
            const plan = planNextStatus(tiny, scores, { effort });
            const start = computeIndex(tiny, scores);
            let best = Number.POSITIVE_INFINITY;
            const target = tiny.statuses.findIndex((x) => x.code === start.status.code) + 1;
            const walk = (i: number, cur: Record<string, number>, cost: number) => {
              if (i === tinyCodes.length) {
                const r = computeIndex(tiny, cur);
                if (tiny.statuses.findIndex((x) => x.code === r.status.code) >= target)
                  best = Math.min(best, cost);
                return;
              }
              const c = tinyCodes[i]!;
              for (let v = scores[c]!; v <= 5; v++)
                walk(i + 1, { ...cur, [c]: v }, cost + (v - scores[c]!) * effort[c]!);
            };
            walk(0, scores, 0);
            if (target >= tiny.statuses.length) return !plan.ok && plan.reason === 'ALREADY_TOP';
            if (best === Number.POSITIVE_INFINITY) return !plan.ok && plan.reason === 'UNREACHABLE';
            return plan.ok && plan.totalEffort === best;
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});

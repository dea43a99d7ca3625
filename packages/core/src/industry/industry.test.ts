import { describe, expect, it } from 'vitest';
import {
  emissionIntensity,
  estimateEmissions,
  evaluateTraining,
  groupYear,
  isManufacturingKbli,
  netZeroPath,
  pdrbStructure,
  withholdSmallCells,
  type YearFigures,
} from '../index.ts';

const none = { electricityKwh: 0, fuel: {}, wastewaterCodKg: 0, wastewaterTreatment: null } as const;

describe('estimateEmissions', () => {
  it('turns 1,000 litres of solar into CO2, CH4 and N2O by the IPCC defaults', () => {
    // 0.84 t x 43.0 TJ/Gg = 0.03612 TJ; x 74,100 kg CO2 + 3 kg CH4 x 28 + 0.6 kg N2O x 265 per TJ.
    const e = estimateEmissions({ ...none, fuel: { solar: 1000 } });
    expect(e.byFuel.solar).toBeCloseTo(2.685, 3);
    expect(e.scope1).toBeCloseTo(2.685, 3);
    expect(e.total).toBeCloseTo(2.685, 3);
    expect(e.energyGj).toBeCloseTo(36.1, 1);
  });
  it('counts grid electricity at the Jawa-Bali factor and wastewater methane by treatment', () => {
    const e = estimateEmissions({
      electricityKwh: 10_000,
      fuel: {},
      wastewaterCodKg: 10_000,
      wastewaterTreatment: 'laguna_dalam',
    });
    expect(e.scope2).toBeCloseTo(8.17, 3);
    // 10,000 kg COD x 0.25 x 0.8 = 2,000 kg CH4 x 28.
    expect(e.wastewater).toBeCloseTo(56, 3);
    expect(e.total).toBeCloseTo(64.17, 3);
    const treated = estimateEmissions({
      electricityKwh: 0,
      fuel: {},
      wastewaterCodKg: 10_000,
      wastewaterTreatment: 'aerob_baik',
    });
    expect(treated.wastewater).toBe(0);
  });
  it('keeps the biogenic CO2 of biomass outside the total', () => {
    const e = estimateEmissions({ ...none, fuel: { biomassa: 10 } });
    expect(e.biogenicCo2).toBeCloseTo(17.472, 3);
    expect(e.total).toBeCloseTo(0.296, 3);
  });
  it('reports nothing for nothing', () => {
    expect(estimateEmissions(none).total).toBe(0);
  });
});

describe('intensity and the net-zero path', () => {
  it('divides by output in miliar and draws a straight line to zero in 2060', () => {
    expect(emissionIntensity(50, 2_000_000_000)).toBe(25);
    expect(emissionIntensity(50, 0)).toBeNull();
    expect(netZeroPath(2020, 10, 2040)).toBe(5);
    expect(netZeroPath(2020, 10, 2019)).toBe(10);
    expect(netZeroPath(2020, 10, 2070)).toBe(0);
  });
});

describe('groupYear', () => {
  const rows = [
    {
      business: 'a',
      kbli: '10792',
      kecamatan: 'X',
      year: 2024,
      workforce: 5,
      productionValue: 100,
      emissions: 2,
    },
    {
      business: 'a',
      kbli: '10792',
      kecamatan: 'X',
      year: 2025,
      workforce: 6,
      productionValue: 150,
      emissions: 3,
    },
    {
      business: 'b',
      kbli: '10110',
      kecamatan: 'Y',
      year: 2025,
      workforce: 4,
      productionValue: 50,
      emissions: 1,
    },
    {
      business: 'c',
      kbli: '31001',
      kecamatan: 'Y',
      year: 2025,
      workforce: 10,
      productionValue: 300,
      emissions: 0,
    },
  ];
  it('shares the output among divisions and grows only businesses reporting both years', () => {
    const g = groupYear(rows, 2025, (r) => r.kbli.slice(0, 2));
    expect(g.map((x) => x.key)).toEqual(['31', '10']);
    const food = g.find((x) => x.key === '10')!;
    expect(food.businesses).toBe(2);
    expect(food.share).toBeCloseTo(0.4, 6);
    expect(food.growth).toBeCloseTo(0.5, 6);
    expect(g.find((x) => x.key === '31')!.growth).toBeNull();
  });
  it('knows a manufacturing KBLI from another', () => {
    expect(isManufacturingKbli('10792')).toBe(true);
    expect(isManufacturingKbli('47111')).toBe(false);
    expect(isManufacturingKbli('107')).toBe(false);
  });
});

describe('pdrbStructure', () => {
  it('computes shares, growth and location quotients against the province', () => {
    const s = pdrbStructure([
      { category: 'A', year: 2024, kabupaten: 70, provinsi: 50 },
      { category: 'C', year: 2024, kabupaten: 30, provinsi: 50 },
      { category: 'A', year: 2023, kabupaten: 60, provinsi: null },
      { category: 'C', year: 2023, kabupaten: 25, provinsi: null },
    ]);
    const c = s.find((x) => x.category === 'C' && x.year === 2024)!;
    expect(c.share).toBeCloseTo(0.3, 6);
    expect(c.locationQuotient).toBeCloseTo(0.6, 6);
    expect(c.growth).toBeCloseTo(0.2, 6);
    expect(s.find((x) => x.category === 'A' && x.year === 2024)!.locationQuotient).toBeCloseTo(1.4, 6);
    expect(s.find((x) => x.category === 'C' && x.year === 2023)!.locationQuotient).toBeNull();
  });
});

describe('evaluateTraining', () => {
  const figures = (energyGj: number, productionValue: number): YearFigures => ({
    energyGj,
    emissions: energyGj / 10,
    solidWasteTon: 1,
    productionValue,
  });
  const data = new Map<string, Map<number, YearFigures>>([
    [
      't1',
      new Map([
        [2023, figures(100, 10)],
        [2025, figures(70, 12)],
      ]),
    ],
    [
      't2',
      new Map([
        [2023, figures(200, 20)],
        [2025, figures(150, 25)],
      ]),
    ],
    ['t3', new Map([[2023, figures(50, 5)]])],
    [
      'c1',
      new Map([
        [2023, figures(100, 10)],
        [2025, figures(95, 11)],
      ]),
    ],
    [
      'c2',
      new Map([
        [2023, figures(80, 10)],
        [2025, figures(78, 10)],
      ]),
    ],
  ]);
  const reports = (id: string) => data.get(id) ?? new Map();
  it('measures the trained change against the untrained change', () => {
    const e = evaluateTraining(2024, ['t1', 't2', 't3'], ['c1', 'c2'], reports);
    expect(e.measured).toEqual({ participants: 2, comparison: 2 });
    const energy = e.outcomes.find((o) => o.indicator === 'energyGj')!;
    // Trained: -30 and -50 (mean -40); untrained: -5 and -2 (mean -3.5).
    expect(energy.participants!.estimate).toBeCloseTo(-40, 6);
    expect(energy.effect!.estimate).toBeCloseTo(-36.5, 6);
    expect(energy.improved).toBe(2);
    expect(e.outcomes.find((o) => o.indicator === 'solidWasteTon')!.improved).toBe(0);
  });
  it('gives no effect without two measured businesses on each side', () => {
    const e = evaluateTraining(2024, ['t1', 't3'], ['c1', 'c2'], reports);
    expect(e.outcomes[0]!.effect).toBeNull();
  });
});

describe('withholdSmallCells', () => {
  it('withholds cells under three businesses, and one more when a lone one could be had by subtraction', () => {
    const cells = [
      { key: 'a', businesses: 10 },
      { key: 'b', businesses: 2 },
      { key: 'c', businesses: 4 },
      { key: 'd', businesses: 7 },
    ];
    expect(withholdSmallCells(cells).map((c) => c.withheld)).toEqual([false, true, true, false]);
    const two = withholdSmallCells([...cells, { key: 'e', businesses: 1 }]);
    expect(two.filter((c) => c.withheld).map((c) => c.key)).toEqual(['b', 'e']);
    expect(withholdSmallCells([{ key: 'a', businesses: 5 }]).some((c) => c.withheld)).toBe(false);
  });
});

import { divisionOf, emissionIntensity, groupYear, kbliDivisions, withholdSmallCells } from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { namesOf } from '../regions/regions.service.ts';
import { businessYears } from './industry.reads.ts';
import { listSentra } from './industry.service.ts';

/**
 * What the open data may publish of the industry registry: totals by year and KBLI division and
 * by year and kecamatan, each cell of fewer than three businesses withheld (core's
 * withholdSmallCells), and the year's total; and the sentra IKM, which are public.
 */
export async function publicIndustryTotals(ctx: AppContext) {
  const { rows } = await businessYears(ctx);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const kecNames = await namesOf(ctx, [...new Set(rows.map((r) => r.kecamatan))]);
  const groupings = [
    {
      by: 'kbli',
      keyOf: (r: { kbli: string }) => divisionOf(r.kbli),
      nameOf: (k: string) => kbliDivisions[k]?.[0] ?? k,
    },
    {
      by: 'kecamatan',
      keyOf: (r: { kecamatan: string }) => r.kecamatan,
      nameOf: (k: string) => kecNames.get(k) ?? k,
    },
  ] as const;
  return years.flatMap((year) => {
    const list = rows.filter((r) => r.year === year);
    const output = list.reduce((s, r) => s + r.productionValue, 0);
    const emissions = Math.round(list.reduce((s, r) => s + r.emissions, 0) * 1000) / 1000;
    const total = {
      year,
      by: 'semua',
      key: '',
      name: 'Semua industri terdaftar',
      businesses: list.length,
      withheld: list.length < 3,
      workforce: list.reduce((s, r) => s + r.workforce, 0),
      productionValue: output,
      emissions,
      intensity: emissionIntensity(emissions, output),
    };
    const cells = groupings.flatMap(({ by, keyOf, nameOf }) =>
      withholdSmallCells(groupYear(rows, year, keyOf)).map((c) => ({
        year,
        by,
        key: c.key,
        name: nameOf(c.key),
        businesses: c.businesses,
        withheld: c.withheld,
        workforce: c.workforce,
        productionValue: c.productionValue,
        emissions: c.emissions,
        intensity: c.intensity,
      })),
    );
    return [total, ...cells].map((c) =>
      c.withheld ? { ...c, workforce: null, productionValue: null, emissions: null, intensity: null } : c,
    );
  });
}

export async function publicSentra(ctx: AppContext) {
  return (await listSentra(ctx)).items;
}

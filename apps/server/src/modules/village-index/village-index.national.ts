import { idm2016 } from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { namesOf } from '../regions/regions.service.ts';
import * as repo from './village-index.repository.ts';

/**
 * The nation's IDM dashboard (issue 22, part 6): once Kemendesa's national composites file of a
 * year is imported (every desa of Indonesia, `index import`), this government is shown beside its
 * province and the nation, with a row per province. Counted in the database, per kabupaten and
 * status (about 2,600 rows for some 75,000 desa), then summed here.
 */
interface Tally {
  desa: number;
  sum: number;
  counts: Record<string, number>;
}

const empty = (): Tally => ({
  desa: 0,
  sum: 0,
  counts: Object.fromEntries(idm2016.statuses.map((s) => [s.code, 0])),
});

function add(into: Tally, row: { status: string; desa: number; sum: number }) {
  into.desa += row.desa;
  into.sum += row.sum;
  into.counts[row.status] = (into.counts[row.status] ?? 0) + row.desa;
}

const area = (code: string, name: string, t: Tally) => ({
  code,
  name,
  desa: t.desa,
  mean: t.desa ? t.sum / t.desa : 0,
  counts: t.counts,
});

export async function getNational(ctx: AppContext, q: { year?: number | undefined }) {
  const own = ctx.config.activeKabupaten;
  const year = q.year ?? (await repo.latestYearBeyond(ctx.database.db, idm2016.id, own));
  if (year === null) return { year: null, nation: null, province: null, own: null, provinces: [] };
  const rows = await repo.countByKabupaten(ctx.database.db, idm2016.id, year);
  const nation = empty();
  const provinces = new Map<string, Tally>();
  const mine = empty();
  for (const row of rows) {
    add(nation, row);
    const code = row.kabupaten.slice(0, 2);
    if (!provinces.has(code)) provinces.set(code, empty());
    add(provinces.get(code)!, row);
    if (row.kabupaten === own || code === own) add(mine, row);
  }
  const codes = [...provinces.keys()].sort();
  const provinceCode = own.slice(0, 2);
  const names = await namesOf(ctx, [...codes, own]);
  const nameOf = (code: string) => names.get(code) ?? code;
  return {
    year,
    nation: area('', 'Indonesia', nation),
    province: provinces.has(provinceCode)
      ? area(provinceCode, nameOf(provinceCode), provinces.get(provinceCode)!)
      : null,
    own: mine.desa ? area(own, nameOf(own), mine) : null,
    provinces: codes.map((code) => area(code, nameOf(code), provinces.get(code)!)),
  };
}

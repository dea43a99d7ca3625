/**
 * Writes a national-size file in Kemendesa's composites layout: every desa of the idn-area-data
 * list (about 75,000) with composites drawn from a fixed-seed generator and the status that
 * belongs to the value. Used by the import benchmark; the numbers are synthetic.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { idm2016, indicatorsOf, statusOf } from '@sinergi/core';
import { type AppContext, systemPrincipal } from '../apps/server/src/context.ts';
import { RESULT_COLUMNS } from '../apps/server/src/modules/village-index/village-index.copy.ts';
import {
  compositesParts,
  importCompositesFile,
} from '../apps/server/src/modules/village-index/village-index.import.ts';

export function nationalCompositesCsv(year: number): { csv: string; rows: number } {
  const require = createRequire(import.meta.url);
  const dir = dirname(
    require.resolve('idn-area-data/package.json', {
      paths: [new URL('../apps/server/', import.meta.url).pathname],
    }),
  );
  const villages = readFileSync(join(dir, 'data/villages.csv'), 'utf8').trim().split('\n').slice(1);
  let seed = 7;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const lines = [
    `KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_${year},IKE_${year},IKL_${year},NILAI_IDM_${year},STATUS_IDM_${year}`,
  ];
  for (const line of villages) {
    const code = line.slice(0, line.indexOf(','));
    if (code[9] === '1') continue; // kelurahan are not scored
    const [iks, ike, ikl] = [0.4 + rand() * 0.6, 0.3 + rand() * 0.7, 0.3 + rand() * 0.7].map(
      (v) => Math.round(v * 10_000) / 10_000,
    ) as [number, number, number];
    const idm = Math.round(((iks + ike + ikl) / 3) * 10_000) / 10_000;
    const flat = code.replaceAll('.', '');
    lines.push(
      [
        flat.slice(0, 2),
        'P',
        flat.slice(0, 4),
        'K',
        flat.slice(0, 6),
        'C',
        flat,
        'D',
        iks,
        ike,
        ikl,
        idm,
        statusOf(idm2016, idm).code,
      ].join(','),
    );
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

/**
 * The import of a composites file of `year`, three times, against two bare COPYs of the same rows
 * (already as CSV): into a temporary table with the same columns (no keys, no WAL), and into an
 * ordinary table made like the real one (its keys and index, logged), which is what any load of
 * these rows into that table pays. Before each run the year is emptied and the table vacuumed, so
 * every run starts from the same table; `againRuns` imports the same file once more (nothing
 * changes: every row compared). The year's rows are left in place at the end.
 */
export async function importAgainstCopy(ctx: AppContext, csv: string, year: number) {
  // The baselines COPY the very lines the import loads, read once beforehand.
  const lines: string[] = [];
  let rows = 0;
  for await (const part of compositesParts(Buffer.from(csv))) {
    lines.push(part.lines);
    rows += part.rows;
  }
  const copyCsv = `${lines.join('\n')}\n`;
  const columns = RESULT_COLUMNS;
  const timed = async (work: () => Promise<unknown>) => {
    const t = performance.now();
    await work();
    return performance.now() - t;
  };
  const fresh = async () => {
    await ctx.database.bulk((tx) => tx.query(`delete from village_index_results where year = ${year}`));
    await ctx.database.bulk((tx) => tx.query('drop table if exists bare_like'));
    await ctx.database.db.execute('vacuum village_index_results');
  };
  const importFile = () => importCompositesFile(ctx, systemPrincipal, Buffer.from(csv), 'national.csv');
  const importRuns: number[] = [];
  const againRuns: number[] = [];
  const copyRuns: number[] = [];
  const likeRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    await fresh();
    copyRuns.push(
      await timed(() =>
        ctx.database.bulk(async (tx) => {
          await tx.query(
            'create temporary table bare_copy (like village_index_results including defaults) on commit drop',
          );
          await tx.copyCsv('bare_copy', columns, copyCsv);
        }),
      ),
    );
    likeRuns.push(
      await timed(() =>
        ctx.database.bulk(async (tx) => {
          await tx.query('create table bare_like (like village_index_results including all)');
          await tx.copyCsv('bare_like', columns, copyCsv);
        }),
      ),
    );
    importRuns.push(await timed(importFile));
    againRuns.push(await timed(importFile));
  }
  await ctx.database.bulk((tx) => tx.query('drop table if exists bare_like'));
  return { rows, importRuns, againRuns, copyRuns, likeRuns };
}

/** `n` desa's scores of the 50 IDM indicators, 0 to 5, from a fixed seed (every run scores the same). */
export function seededIndicatorScores(n: number, seed: number): Record<string, number>[] {
  const codes = indicatorsOf(idm2016).map((i) => i.code);
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return Array.from({ length: n }, () => Object.fromEntries(codes.map((c) => [c, Math.floor(next() * 6)])));
}

import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRegionCode, villageKindOf } from '@sinergi/core';
import { parse } from 'csv-parse';
import type { AppContext } from '../../context.ts';
import { csvField } from '../../db/client.ts';
import type { JobRun } from '../module.ts';
import * as repo from './regions.repository.ts';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('idn-area-data/package.json'));
const packageVersion: string = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

/**
 * The edition the bundled list comes from. idn-area-data 4.x follows Kepmendagri
 * 300.2.2-2138/2025 (the code list in force since 2025). A later edition is loaded under a new
 * code, and the earlier one stays, so that a split or merge of desa keeps its history.
 */
export const bundledEdition = {
  code: `kepmendagri-300.2.2-2138-2025+idn-area-data-${packageVersion}`,
  title: 'Kepmendagri No. 300.2.2-2138 Tahun 2025',
  source: `npm idn-area-data ${packageVersion} (MIT), from the Kemendagri code list`,
};

const files = [
  { file: 'provinces.csv', level: 1, parent: null },
  { file: 'regencies.csv', level: 2, parent: 'province_code' },
  { file: 'districts.csv', level: 3, parent: 'regency_code' },
  { file: 'villages.csv', level: 4, parent: 'district_code' },
] as const;

const CHUNK = 10_000;

function kindOf(level: number, code: string, name: string): string | null {
  if (level === 2) return name.startsWith('Kota ') ? 'kota' : 'kabupaten';
  if (level === 4) return villageKindOf(parseRegionCode(code));
  return null;
}

export interface LoadResult {
  edition: string;
  regions: number;
  skipped: boolean;
  boundaries: number;
}

/** Job `regions.load`: the national region list into the database, then the active kabupaten's boundaries. */
export async function loadRegions(ctx: AppContext, run: JobRun): Promise<LoadResult> {
  const force = Boolean((run.params as { force?: boolean } | null)?.force);
  const { database } = ctx;
  const active = await repo.findActiveEdition(database.db);
  if (active && active.code === bundledEdition.code && active.regionCount > 0 && !force) {
    const boundaries = await loadBoundaries(ctx);
    return { edition: active.code, regions: active.regionCount, skipped: true, boundaries };
  }
  const editionId = await database.bulk((tx) => repo.prepareEdition(tx, bundledEdition));
  const total = 91_599; // 38 + 514 + 7,285 + 83,762 rows in idn-area-data 4.0.1: a progress estimate, corrected at the end
  let done = 0;
  await run.progress(0, total, 'regions.loading');
  for (const source of files) {
    let rows: string[] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      const csv = rows.join('\n');
      rows = [];
      await database.bulk((tx) =>
        tx.copyCsv('regions', ['edition_id', 'code', 'parent_code', 'level', 'kind', 'name'], csv),
      );
      await run.progress(done, Math.max(total, done), 'regions.loading');
    };
    const parser = createReadStream(join(packageDir, 'data', source.file)).pipe(
      parse({ columns: true, trim: true }),
    );
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      const code = record.code!;
      const name = record.name!;
      const parent = source.parent ? record[source.parent]! : null;
      rows.push(
        [
          editionId,
          csvField(code),
          csvField(parent),
          source.level,
          csvField(kindOf(source.level, code, name)),
          csvField(name),
        ].join(','),
      );
      done += 1;
      if (rows.length >= CHUNK) await flush();
    }
    await flush();
  }
  const count = await database.bulk((tx) => repo.completeEdition(tx, editionId, bundledEdition.code));
  // Outside the loading transactions: statistics of the committed rows.
  await database.bulk((tx) => repo.analyzeRegions(tx));
  await run.progress(count, count, 'regions.boundaries');
  const boundaries = await loadBoundaries(ctx);
  return { edition: bundledEdition.code, regions: count, skipped: false, boundaries };
}

const boundaryDir = fileURLToPath(new URL('../../../../../reference-data/boundaries/', import.meta.url));
/** Boundaries shipped with the project, by kabupaten code (see reference-data/README.md). */
const shippedBoundaries: Record<string, { kecamatan: string; desa: string }> = {
  '35.05': { kecamatan: 'kab-blitar-kecamatan.geojson', desa: 'kab-blitar-desa.geojson' },
};

interface Feature {
  properties: { kode: string; label_lat?: number; label_lng?: number };
  geometry: unknown;
}

/** Replaces the boundaries with those of the active kabupaten, if the project ships them. */
export async function loadBoundaries(ctx: AppContext): Promise<number> {
  const shipped = shippedBoundaries[ctx.config.activeKabupaten];
  if (!shipped) return 0;
  const rows: string[] = [];
  for (const [level, file] of [
    [3, shipped.kecamatan],
    [4, shipped.desa],
  ] as const) {
    const collection = JSON.parse(readFileSync(join(boundaryDir, file), 'utf8')) as { features: Feature[] };
    for (const f of collection.features) {
      rows.push(
        [
          csvField(f.properties.kode),
          level,
          csvField(JSON.stringify(f.geometry)),
          f.properties.label_lat ?? '',
          f.properties.label_lng ?? '',
          csvField(`reference-data/boundaries/${file}`),
        ].join(','),
      );
    }
  }
  await ctx.database.bulk((tx) => repo.replaceBoundaries(tx, rows.join('\n')));
  return rows.length;
}

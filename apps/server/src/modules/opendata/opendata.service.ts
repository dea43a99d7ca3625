import { createHash } from 'node:crypto';
import type { DatasetMeta, Language } from '@sinergi/contracts';
import { AppError } from '@sinergi/core';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../../context.ts';
import { sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import { kabupatenName } from '../regions/regions.service.ts';
import type { Dataset, Row } from './opendata.dataset.ts';
import { datasets } from './opendata.datasets.ts';

/** Open data is free to reuse with attribution (Satu Data Indonesia's portals use CC BY 4.0). */
export const LICENCE = {
  id: 'cc-by',
  title: 'Creative Commons Attribution 4.0 (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

const lang = (l: Language) => (l === 'en' ? 1 : 0);

export function mustFindDataset(id: string): Dataset {
  const d = datasets.find((x) => x.id === id);
  if (!d) throw new AppError('NOT_FOUND', { details: { what: id } });
  return d;
}

/** A dataset's description and dictionary, with its rows' count and digest as the version. */
export async function describe(ctx: AppContext, d: Dataset, l: Language) {
  const records = await d.rows(ctx);
  const i = lang(l);
  const base = `${ctx.config.publicUrl}/api/data/${d.id}`;
  const meta: DatasetMeta = {
    id: d.id,
    title: d.title[i],
    description: d.description[i],
    keywords: [...d.keywords],
    publisher: `Pemerintah ${await kabupatenName(ctx)}`,
    licence: { ...LICENCE },
    version: createHash('sha256').update(JSON.stringify(records)).digest('hex').slice(0, 12),
    rows: records.length,
    columns: d.columns.map((c) => ({
      name: c.name,
      title: c.title[i],
      type: c.type,
      description: c.description[i],
    })),
    downloads: { csv: `${base}/csv`, xlsx: `${base}/xlsx`, json: `${base}/json` },
  };
  return { meta, records };
}

export async function catalogue(ctx: AppContext, l: Language) {
  const items: DatasetMeta[] = [];
  for (const d of datasets) items.push((await describe(ctx, d, l)).meta);
  return { items };
}

/** The rows in the dictionary's column order, each value as the column's type says. */
function ordered(d: Dataset, records: readonly Row[]): Row[] {
  return records.map((r) => Object.fromEntries(d.columns.map((c) => [c.name, r[c.name] ?? null])));
}

export async function datasetFile(ctx: AppContext, id: string, format: 'csv' | 'xlsx' | 'json', l: Language) {
  const d = mustFindDataset(id);
  const { meta, records } = await describe(ctx, d, l);
  const rows = ordered(d, records);
  if (format === 'json') return { kind: 'json' as const, body: { ...meta, records: rows } };
  if (format === 'csv') {
    // UTF-8 with a byte-order mark, so a spreadsheet opens the names with their accents right.
    const csv = stringify(rows, {
      header: true,
      columns: d.columns.map((c) => c.name),
      cast: { boolean: (v) => (v ? 'true' : 'false') },
    });
    return { kind: 'csv' as const, data: Buffer.from(`\uFEFF${csv}`, 'utf8') };
  }
  const data = await xlsxOfSheets([
    sheet(
      'data',
      d.columns.map((c) => ({ header: c.name, value: (r: Row) => r[c.name] as string | number | null })),
      rows,
      [meta.title, `${meta.publisher} · ${meta.licence.title} · versi ${meta.version}`],
    ),
    sheet(
      'kamus data',
      [
        { header: 'kolom', width: 24, value: (c: DatasetMeta['columns'][number]) => c.name },
        { header: 'judul', width: 36, value: (c) => c.title },
        { header: 'tipe', width: 10, value: (c) => c.type },
        { header: 'keterangan', width: 70, value: (c) => c.description },
      ],
      meta.columns,
      [`Kamus data: ${meta.title}`, meta.description],
    ),
  ]);
  return { kind: 'xlsx' as const, data };
}

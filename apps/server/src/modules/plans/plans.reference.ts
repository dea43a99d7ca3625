import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nomenclatureLevels } from '@sinergi/contracts';
import { AppError, type FieldIssue, readNumber } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { uploadedTable } from '../../http/table-file.ts';
import { parseCsvTable, tableColumns } from '../../http/table-parse.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { namesOf } from '../regions/regions.service.ts';
import * as repo from './plans.repository.ts';

/**
 * The reference lists plans draw on: the nomenclature of programs, kegiatan and sub-kegiatan
 * (Kepmendagri 050-5889/2021, the update of Permendagri 90/2019), and statistics series (BPS and
 * others) whose values become indicator realisations. Both are imported from XLSX or CSV, all or
 * nothing, with every bad row named; importing the same file again changes nothing.
 */

/** The level of a nomenclature code from its segments: 1 urusan, 1.01 bidang, 1.01.02 program, 1.01.02.1.01 kegiatan, 1.01.02.1.01.0001 sub-kegiatan. */
export function nomenclatureLevelOf(code: string): string | null {
  if (!/^\d+(\.\d+)*$/.test(code)) return null;
  return (
    { 1: 'urusan', 2: 'bidang', 3: 'program', 5: 'kegiatan', 6: 'subkegiatan' }[code.split('.').length] ??
    null
  );
}

export async function importNomenclature(ctx: AppContext, principal: Principal, data: Buffer, type: string) {
  const [header, ...body] = await uploadedTable(data, type);
  const t = tableColumns(header, ['kode', 'uraian']);
  const issues: FieldIssue[] = [];
  const rows: Omit<repo.NewNomenclature, 'importedAt'>[] = [];
  const seen = new Map<string, number>();
  for (const [i, cells] of body.entries()) {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) continue;
    const c = (name: string) => t.cell(cells, name);
    const code = c('kode');
    const level = (c('tingkat') || nomenclatureLevelOf(code) || '').toLowerCase();
    if (!code || !/^\d+(\.\d+)*$/.test(code))
      issues.push({ field: `line ${line}, column kode`, issue: code ? 'invalid_format' : 'required' });
    else if (seen.has(code))
      issues.push({
        field: `line ${line}, column kode`,
        issue: 'duplicate_row',
        params: { line: seen.get(code)! },
      });
    seen.set(code, line);
    if (!(nomenclatureLevels as readonly string[]).includes(level))
      issues.push({ field: `line ${line}, column tingkat`, issue: 'nomenclature_level' });
    const title = c('uraian');
    if (title.length < 3)
      issues.push({ field: `line ${line}, column uraian`, issue: title ? 'too_short' : 'required' });
    rows.push({
      code,
      level,
      title,
      output: c('kinerja') || null,
      indicator: c('indikator') || null,
      unit: c('satuan') || null,
    });
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return ctx.database.db.transaction(async (tx) => {
    await repo.upsertNomenclature(tx, rows, ctx.clock());
    await appendAudit(tx, principal, {
      action: 'nomenclature.imported',
      entity: 'nomenclature',
      entityId: 'all',
      after: { rows: rows.length },
    });
    return { rows: rows.length };
  });
}

export async function searchNomenclature(
  ctx: AppContext,
  query: { q?: string | undefined; level?: string | undefined },
) {
  const { items, total } = await repo.findNomenclature(ctx.database.db, query);
  return { items: items.map((r) => ({ ...r, importedAt: r.importedAt.toISOString() })), total };
}

/** Statistics series from CSV or XLSX: `indicator, region, year, value, source` (and optionally `unit`). */
export async function importSeries(ctx: AppContext, principal: Principal, data: Buffer, type: string) {
  const [header, ...body] = await uploadedTable(data, type);
  const t = tableColumns(header, ['indicator', 'region', 'year', 'value', 'source']);
  const issues: FieldIssue[] = [];
  const rows: repo.NewSeries[] = [];
  const seen = new Map<string, number>();
  const regions = await namesOf(
    ctx,
    body.map((cells) => t.cell(cells, 'region')),
  );
  for (const [i, cells] of body.entries()) {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) continue;
    const c = (name: string) => t.cell(cells, name);
    const at = (col: string) => `line ${line}, column ${col}`;
    const indicator = c('indicator');
    if (!/^[\p{L}\d_ .%()-]{2,80}$/u.test(indicator))
      issues.push({ field: at('indicator'), issue: indicator ? 'invalid_format' : 'required' });
    const region = c('region');
    if (!regions.has(region))
      issues.push({ field: at('region'), issue: 'region_unknown', params: { value: region || '–' } });
    const year = readNumber(c('year'), 'whole') ?? Number.NaN;
    if (!Number.isInteger(year) || year < 1990 || year > 2100)
      issues.push({ field: at('year'), issue: 'year_range' });
    const value = readNumber(c('value')) ?? Number.NaN;
    if (Number.isNaN(value)) issues.push({ field: at('value'), issue: 'not_a_number' });
    const source = c('source');
    if (source.length < 2) issues.push({ field: at('source'), issue: source ? 'too_short' : 'required' });
    const key = `${indicator}|${region}|${year}`;
    if (seen.has(key))
      issues.push({ field: at('year'), issue: 'duplicate_row', params: { line: seen.get(key)! } });
    seen.set(key, line);
    rows.push({ indicator, regionCode: region, year, value, source, unit: c('unit') || null });
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return writeSeries(ctx, principal, rows);
}

async function writeSeries(ctx: AppContext, principal: Principal, rows: repo.NewSeries[]) {
  return ctx.database.db.transaction(async (tx) => {
    await repo.upsertSeries(tx, rows, ctx.clock());
    await appendAudit(tx, principal, {
      action: 'stat_series.imported',
      entity: 'stat_series',
      entityId: 'all',
      after: { rows: rows.length, indicators: [...new Set(rows.map((r) => r.indicator))] },
    });
    return { rows: rows.length };
  });
}

export async function listSeries(
  ctx: AppContext,
  query: { indicator?: string | undefined; region?: string | undefined },
) {
  const { items, indicators } = await repo.findSeries(ctx.database.db, query);
  return { items: items.map((r) => ({ ...r, importedAt: r.importedAt.toISOString() })), indicators };
}

const referenceDir = new URL('../../../../../reference-data/', import.meta.url);

/**
 * Reference data every installation starts with (not samples): the kabupaten's published headline
 * statistics (reference-data/stats, each row with its source; periods that are not a calendar
 * year, such as a quarter or a mid-year estimate, and values that are not one number are left out) and, when the list is still empty,
 * the program-level subset of the nomenclature shipped in reference-data/nomenclature.
 */
export async function loadReferenceLists(ctx: AppContext, principal: Principal) {
  const db = ctx.database.db;
  let loaded = 0;
  if ((await repo.countSeries(db)) === 0 && ctx.config.activeKabupaten === '35.05') {
    const [header, ...body] = parseCsvTable(
      readFileSync(fileURLToPath(new URL('stats/kab-blitar-official-stats.csv', referenceDir))),
      { relaxQuotes: true },
    );
    const t = tableColumns(header, ['indicator', 'year_or_period', 'value', 'unit', 'original_source']);
    const seen = new Set<string>();
    const rows: repo.NewSeries[] = [];
    for (const cells of body) {
      const period = /^(\d{4})(?: \(([^)]*)\))?$/.exec(t.cell(cells, 'year_or_period'));
      const value = Number(t.cell(cells, 'value'));
      // A count written as "22 / 220 / 28" is not one value of a series.
      if (!period || !Number.isFinite(value)) continue;
      const key = `${t.cell(cells, 'indicator')}|${period[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({
        indicator: t.cell(cells, 'indicator'),
        regionCode: '35.05',
        year: Number(period[1]),
        value,
        unit: t.cell(cells, 'unit'),
        source: `${t.cell(cells, 'original_source')}${period[2] ? ` · ${period[2]}` : ''}`,
      });
    }
    loaded += (await writeSeries(ctx, principal, rows)).rows;
  }
  if ((await repo.countNomenclature(db)) === 0)
    loaded += (
      await importNomenclature(
        ctx,
        principal,
        readFileSync(fileURLToPath(new URL('nomenclature/program-subset.csv', referenceDir))),
        'text/csv',
      )
    ).rows;
  return loaded;
}

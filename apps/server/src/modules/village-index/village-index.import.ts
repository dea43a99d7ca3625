import { extname } from 'node:path';
import {
  AppError,
  computeIndex,
  desaCodeFrom,
  type FieldIssue,
  idm2016,
  isDesaCode,
  isWithin,
  parseRegionCode,
  readRumusan,
  statusOf,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { readCsvUpload } from '../../http/table-file.ts';
import { appendAuditInBulk } from '../audit/audit.repository.ts';
import { readIndexTemplate } from './template.ts';
import type { NewResult } from './village-index.repository.ts';
import * as repo from './village-index.repository.ts';

/**
 * Kemendesa's yearly national file of IDM composites: KODE_PROV, NAMA_PROVINSI, KODE_KAB,
 * NAMA_KABUPATEN, KODE_KEC, NAMA_KECAMATAN, KODE_DESA, NAMA_DESA, IKS_<year>, IKE_<year>,
 * IKL_<year>, NILAI_IDM_<year>, STATUS_IDM_<year> (domain facts). Codes may be written with or
 * without dots. Every row is checked; one bad row refuses the whole file; importing the same
 * file again changes nothing.
 */
export interface CompositeImport {
  year: number;
  rows: NewResult[];
}

const MAX_ROWS = 200_000;

export async function readCompositesFile(data: Buffer, fileName: string): Promise<CompositeImport> {
  if (extname(fileName).toLowerCase() !== '.csv') {
    throw new AppError('VALIDATION', {
      issues: [{ field: 'file', issue: 'file_type', params: { types: '.csv' } }],
    });
  }
  const table = await readCsvUpload(data);
  const [header, ...body] = table;
  if (!header) throw new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'empty_file' }] });
  const cols = header.map((h) => h.trim().toUpperCase());
  const yearCol = cols.find((c) => /^NILAI_IDM_\d{4}$/.test(c));
  if (!yearCol)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'line 1, column NILAI_IDM_<tahun>', issue: 'missing_column' }],
    });
  const year = Number(yearCol.slice(-4));
  const need = [
    'KODE_DESA',
    `IKS_${year}`,
    `IKE_${year}`,
    `IKL_${year}`,
    `NILAI_IDM_${year}`,
    `STATUS_IDM_${year}`,
  ];
  const missing = need.filter((c) => !cols.includes(c));
  if (missing.length)
    throw new AppError('VALIDATION', {
      issues: missing.map((c) => ({ field: `line 1, column ${c}`, issue: 'missing_column' })),
    });
  if (body.length > MAX_ROWS)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'file', issue: 'too_many_rows', params: { max: MAX_ROWS } }],
    });
  const at = (name: string) => cols.indexOf(name);
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  const rows: NewResult[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    const code = desaCodeFrom(cells[at('KODE_DESA')]);
    if (code?.split('.').length !== 4) {
      issues.push({ field: `line ${line}, column KODE_DESA`, issue: 'region_code' });
      return;
    }
    if (seen.has(code))
      issues.push({
        field: `line ${line}, column KODE_DESA`,
        issue: 'duplicate_row',
        params: { line: seen.get(code)! },
      });
    seen.set(code, line);
    const num = (col: string) => {
      const raw = (cells[at(col)] ?? '').replace(',', '.');
      const v = raw === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(v) || v < 0 || v > 1) {
        issues.push({ field: `line ${line}, column ${col}`, issue: 'ratio_range' });
        return Number.NaN;
      }
      return v;
    };
    const iks = num(`IKS_${year}`);
    const ike = num(`IKE_${year}`);
    const ikl = num(`IKL_${year}`);
    const value = num(`NILAI_IDM_${year}`);
    const given = (cells[at(`STATUS_IDM_${year}`)] ?? '').trim().toUpperCase();
    if (Number.isFinite(value)) {
      const status = statusOf(idm2016, value).code;
      if (given !== status) {
        issues.push({
          field: `line ${line}, column STATUS_IDM_${year}`,
          issue: 'status_mismatch',
          params: { expected: status },
        });
      }
    }
    rows.push({
      schemeId: idm2016.id,
      year,
      regionCode: code,
      state: 'approved',
      source: 'official',
      scores: null,
      dimensions: { IKS: iks, IKE: ike, IKL: ikl },
      value,
      status: given,
    });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return { year, rows };
}

/**
 * Loads the rows in one transaction: COPY into a temporary table, then one upsert. Rows already
 * entered through the sign-off chain for that year are left alone and counted as kept.
 */
export async function importComposites(
  ctx: AppContext,
  principal: Principal,
  input: CompositeImport,
  fileName: string,
) {
  return ctx.database.bulk(async (tx) => {
    const changed = await repo.upsertOfficialResults(tx, input.rows, ctx.clock());
    const summary = { year: input.year, rows: input.rows.length, changed, file: fileName };
    await appendAuditInBulk(tx, principal, {
      action: 'village_index.imported',
      entity: 'village_index',
      entityId: `${idm2016.id}:${input.year}`,
      after: summary,
    });
    return summary;
  });
}

/**
 * The project's 50-indicator template (CSV or XLSX) as a year's official results of the
 * kabupaten's desa: scored with the scheme, all rows or none, idempotent like the composites.
 */
export async function readTemplateImport(
  ctx: AppContext,
  data: Buffer,
  fileName: string,
  year: number,
): Promise<CompositeImport> {
  const rows = await readIndexTemplate(idm2016, data, fileName);
  const kab = parseRegionCode(ctx.config.activeKabupaten);
  const issues: FieldIssue[] = [];
  const results: NewResult[] = [];
  for (const row of rows) {
    const code = parseRegionCode(row.kodeDesa);
    if (!isWithin(code, kab) || !isDesaCode(code)) {
      issues.push({ field: `line ${row.line}, column kode_desa`, issue: 'not_a_desa_here' });
      continue;
    }
    const r = computeIndex(idm2016, row.scores);
    results.push({
      schemeId: idm2016.id,
      year,
      regionCode: code,
      state: 'approved',
      source: 'official',
      scores: row.scores,
      dimensions: Object.fromEntries(r.dimensions.map((d) => [d.code, d.value])),
      value: r.value,
      status: r.status.code,
    });
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return { year, rows: results };
}

/**
 * Kemendesa's per-desa "rumusan" JSON files (one per desa), as a year's official results: each
 * file is read and checked against its own subtotals; every desa must lie in the kabupaten and
 * all files must be of one year. All files or none; importing them again changes nothing.
 */
export function readRumusanImport(
  ctx: AppContext,
  files: readonly { fileName: string; kodeDesa?: string | undefined; content: string }[],
): CompositeImport {
  const kab = parseRegionCode(ctx.config.activeKabupaten);
  const issues: FieldIssue[] = [];
  const results: NewResult[] = [];
  const seen = new Map<string, string>();
  let year: number | null = null;
  for (const file of files) {
    const at = (field: string) => `${file.fileName}: ${field}`;
    let doc: unknown;
    try {
      doc = JSON.parse(file.content);
    } catch {
      issues.push({ field: at('file'), issue: 'not_json' });
      continue;
    }
    const hint = file.kodeDesa ?? /(\d{2}\.?\d{2}\.?\d{2}\.?\d{4})/.exec(file.fileName)?.[1] ?? null;
    const read = readRumusan(idm2016, doc, hint);
    if (!read.ok) {
      issues.push(...read.issues.map((i) => ({ ...i, field: at(i.field) })));
      continue;
    }
    const r = read.result;
    const code = parseRegionCode(r.code);
    if (!isWithin(code, kab) || !isDesaCode(code)) {
      issues.push({ field: at('IDENTITAS.kode_desa'), issue: 'not_a_desa_here' });
      continue;
    }
    if (seen.has(code)) {
      issues.push({
        field: at('IDENTITAS.kode_desa'),
        issue: 'duplicate_file',
        params: { file: seen.get(code)! },
      });
      continue;
    }
    seen.set(code, file.fileName);
    year ??= r.year;
    if (r.year !== year) {
      issues.push({ field: at('SUMMARIES.TAHUN'), issue: 'other_year', params: { year } });
      continue;
    }
    const computed = computeIndex(idm2016, r.scores);
    results.push({
      schemeId: idm2016.id,
      year: r.year,
      regionCode: code,
      state: 'approved',
      source: 'official',
      scores: r.scores,
      dimensions: Object.fromEntries(computed.dimensions.map((d) => [d.code, d.value])),
      value: computed.value,
      status: computed.status.code,
    });
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return { year: year!, rows: results };
}

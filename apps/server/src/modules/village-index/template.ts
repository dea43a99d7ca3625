import { extname } from 'node:path';
import {
  AppError,
  type FieldIssue,
  type IndexScheme,
  indicatorsOf,
  isRegionCode,
  readNumber,
} from '@sinergi/core';
import { readCsvUpload, readXlsxUpload } from '../../http/table-file.ts';
import { columnKey } from '../../reports/xlsx.ts';

/**
 * The project's 50-indicator template: one row per desa, a `kode_desa` column and one column per
 * indicator code (as in reference-data/idm/idm2024_indikator_kab_blitar.csv); other columns are
 * ignored. CSV or XLSX (first sheet).
 */
export interface TemplateRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  kodeDesa: string;
  scores: Record<string, number>;
}

const MAX_ROWS = 200_000;

async function readTable(data: Buffer, fileName: string): Promise<string[][]> {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xlsx') return [...(await readXlsxUpload(data)).values()][0] ?? [];
  if (ext === '.csv' || ext === '.txt' || ext === '') {
    return readCsvUpload(data);
  }
  throw new AppError('VALIDATION', {
    issues: [{ field: 'file', issue: 'file_type', params: { types: '.csv, .xlsx' } }],
  });
}

/** Reads and checks every row; all problems are reported together, each with its line and column. */
export async function readIndexTemplate(
  scheme: IndexScheme,
  data: Buffer,
  fileName: string,
): Promise<TemplateRow[]> {
  const table = await readTable(data, fileName);
  const [header, ...body] = table;
  if (!header) throw new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'empty_file' }] });
  // "Kode desa" (a downloaded template's title) is the `kode_desa` column.
  const columns = header.map((h) => (columnKey(h) === 'kode_desa' ? 'kode_desa' : h.trim()));
  const codes = indicatorsOf(scheme).map((i) => i.code);
  const missing = ['kode_desa', ...codes].filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new AppError('VALIDATION', {
      issues: missing.slice(0, 20).map((c) => ({ field: `line 1, column ${c}`, issue: 'missing_column' })),
    });
  }
  if (body.length > MAX_ROWS)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'file', issue: 'too_many_rows', params: { max: MAX_ROWS } }],
    });
  const at = new Map(columns.map((c, i) => [c, i]));
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  const rows: TemplateRow[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const kodeDesa = (cells[at.get('kode_desa')!] ?? '').trim();
    if (!isRegionCode(kodeDesa) || kodeDesa.split('.').length !== 4) {
      issues.push({ field: `line ${line}, column kode_desa`, issue: 'region_code' });
    } else if (seen.has(kodeDesa)) {
      issues.push({
        field: `line ${line}, column kode_desa`,
        issue: 'duplicate_row',
        params: { line: seen.get(kodeDesa)! },
      });
    } else {
      seen.set(kodeDesa, line);
    }
    const scores: Record<string, number> = {};
    for (const code of codes) {
      const raw = (cells[at.get(code)!] ?? '').trim();
      const value = readNumber(raw) ?? Number.NaN;
      if (!Number.isInteger(value) || value < scheme.scoreMin || value > scheme.scoreMax) {
        issues.push({
          field: `line ${line}, column ${code}`,
          issue: raw === '' ? 'required' : 'score_range',
          params: { min: scheme.scoreMin, max: scheme.scoreMax },
        });
      }
      scores[code] = value;
    }
    rows.push({ line, kodeDesa, scores });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  // A header and nothing under it is refused, not recorded as an import of no desa.
  if (!rows.length) throw new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'empty_file' }] });
  return rows;
}

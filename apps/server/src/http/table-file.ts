import { AppError } from '@sinergi/core';
import { parseCsvTable, readXlsxSheets } from '../modules/village-index/template.ts';
import { columnKey } from '../reports/xlsx.ts';
import { XLSX_TYPE } from './upload.ts';

/** The first sheet of an uploaded XLSX, or the rows of an uploaded CSV, as cell texts. */
export async function uploadedTable(data: Buffer, type: string): Promise<string[][]> {
  return type === XLSX_TYPE ? ([...(await readXlsxSheets(data)).values()][0] ?? []) : parseCsvTable(data);
}

/**
 * The columns of a table by their header names (lower case, trimmed): `cell(row, name)` gives a
 * row's text in that column ('' when absent). Refuses the file naming every required column that
 * is missing; `where` prefixes the field (e.g. "sheet Pohon, ").
 */
export function tableColumns(header: readonly string[] | undefined, required: readonly string[], where = '') {
  if (!header) throw new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'empty_file' }] });
  const cols = header.map(columnKey);
  const missing = required.filter((c) => !cols.includes(c));
  if (missing.length)
    throw new AppError('VALIDATION', {
      issues: missing.map((c) => ({ field: `${where}line 1, column ${c}`, issue: 'missing_column' })),
    });
  return {
    names: cols,
    cell: (row: readonly string[], name: string) =>
      cols.includes(name) ? (row[cols.indexOf(name)] ?? '').trim() : '',
  };
}

import { AppError, formatNumber, numberCellText } from '@sinergi/core';
import { parse } from 'csv-parse/sync';
import { columnKey } from '../reports/xlsx.ts';
import { csvIssue } from './csv-errors.ts';
import { assertUnpackedWithin } from './zip-limits.ts';

/**
 * How much table an upload may hold (issue 17): a file beyond any of these is refused with the
 * limit named, before its rows are checked. A route passes its own when its files are larger.
 */
export interface TableLimits {
  rows: number;
  columns: number;
  /** Characters in one cell. */
  cellChars: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = { rows: 200_000, columns: 200, cellChars: 4_000 };

/** A whole file refused for one reason, named as the field `file`. */
export const refuseFile = (issue: string, params: Record<string, string | number> = {}) =>
  new AppError('VALIDATION', { issues: [{ field: 'file', issue, params }] });

/** Checks rows, columns and cell lengths of a parsed table; the first problem refuses the file. */
function assertWithin(table: string[][], limits: TableLimits, rowsBefore: number): void {
  if (rowsBefore + table.length > limits.rows + 1)
    throw refuseFile('too_many_rows', { max: formatNumber(limits.rows) });
  for (const [i, row] of table.entries()) {
    if (row.length > limits.columns)
      throw refuseFile('too_many_columns', { max: limits.columns, line: rowsBefore + i + 1 });
    for (const cell of row)
      if (cell.length > limits.cellChars)
        throw refuseFile('cell_too_long', { max: formatNumber(limits.cellChars), line: rowsBefore + i + 1 });
  }
}

/**
 * A CSV file as rows of trimmed cells; a broken file is a field issue, not a crash. For a part of
 * a file (csvSlices): `rowsBefore`, the rows before it, counted against the limits, and
 * `linesBefore`, the lines before it, so a broken line is named by its line in the whole file.
 */
export function parseCsvTable(
  data: Buffer,
  options: { relaxQuotes?: boolean; limits?: TableLimits; rowsBefore?: number; linesBefore?: number } = {},
): string[][] {
  const limits = options.limits ?? DEFAULT_TABLE_LIMITS;
  const rowsBefore = options.rowsBefore ?? 0;
  let table: string[][];
  try {
    table = parse(data, {
      bom: true,
      // For files written by hand, where a quote may sit inside an unquoted cell.
      relax_quotes: options.relaxQuotes ?? false,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // Stops reading one row past the limit, so a file of millions of rows is not read whole.
      to_line: Math.max(1, limits.rows + 2 - rowsBefore),
      max_record_size: limits.columns * limits.cellChars,
    }) as string[][];
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CSV_MAX_RECORD_SIZE')
      throw refuseFile('record_too_long', { max: formatNumber(limits.columns * limits.cellChars) });
    const { issue, params } = csvIssue(error, data, options.linesBefore ?? 0);
    throw refuseFile(issue, params);
  }
  assertWithin(table, limits, rowsBefore);
  return table;
}

/**
 * A CSV file cut into parts of about `bytes` each, every part whole lines: a cut is made only at
 * a line end after an even number of quote characters, so never inside a quoted cell (a quote
 * within one is written twice). A file with a stray quote is cut less, or not at all.
 */
export function* csvSlices(data: Buffer, bytes: number): Generator<Buffer> {
  let start = 0;
  let quotes = 0;
  let target = bytes;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === 0x22) quotes++;
    else if (c === 0x0a && i >= target && quotes % 2 === 0) {
      yield data.subarray(start, i + 1);
      start = i + 1;
      target = start + bytes;
    }
  }
  if (start < data.length) yield data.subarray(start);
}

/**
 * A workbook cell as text: a number as `numberCellText` writes it (so that 2.125 is not read as
 * 2125 by the Indonesian reading of a dot before three digits), a date cell as YYYY-MM-DD (ExcelJS
 * gives the day the cell shows at midnight UTC), a formula as its result.
 */
function cellText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'number') return numberCellText(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return cellText(v.result);
  return String(v).trim();
}

/** Every sheet of a workbook as rows of cell texts (formulas give their result), by sheet name. */
export async function readXlsxSheets(
  data: Buffer,
  limits = DEFAULT_TABLE_LIMITS,
): Promise<Map<string, string[][]>> {
  // What it unpacks into is bounded before the reader loads it whole.
  await assertUnpackedWithin(data);
  // Loaded when a workbook comes (it is a quarter of the start-up time of a command otherwise).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw refuseFile('not_xlsx', {});
  }
  const sheets = new Map<string, string[][]>();
  for (const sheet of workbook.worksheets) {
    if (sheet.rowCount > limits.rows + 1)
      throw refuseFile('too_many_rows', { max: formatNumber(limits.rows) });
    if (sheet.columnCount > limits.columns)
      throw refuseFile('too_many_columns', { max: limits.columns, line: 1 });
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      // Array.from fills the holes ExcelJS leaves for empty cells.
      const values = Array.from((row.values as unknown[]).slice(1));
      table.push(values.map((v) => cellText(v)));
    });
    assertWithin(table, limits, 0);
    sheets.set(sheet.name, table);
  }
  return sheets;
}

/** The lines a part of a file ends (its line feeds). */
export function linesIn(data: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(0x0a); i !== -1; i = data.indexOf(0x0a, i + 1)) n++;
  return n;
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

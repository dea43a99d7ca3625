import { AppError, type FieldIssue } from '../errors/app-error.ts';
import { desaCodeFrom } from '../regions/region-code.ts';
import type { RegionCode } from '../types.ts';
import { statusOf } from './engine.ts';
import { idm2016 } from './schemes/idm-2016.ts';

/** One desa of Kemendesa's yearly composites file, checked. */
export interface CompositeRow {
  regionCode: RegionCode;
  iks: number;
  ike: number;
  ikl: number;
  value: number;
  status: string;
}

export interface CompositesFile {
  year: number;
  rows: CompositeRow[];
}

const YEAR_COLUMN = /^NILAI_IDM_\d{4}$/;

/**
 * Kemendesa's yearly national file of IDM composites as a table of cell texts, header first:
 * KODE_PROV, NAMA_PROVINSI, KODE_KAB, NAMA_KABUPATEN, KODE_KEC, NAMA_KECAMATAN, KODE_DESA,
 * NAMA_DESA, IKS_<year>, IKE_<year>, IKL_<year>, NILAI_IDM_<year>, STATUS_IDM_<year> (domain
 * facts). Codes may be written with or without dots, decimals with a dot or a comma. Every row is
 * checked (a ratio within 0 to 1, one row per desa, the status the value belongs to under
 * Permendesa 2/2016) and every problem is named; one bad row refuses the whole file.
 */
export function readCompositesTable(table: readonly (readonly string[])[], maxRows: number): CompositesFile {
  const reader = compositesReader(table[0]);
  if (table.length - 1 > maxRows)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'file', issue: 'too_many_rows', params: { max: maxRows } }],
    });
  const rows: CompositeRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const row = reader.read(table[i]!, i + 1);
    if (row) rows.push(row);
  }
  reader.finish();
  return { year: reader.year, rows };
}

/** The columns of a composites file that Sinergi reads, as indexes into a row. */
export interface CompositesColumns {
  code: number;
  iks: number;
  ike: number;
  ikl: number;
  value: number;
  status: number;
}

/**
 * Reads a composites file row by row, for a file read in parts (the national file is 75,000 rows,
 * checked while the rows already read are loaded): the header names the year and the columns
 * (refused at once when one is missing); `read` checks one row, noting its issues, and gives the
 * row when it is sound; `finish` refuses the file with every issue noted, or when it had no row.
 */
export function compositesReader(header: readonly string[] | undefined) {
  if (!header) throw new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'empty_file' }] });
  const cols = header.map((h) => h.trim().toUpperCase());
  const yearCol = cols.find((c) => YEAR_COLUMN.test(c));
  if (!yearCol)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'line 1, column NILAI_IDM_<tahun>', issue: 'missing_column' }],
    });
  const year = Number(yearCol.slice(-4));
  const names = {
    code: 'KODE_DESA',
    iks: `IKS_${year}`,
    ike: `IKE_${year}`,
    ikl: `IKL_${year}`,
    value: `NILAI_IDM_${year}`,
    status: `STATUS_IDM_${year}`,
  };
  const missing = Object.values(names).filter((c) => !cols.includes(c));
  if (missing.length)
    throw new AppError('VALIDATION', {
      issues: missing.map((c) => ({ field: `line 1, column ${c}`, issue: 'missing_column' })),
    });
  const at: CompositesColumns = {
    code: cols.indexOf(names.code),
    iks: cols.indexOf(names.iks),
    ike: cols.indexOf(names.ike),
    ikl: cols.indexOf(names.ikl),
    value: cols.indexOf(names.value),
    status: cols.indexOf(names.status),
  };
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  let desa = 0;
  // No closure per row: a national file has 75,000 rows (issue 18).
  const read = (cells: readonly string[], line: number): CompositeRow | null => {
    const regionCode = desaCodeFrom(cells[at.code]);
    if (regionCode === null) {
      issues.push({ field: `line ${line}, column ${names.code}`, issue: 'region_code' });
      return null;
    }
    const first = seen.get(regionCode);
    if (first !== undefined)
      issues.push({
        field: `line ${line}, column ${names.code}`,
        issue: 'duplicate_row',
        params: { line: first },
      });
    seen.set(regionCode, line);
    const before = issues.length;
    const iks = ratio(cells[at.iks], line, names.iks, issues);
    const ike = ratio(cells[at.ike], line, names.ike, issues);
    const ikl = ratio(cells[at.ikl], line, names.ikl, issues);
    const value = ratio(cells[at.value], line, names.value, issues);
    const status = (cells[at.status] ?? '').trim().toUpperCase();
    if (!Number.isNaN(value)) {
      const expected = statusOf(idm2016, value).code;
      if (status !== expected)
        issues.push({
          field: `line ${line}, column ${names.status}`,
          issue: 'status_mismatch',
          params: { expected },
        });
    }
    desa++;
    return issues.length === before && first === undefined
      ? { regionCode, iks, ike, ikl, value, status }
      : null;
  };
  const finish = () => {
    if (issues.length) throw new AppError('VALIDATION', { issues });
    // A header and nothing under it is refused, not recorded as an import of no desa.
    if (!desa) throw new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'empty_file' }] });
  };
  return { year, columns: at, issues: issues as readonly FieldIssue[], read, finish };
}

/** A cell holding a ratio from 0 to 1, with a decimal dot or comma; NaN (and an issue) when not. */
function ratio(cell: string | undefined, line: number, column: string, issues: FieldIssue[]): number {
  const raw = (cell ?? '').replace(',', '.');
  const v = raw === '' ? Number.NaN : Number(raw);
  if (Number.isFinite(v) && v >= 0 && v <= 1) return v;
  issues.push({ field: `line ${line}, column ${column}`, issue: 'ratio_range' });
  return Number.NaN;
}

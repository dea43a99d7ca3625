import { formatDate } from '@sinergi/core';

/** A date cell shown the Indonesian way in Excel and LibreOffice ("30 November 2026"; LCID 0421). */
export const DATE_FORMAT = '[$-421]d mmmm yyyy';

/** What a report workbook is: its title and scope head every sheet, with the day it was made. */
export interface XlsxDocument {
  title: string;
  /** Whose data ("Kabupaten Blitar", "Dinas PUPR"); the download date follows it. */
  scope?: string;
  at?: Date;
}

export interface XlsxColumn<T> {
  /** The column's title; a snake_case key is written as words ("perkiraan_biaya_rp": "Perkiraan biaya (Rp)"). */
  header: string;
  width?: number;
  /** Excel number format, e.g. '0.0000'. */
  format?: string;
  /** Sum this column in a "Jumlah" row under the table. */
  total?: boolean;
  /** A Date is written as a date cell in DATE_FORMAT. */
  value(row: T): string | number | Date | null;
}

/** A sheet whose columns and rows agree on the row type (see `sheet`). */
export interface XlsxSheet {
  name: string;
  columns: XlsxColumn<never>[];
  rows: readonly unknown[];
  /** Lines above the table (the report's name, its scope and date); none for an import template. */
  title?: readonly string[];
}

/** A sheet definition with its row type checked against its columns. */
export function sheet<T>(
  name: string,
  columns: XlsxColumn<T>[],
  rows: readonly T[],
  title?: readonly string[],
): XlsxSheet {
  return { name, columns: columns as XlsxColumn<never>[], rows, ...(title ? { title } : {}) };
}

const acronyms = new Set([
  'id',
  'idm',
  'ike',
  'ikl',
  'iks',
  'opd',
  'nik',
  'kk',
  'rt',
  'rw',
  'sipd',
  'apbd',
  'apbn',
  'apbdes',
  'dak',
  'dau',
  'csr',
  'umkm',
  'pb',
  'no',
]);

/**
 * A header as a title: "perkiraan_biaya_rp" is "Perkiraan biaya (Rp)", "kode_desa" is "Kode
 * desa", "realisasi apbd_provinsi" is "Realisasi APBD provinsi". Words already written stay as
 * they are but for the first letter. The importers read either form (see tableColumns), so a
 * downloaded template still comes back in.
 */
export function columnTitle(header: string): string {
  const rp = /^[a-z0-9_]+_rp$/.test(header);
  const text = (rp ? header.slice(0, -3) : header)
    .split(/[_ ]+/)
    .filter(Boolean)
    .map((w) => (acronyms.has(w) ? w.toUpperCase() : w))
    .join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${rp ? ' (Rp)' : ''}`;
}

/**
 * A header as the key the importers ask for: "Perkiraan biaya (Rp)" and "perkiraan_biaya_rp" are
 * both `perkiraan_biaya_rp`, so a template downloaded with human titles imports as before.
 */
export function columnKey(header: string): string {
  return header.trim().toLowerCase().replace(/[()]/g, '').trim().replace(/\s+/g, '_');
}

/**
 * Sheets with a bold, frozen, filterable header row of human column titles: the export of any
 * table. A report sheet has its title lines above the table and a "Jumlah" row for its summed
 * columns; an import template has neither, so its first row is the header.
 */
export async function xlsxOfSheets(sheets: readonly XlsxSheet[], doc?: XlsxDocument): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sinergi';
  for (const one of sheets) {
    const s =
      one.title || !doc ? one : { ...one, title: titleLines(doc, sheets.length > 1 ? one.name : null) };
    const top = s.title?.length ? s.title.length + 1 : 0;
    const ws = workbook.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: top + 1 }] });
    s.title?.forEach((line, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = line;
      cell.font = i === 0 ? { bold: true, size: 13 } : { italic: true };
    });
    s.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      column.width = c.width ?? 16;
      if (c.format) column.numFmt = c.format;
    });
    const header = ws.getRow(top + 1);
    header.values = s.columns.map((c) => columnTitle(c.header));
    header.font = { bold: true };
    for (const row of s.rows) {
      const values = s.columns.map((c) => (c.value as (r: unknown) => unknown)(row));
      const added = ws.addRow(values);
      // A date is a date cell shown the Indonesian way, set as the row is written (one pass).
      values.forEach((v, i) => {
        if (v instanceof Date && !s.columns[i]!.format) added.getCell(i + 1).numFmt = DATE_FORMAT;
      });
    }
    if (s.columns.some((c) => c.total) && s.rows.length) {
      const sums = s.columns.map((c, i) => {
        if (i === 0) return 'Jumlah';
        if (!c.total) return null;
        return s.rows.reduce<number>((sum, r) => {
          const v = (c.value as (r: unknown) => unknown)(r);
          return sum + (typeof v === 'number' ? v : 0);
        }, 0);
      });
      ws.addRow(sums).font = { bold: true };
    }
    ws.autoFilter = { from: { row: top + 1, column: 1 }, to: { row: top + 1, column: s.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One table as one sheet. */
export function xlsxOf<T>(
  name: string,
  columns: XlsxColumn<T>[],
  rows: readonly T[],
  doc?: XlsxDocument,
): Promise<Buffer> {
  return xlsxOfSheets([sheet(name, columns, rows)], doc);
}

function titleLines(doc: XlsxDocument, sheetName: string | null): string[] {
  return [
    sheetName ? `${doc.title}: ${sheetName}` : doc.title,
    [doc.scope, `diunduh ${formatDate(doc.at ?? new Date())}`].filter(Boolean).join(' · '),
  ];
}

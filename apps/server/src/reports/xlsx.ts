import ExcelJS from 'exceljs';

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  /** Excel number format, e.g. '0.0000'. */
  format?: string;
  value(row: T): string | number | null;
}

/** A sheet whose columns and rows agree on the row type (see `sheet`). */
export interface XlsxSheet {
  name: string;
  columns: XlsxColumn<never>[];
  rows: readonly unknown[];
}

/** A sheet definition with its row type checked against its columns. */
export function sheet<T>(name: string, columns: XlsxColumn<T>[], rows: readonly T[]): XlsxSheet {
  return { name, columns: columns as XlsxColumn<never>[], rows };
}

/** Sheets with a bold, frozen, filterable header row: the export of any table. */
export async function xlsxOfSheets(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sinergi';
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      width: c.width ?? 16,
      style: c.format ? { numFmt: c.format } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of s.rows)
      ws.addRow(s.columns.map((c) => (c.value as (r: unknown) => string | number | null)(row)));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One table as one sheet. */
export function xlsxOf<T>(name: string, columns: XlsxColumn<T>[], rows: readonly T[]): Promise<Buffer> {
  return xlsxOfSheets([sheet(name, columns, rows)]);
}

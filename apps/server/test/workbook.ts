import type ExcelJS from 'exceljs';

/**
 * The row of a sheet's column titles: a report sheet has its title lines above the table, and its
 * view is frozen just under the header (reports/xlsx.ts), so the frozen row is the header.
 */
export function headerRowOf(ws: ExcelJS.Worksheet): number {
  const view = ws.views[0] as { ySplit?: number } | undefined;
  return view?.ySplit ?? 1;
}

/** A sheet's table rows under its header, as arrays of cell values (a "Jumlah" row included). */
export function bodyRowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const top = headerRowOf(ws);
  const rows: unknown[][] = [];
  for (let i = top + 1; i <= ws.rowCount; i++) rows.push((ws.getRow(i).values as unknown[]).slice(1));
  return rows;
}

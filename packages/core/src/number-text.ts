/**
 * Numbers in files as an Indonesian office writes them, read one way by every import (a CSV saved
 * from a spreadsheet, a cell of a workbook), the way the forms take them when typed:
 *
 * - `Rp150.000.000`, `Rp 150.000.000,00`, `150.000.000`, `150 000 000`: a dot before groups of three
 *   digits is grouping, so `1.200` is twelve hundred, as it is in Indonesian writing;
 * - `2,5`, `1.234,5`, `-8,0085`, `45,5 %`: the comma is the decimal mark;
 * - `0.7234`, `-8.0085`, `2.5`, `1.5E+08`: a dot that cannot be grouping is a decimal point, as other
 *   systems export their data, so those files read too.
 *
 * A workbook's numeric cells reach the readers as `numberCellText` writes them, so that a number the
 * workbook holds as 2.125 is not read as 2125.
 */
export type NumberKind = 'whole' | 'decimal';

const PLAIN = /^\d+$/;
const GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
const SPACED = /^[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?$/;
const COMMA = /^\d+,\d+$/;
const POINT = /^\d*\.\d+$/;
const EXPONENT = /^\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const SPACES = /[\s\u00a0\u202f]+/g;

/**
 * The number `text` means, or null when it is empty or not a number (`1,2,3`, `12.34.5`, `abc`).
 * `whole` refuses a number with decimals (`Rp1.500,50`), for rupiah and counts; `1.500,00` is whole.
 */
export function readNumber(text: string, kind: NumberKind = 'decimal'): number | null {
  let s = text.trim();
  if (PLAIN.test(s)) return Number(s);
  let negative = false;
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = true;
    s = s.slice(1).trimStart();
  }
  const prefix = /^(?:rp\.?|idr)\s*/i.exec(s);
  if (prefix) s = s.slice(prefix[0].length);
  if (!negative && (s.startsWith('-') || s.startsWith('\u2212'))) {
    negative = true;
    s = s.slice(1);
  }
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  // Spaces group thousands only as whole groups of three ("150 000 000").
  if (SPACED.test(s.replace(SPACES, ' '))) s = s.replace(SPACES, '.');
  let value: number;
  if (PLAIN.test(s)) value = Number(s);
  else if (GROUPED.test(s) || COMMA.test(s)) value = Number(s.replaceAll('.', '').replace(',', '.'));
  else if (POINT.test(s)) value = Number(s);
  else if (EXPONENT.test(s)) value = Number(s.replace(',', '.'));
  else return null;
  if (!Number.isFinite(value) || (kind === 'whole' && !Number.isInteger(value))) return null;
  return negative ? -value : value;
}

/**
 * The text of a number held by a workbook cell, as the readers above take it: `String(n)`, except
 * that a number whose text would look grouped (2.125) is written with a decimal comma (2,125).
 */
export function numberCellText(n: number): string {
  const s = String(n);
  return GROUPED.test(s.startsWith('-') ? s.slice(1) : s) ? s.replace('.', ',') : s;
}

import type { CompositeRow, CompositesColumns } from '@sinergi/core';

/**
 * The lines a load of official results COPYs into `village_index_results` (the repository runs
 * the COPY). Kept apart from the repository so the parse thread can write them for a national
 * composites file as it reads it, and the thread loads no database code.
 */

/** The columns a load writes, in the order of its lines. */
export const RESULT_COLUMNS = [
  'scheme_id',
  'year',
  'region_code',
  'state',
  'source',
  'scores',
  'dimensions',
  'value',
  'status',
] as const;

/**
 * A ratio as the file wrote it, when that is already the shortest decimal of its number (as
 * `String(n)` would write it: at most 15 digits after the point, no trailing zero), else as
 * `String(n)`. Writing the 300,000 numbers of a national file anew took longer than its COPY.
 */
const SHORTEST = /^(?:0|1)(?:\.\d{0,14}[1-9])?$/;
const decimal = (cell: string | undefined, n: number) => {
  const text = (cell ?? '').replace(',', '.');
  return SHORTEST.test(text) ? text : String(n);
};

/**
 * One checked row of a composites file (core compositesReader), official and approved, as a line
 * of RESULT_COLUMNS. Its code (digits and dots) and status (a status code) need no escaping.
 */
export function compositeLine(
  schemeId: string,
  year: number,
  row: CompositeRow,
  cells: readonly string[],
  at: CompositesColumns,
): string {
  const iks = decimal(cells[at.iks], row.iks);
  const ike = decimal(cells[at.ike], row.ike);
  const ikl = decimal(cells[at.ikl], row.ikl);
  return `"${schemeId}",${year},"${row.regionCode}","approved","official",,"{""IKS"":${iks},""IKE"":${ike},""IKL"":${ikl}}",${decimal(cells[at.value], row.value)},"${row.status}"`;
}

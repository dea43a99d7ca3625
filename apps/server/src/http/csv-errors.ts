/**
 * The line (1-based, in `data`) of the quote that opens a cell never closed: a quote opens a cell
 * only at its start (after a delimiter or a line end, spaces allowed), and inside a quoted cell a
 * doubled quote is a quote, a single one closes it.
 */
function unclosedQuoteLine(data: Buffer): number {
  let line = 1;
  let openedAt = 1;
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (quoted) {
      if (c === 0x22) {
        if (data[i + 1] === 0x22) i++;
        else quoted = false;
      } else if (c === 0x0a) line++;
      continue;
    }
    if (c === 0x22 && cellStart) {
      quoted = true;
      openedAt = line;
    } else if (c === 0x0a) {
      line++;
      cellStart = true;
    } else if (c === 0x2c) cellStart = true;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) cellStart = false;
  }
  return openedAt;
}

/**
 * Why csv-parse could not read a file, as a field issue in the user's words: csv-parse's own sentence
 * is English and speaks of fields by index, so each of its codes becomes a translated issue naming
 * the line in the whole file (`linesBefore` lines precede `data`) and the column from 1.
 */
export function csvIssue(
  error: unknown,
  data: Buffer,
  linesBefore: number,
): { issue: string; params: Record<string, number> } {
  const { code, lines, column } = error as { code?: string; lines?: number; column?: unknown };
  const line = (typeof lines === 'number' ? lines : 1) + linesBefore;
  const at = { line, column: typeof column === 'number' ? column + 1 : 1 };
  switch (code) {
    case 'INVALID_OPENING_QUOTE':
      return { issue: 'csv_quote_inside', params: at };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { issue: 'csv_after_closing_quote', params: at };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { issue: 'csv_quote_not_closed', params: { line: unclosedQuoteLine(data) + linesBefore } };
    default:
      return { issue: 'not_csv', params: { line } };
  }
}

import { AppError, type FieldIssue, type HouseholdRecord, readNumber } from '@sinergi/core';
import { readCsvUpload } from '../../http/table-file.ts';
import { tableColumns } from '../../http/table-parse.ts';

/**
 * Household survey records from CSV: `id,expenditure_per_capita,size,weight,region` (region may be
 * empty; other columns are ignored). Every cell is checked and the problems come back together,
 * each with its line and column.
 */
export async function readSurveyCsv(data: Buffer): Promise<HouseholdRecord[]> {
  // A household survey of a whole province stays under a million records.
  const [header, ...body] = await readCsvUpload(data, { rows: 1_000_000, columns: 50, cellChars: 200 });
  const columns = tableColumns(header, ['id', 'expenditure_per_capita', 'size', 'weight']);
  const issues: FieldIssue[] = [];
  const records: HouseholdRecord[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: string) => columns.cell(cells, c);
    const num = (c: string, ok: (x: number) => boolean, issue: string) => {
      const x = readNumber(cell(c)) ?? Number.NaN;
      if (Number.isNaN(x) || !ok(x)) issues.push({ field: `line ${line}, column ${c}`, issue });
      return x;
    };
    const id = cell('id');
    if (!id) issues.push({ field: `line ${line}, column id`, issue: 'required' });
    else if (seen.has(id))
      issues.push({
        field: `line ${line}, column id`,
        issue: 'duplicate_id',
        params: { line: seen.get(id)! },
      });
    seen.set(id, line);
    records.push({
      id,
      expenditurePerCapita: num('expenditure_per_capita', (x) => x >= 0, 'not_a_number'),
      size: num('size', (x) => Number.isInteger(x) && x >= 1, 'household_size'),
      weight: num('weight', (x) => x > 0, 'survey_weight'),
      region: cell('region') || undefined,
    });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  if (!records.length) throw new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'empty_file' }] });
  return records;
}

// The two contracts it needs, not the index: `sinergi allocate` then builds two zod schemas at start,
// not every one of the API's (issue 18).
import { type PortfolioRulesInput, portfolioRules } from '@sinergi/contracts/allocation';
import { toFieldIssue } from '@sinergi/contracts/issues';
import {
  AppError,
  type FieldIssue,
  type PortfolioItem,
  type PortfolioRules,
  readNumber,
} from '@sinergi/core';
import { parseCsvTable, tableColumns } from '../../http/table-parse.ts';

/**
 * Proposals for `sinergi allocate`: a CSV with `id,cost,score` and optional `kecamatan,opd,bidang`
 * (other columns ignored). Every cell is checked; the problems come back together, each with its
 * line and column.
 */
export function readPortfolioCsv(data: Buffer): PortfolioItem[] {
  const [header, ...body] = parseCsvTable(data);
  const columns = tableColumns(header, ['id', 'cost', 'score']);
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  const items: PortfolioItem[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: string) => columns.cell(cells, c);
    const id = cell('id');
    if (!id) issues.push({ field: `line ${line}, column id`, issue: 'required' });
    else if (seen.has(id))
      issues.push({
        field: `line ${line}, column id`,
        issue: 'duplicate_id',
        params: { line: seen.get(id)! },
      });
    seen.set(id, line);
    const cost = readNumber(cell('cost'), 'whole') ?? Number.NaN;
    if (!(cost >= 0)) issues.push({ field: `line ${line}, column cost`, issue: 'rupiah' });
    const score = readNumber(cell('score')) ?? Number.NaN;
    if (!(score >= 0)) issues.push({ field: `line ${line}, column score`, issue: 'not_a_number' });
    items.push({
      id,
      cost,
      score,
      kecamatan: cell('kecamatan') || undefined,
      opd: cell('opd') || undefined,
      bidang: cell('bidang') || undefined,
    });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return items;
}

/** Rules from JSON (the shape of `portfolioRules`), every field named on error. */
export function readPortfolioRules(
  text: string,
  budget: number,
): PortfolioRules & Pick<PortfolioRulesInput, 'costProfiles'> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', { issues: [{ field: 'rules', issue: 'not_json' }] });
  }
  const parsed = portfolioRules.safeParse(json);
  if (!parsed.success)
    throw new AppError('VALIDATION', {
      issues: parsed.error.issues.map((i) => toFieldIssue('rules', i as never)),
    });
  return { ...parsed.data, budget };
}

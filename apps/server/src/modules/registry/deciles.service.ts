import { AppError, type FieldIssue, readNumber } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { inSlices } from '../../http/slices.ts';
import { readCsvUpload } from '../../http/table-file.ts';
import { tableColumns } from '../../http/table-parse.ts';
import { keyedHash } from '../../personal/personal-data.ts';
import { appendAuditInBulk } from '../audit/audit.repository.ts';
import * as repo from './registry.repository.ts';

/**
 * Welfare deciles per family from a DTSEN-style file (`no_kk,desil`; the deciles are imported,
 * never computed: the official model is not public). Rows of unknown families are counted, not stored.
 */
export async function importDeciles(ctx: AppContext, principal: Principal, data: Buffer, year: number) {
  // A kabupaten has a few hundred thousand families; two short columns each.
  const [header, ...body] = await readCsvUpload(data, { rows: 1_500_000, columns: 20, cellChars: 100 });
  const columns = tableColumns(header, ['no_kk', 'desil']);
  const issues: FieldIssue[] = [];
  const rows: { hash: string; decile: number }[] = [];
  // In slices with a pause between them: hashing a kabupaten's million No. KK takes seconds, and
  // other people's requests are answered in the pauses.
  await inSlices(body, 20_000, (cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const kk = columns.cell(cells, 'no_kk');
    const d = readNumber(columns.cell(cells, 'desil'), 'whole') ?? Number.NaN;
    if (!/^\d{16}$/.test(kk)) issues.push({ field: `line ${line}, column no_kk`, issue: 'kk' });
    if (!Number.isInteger(d) || d < 1 || d > 10)
      issues.push({ field: `line ${line}, column desil`, issue: 'decile' });
    rows.push({ hash: keyedHash(ctx.config.personalDataKey, 'kk', kk), decile: d });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  const matched = await ctx.database.bulk(async (tx) => {
    const n = await repo.setDeciles(tx, rows, year);
    await appendAuditInBulk(tx, principal, {
      action: 'deciles.imported',
      entity: 'families',
      entityId: String(year),
      after: { rows: rows.length, matched: n },
    });
    return n;
  });
  return { rows: rows.length, matched, unmatched: rows.length - matched };
}

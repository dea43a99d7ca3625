import { bidangList } from '@sinergi/contracts';
import { AppError, type FieldIssue, readNumber } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { readXlsxUpload } from '../../http/table-file.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findOrganisations } from '../organisations/organisations.service.ts';
import * as repo from './musrenbang.repository.ts';

const BIDANG: readonly string[] = bidangList;
export const KAMUS_COLUMNS = [
  'kode',
  'nama',
  'bidang',
  'kode_opd',
  'program',
  'satuan',
  'harga_satuan',
] as const;

export async function listKamus(ctx: AppContext) {
  const rows = await repo.listKamus(ctx.database.db);
  return rows.map(({ k, org }) => ({
    code: k.code,
    name: k.name,
    bidang: k.bidang,
    organisation: org?.id ? org : null,
    program: k.program,
    unit: k.unit,
    unitCost: k.unitCost,
  }));
}

/**
 * The dictionary from the first sheet of a workbook, one entry per row. Every cell is checked
 * (OPD codes against the kabupaten's list); one bad row refuses the file; the same file again
 * changes nothing.
 */
export async function importKamus(ctx: AppContext, principal: Principal, data: Buffer) {
  const [table = []] = [...(await readXlsxUpload(data)).values()];
  const [header = [], ...body] = table;
  const cols = header.map((h) => h.trim().toLowerCase());
  const missing = KAMUS_COLUMNS.filter((c) => !cols.includes(c));
  if (missing.length)
    throw new AppError('VALIDATION', {
      issues: missing.map((c) => ({ field: `line 1, column ${c}`, issue: 'missing_column' })),
    });
  const orgs = new Map((await findOrganisations(ctx)).map((o) => [o.code.toUpperCase(), o.id]));
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  const rows: Parameters<typeof repo.upsertKamus>[1] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    const cell = (c: (typeof KAMUS_COLUMNS)[number]) => (cells[cols.indexOf(c)] ?? '').trim();
    if (KAMUS_COLUMNS.every((c) => cell(c) === '')) return;
    const at = (c: string) => `line ${line}, column ${c}`;
    const code = cell('kode');
    if (!/^[A-Za-z0-9._-]{1,40}$/.test(code)) issues.push({ field: at('kode'), issue: 'invalid_format' });
    else if (seen.has(code))
      issues.push({ field: at('kode'), issue: 'duplicate_row', params: { line: seen.get(code)! } });
    seen.set(code, line);
    for (const c of ['nama', 'program', 'satuan'] as const)
      if (!cell(c)) issues.push({ field: at(c), issue: 'required' });
    if (!BIDANG.includes(cell('bidang')))
      issues.push({ field: at('bidang'), issue: 'invalid_value', params: { values: BIDANG.join(', ') } });
    const orgCode = cell('kode_opd').toUpperCase();
    const organisationId = orgCode ? (orgs.get(orgCode) ?? null) : null;
    if (orgCode && !organisationId) issues.push({ field: at('kode_opd'), issue: 'not_found' });
    const cost = readNumber(cell('harga_satuan'), 'whole') ?? Number.NaN;
    if (!(cost >= 0)) issues.push({ field: at('harga_satuan'), issue: 'rupiah' });
    rows.push({
      code,
      name: cell('nama').slice(0, 300),
      bidang: cell('bidang'),
      organisationId,
      program: cell('program').slice(0, 300),
      unit: cell('satuan').slice(0, 40),
      unitCost: cost,
    });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return ctx.database.db.transaction(async (tx) => {
    const changed = await repo.upsertKamus(tx, rows, ctx.clock());
    await appendAudit(tx, principal, {
      action: 'kamus.imported',
      entity: 'kamus_usulan',
      entityId: 'kamus',
      after: { rows: rows.length, changed },
    });
    return { rows: rows.length, changed };
  });
}

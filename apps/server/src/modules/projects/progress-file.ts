import { progressBody } from '@sinergi/contracts';
import {
  AppError,
  type FieldIssue,
  type NumberKind,
  parseIndonesianDate,
  readNumber,
  sourceOfKey,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { uploadedTable } from '../../http/table-file.ts';
import { tableColumns } from '../../http/table-parse.ts';
import { sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { checkReport } from './progress.service.ts';
import { SOURCES } from './projects.report.ts';
import * as repo from './projects.repository.ts';
import { projectItems } from './projects.service.ts';

/**
 * Progress of many projects at once, in the layout Sinergi exports: one row per project, keyed by
 * its stable code, with the report date, physical progress, spending per source, problems and
 * follow-up. Re-importing the same file changes nothing (a report is one per project and date);
 * every row is checked as a single report is, and the whole file is refused if any row fails.
 */
export async function exportProgress(ctx: AppContext, organisationId?: string) {
  const { items } = await projectItems(ctx, { organisationId });
  const last = await repo.findReportsOfProjects(
    ctx.database.db,
    items.map((p) => p.id),
  );
  const latest = new Map<string, (typeof last)[number]>();
  for (const r of last)
    if ((latest.get(r.projectId)?.reportDate ?? '') < r.reportDate) latest.set(r.projectId, r);
  type Row = (typeof items)[number];
  return xlsxOfSheets([
    sheet<Row>(
      'Kemajuan',
      [
        { header: 'kode', width: 16, value: (p) => p.code },
        { header: 'proyek', width: 40, value: (p) => p.name },
        { header: 'tanggal', width: 12, value: (p) => latest.get(p.id)?.reportDate ?? '' },
        { header: 'fisik', width: 8, value: (p) => latest.get(p.id)?.physical ?? 0 },
        ...SOURCES.map((s) => ({
          header: `realisasi_${s}`,
          width: 16,
          // A partner's CSR line ("csr:<partner>") counts in the CSR column. Such a project's
          // spending is reported on its page, per partner: a file's one CSR column cannot say whose.
          value: (p: Row) => spentOn(latest.get(p.id)?.spending, s),
        })),
        { header: 'masalah', width: 30, value: (p) => latest.get(p.id)?.problems ?? '' },
        { header: 'tindak_lanjut', width: 30, value: (p) => latest.get(p.id)?.followUp ?? '' },
        {
          header: 'dokumen_akhir',
          width: 30,
          value: (p) => (latest.get(p.id)?.finalDocuments ?? []).join('; '),
        },
      ],
      items,
    ),
  ]);
}

/** The file's column of a field of a report, so an issue names the column the office filled in. */
const COLUMNS: Record<string, string> = {
  reportDate: 'tanggal',
  physical: 'fisik',
  problems: 'masalah',
  followUp: 'tindak_lanjut',
  finalDocuments: 'dokumen_akhir',
};
const columnOf = (field: string) =>
  field.startsWith('spending.')
    ? `realisasi_${field.slice('spending.'.length)}`
    : (COLUMNS[field.split('.')[0]!] ?? field);

export async function importProgress(ctx: AppContext, principal: Principal, data: Buffer, type: string) {
  const [header, ...body] = await uploadedTable(data, type);
  const columns = tableColumns(header, ['kode', 'tanggal', 'fisik']);
  const codes = body.map((r) => columns.cell(r, 'kode')).filter(Boolean);
  const rows = await repo.findProjectsByCode(ctx.database.db, codes);
  const byCode = new Map(rows.map((p) => [p.code, p]));
  const issues: FieldIssue[] = [];
  const accepted: { project: (typeof rows)[number]; body: ReturnType<typeof progressBody.parse> }[] = [];
  for (const [i, cells] of body.entries()) {
    const line = i + 2;
    const cell = (c: string) => columns.cell(cells, c);
    // Rp1.500.000, 45,5 and 17 Agustus 2026 as an office writes them; what is none is named here,
    // with an example, before the schema's checks.
    const typed: FieldIssue[] = [];
    const numberIn = (c: string, kind: NumberKind) => {
      const text = cell(c);
      if (text === '') return undefined;
      const n = readNumber(text, kind);
      if (n === null)
        typed.push({
          field: `line ${line}, column ${c}`,
          issue: kind === 'whole' ? 'rupiah' : 'not_a_number',
        });
      return n ?? undefined;
    };
    const dateIn = (c: string) => {
      const text = cell(c);
      const date = parseIndonesianDate(text);
      if (!date && text) typed.push({ field: `line ${line}, column ${c}`, issue: 'date_typed' });
      return date ?? text;
    };
    if (cells.every((c) => c.trim() === '') || (!cell('tanggal') && !cell('fisik'))) continue;
    const project = byCode.get(cell('kode'));
    if (!project) {
      issues.push({ field: `line ${line}, column kode`, issue: 'not_found' });
      continue;
    }
    const spending = Object.fromEntries(
      SOURCES.flatMap((s) => (cell(`realisasi_${s}`) ? [[s, numberIn(`realisasi_${s}`, 'whole')]] : [])),
    );
    const reportDate = dateIn('tanggal');
    const physical = numberIn('fisik', 'decimal');
    if (typed.length) {
      issues.push(...typed);
      continue;
    }
    const parsed = progressBody.safeParse({
      reportDate,
      physical,
      spending,
      problems: cell('masalah'),
      followUp: cell('tindak_lanjut'),
      finalDocuments: cell('dokumen_akhir')
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean),
    });
    if (!parsed.success) {
      for (const z of parsed.error.issues)
        issues.push({
          field: `line ${line}, column ${columnOf(z.path.join('.') || 'physical')}`,
          issue: z.message,
        });
      continue;
    }
    try {
      await checkReport(ctx, principal, project, parsed.data);
      accepted.push({ project, body: parsed.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'VALIDATION')
        issues.push(
          ...error.issues.map((x) => ({
            ...x,
            field: `line ${line}, column ${columnOf(x.field.replace(/^body\./, ''))}`,
          })),
        );
      else if (error instanceof AppError)
        issues.push({ field: `line ${line}, column kode`, issue: 'out_of_scope' });
      else throw error;
    }
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
  await ctx.database.db.transaction(async (tx) => {
    for (const { project, body: b } of accepted) {
      const values = {
        projectId: project.id,
        reportDate: b.reportDate,
        physical: b.physical,
        spending: b.spending as Record<string, number>,
        problems: b.problems,
        followUp: b.followUp,
        finalDocuments: b.finalDocuments,
        state: 'dilaporkan',
        reportedBy: principal.actor.userId ?? null,
      };
      const [existing] = (await repo.findReportsOf(tx, project.id)).filter(
        (r) => r.reportDate === b.reportDate,
      );
      // The same row again changes nothing; a verified report is never overwritten by a file.
      if (
        existing &&
        (existing.state === 'diverifikasi' ||
          (existing.physical === b.physical &&
            JSON.stringify(existing.spending) === JSON.stringify(values.spending)))
      )
        continue;
      if (existing) await repo.updateReport(tx, existing.id, { ...values, updatedAt: ctx.clock() });
      else await repo.insertReport(tx, values);
    }
    await appendAudit(tx, principal, {
      action: 'progress.imported',
      entity: 'projects',
      entityId: '*',
      after: { rows: accepted.length },
    });
  });
  return { rows: accepted.length };
}

/** What a report says was spent from a source, over all its lines (null when it says nothing). */
function spentOn(spending: Record<string, number> | undefined, source: string): number | null {
  const lines = Object.entries(spending ?? {}).filter(([key]) => sourceOfKey(key) === source);
  return lines.length ? lines.reduce((sum, [, v]) => sum + v, 0) : null;
}

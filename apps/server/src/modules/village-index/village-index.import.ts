import { extname } from 'node:path';
import {
  AppError,
  computeIndex,
  type FieldIssue,
  idm2016,
  isDesaCode,
  isWithin,
  parseRegionCode,
  readRumusan,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import type { BulkTx } from '../../db/client.ts';
import { streamOffThread } from '../../http/table-file.ts';
import { appendAuditInBulk } from '../audit/audit.repository.ts';
import { readIndexTemplate } from './template.ts';
import type { CompositesEnd, CompositesPart } from './village-index.composites-task.ts';
import type { NewResult } from './village-index.repository.ts';
import * as repo from './village-index.repository.ts';

/** A year's official results read from a kabupaten's files, to load with importComposites. */
export interface CompositeImport {
  year: number;
  rows: NewResult[];
}

const compositesTask = new URL('./village-index.composites-task.ts', import.meta.url);

/** A national composites file read and checked on a parse thread, as the COPY's lines in parts. */
export function compositesParts(data: Buffer) {
  return streamOffThread<CompositesPart, CompositesEnd>(compositesTask, data);
}

/**
 * Kemendesa's yearly national file of IDM composites (core compositesReader names its columns and
 * checks), loaded as a year's official results in one transaction: read and checked on a parse
 * thread, whose first parts are loaded while it reads on (issue 18). One bad row refuses the whole
 * file and leaves nothing written; importing the same file again changes nothing.
 */
export async function importCompositesFile(
  ctx: AppContext,
  principal: Principal,
  data: Buffer,
  fileName: string,
) {
  if (extname(fileName).toLowerCase() !== '.csv') {
    throw new AppError('VALIDATION', {
      issues: [{ field: 'file', issue: 'file_type', params: { types: '.csv' } }],
    });
  }
  const parts = compositesParts(data);
  // A file refused by its header or first rows is refused before the transaction begins.
  const first = await parts.next();
  const year = first.value.year;
  const rest = async function* () {
    if (first.done) return;
    yield first.value;
    yield* parts;
  };
  return ctx.database.bulk(async (tx) => {
    const key = { schemeId: idm2016.id, year };
    const { rows, changed } = await repo.upsertOfficialResults(tx, key, rest(), ctx.clock());
    return audited(tx, principal, { year, rows, changed, file: fileName });
  });
}

/**
 * Loads rows read from a kabupaten's files (template, rumusan) in one transaction: a year's first
 * load by COPY, a later one compared row by row. Rows already entered through the sign-off chain
 * for that year are left alone.
 */
export async function importComposites(
  ctx: AppContext,
  principal: Principal,
  input: CompositeImport,
  fileName: string,
) {
  return ctx.database.bulk(async (tx) => {
    const changed = await repo.upsertOfficialRows(tx, input.rows, ctx.clock());
    return audited(tx, principal, { year: input.year, rows: input.rows.length, changed, file: fileName });
  });
}

async function audited(
  tx: BulkTx,
  principal: Principal,
  summary: { year: number; rows: number; changed: number; file: string },
) {
  await appendAuditInBulk(tx, principal, {
    action: 'village_index.imported',
    entity: 'village_index',
    entityId: `${idm2016.id}:${summary.year}`,
    after: summary,
  });
  return summary;
}

/**
 * The project's 50-indicator template (CSV or XLSX) as a year's official results of the
 * kabupaten's desa: scored with the scheme, all rows or none, idempotent like the composites.
 */
export async function readTemplateImport(
  ctx: AppContext,
  data: Buffer,
  fileName: string,
  year: number,
): Promise<CompositeImport> {
  const rows = await readIndexTemplate(idm2016, data, fileName);
  const kab = parseRegionCode(ctx.config.activeKabupaten);
  const issues: FieldIssue[] = [];
  const results: NewResult[] = [];
  for (const row of rows) {
    const code = parseRegionCode(row.kodeDesa);
    if (!isWithin(code, kab) || !isDesaCode(code)) {
      issues.push({ field: `line ${row.line}, column kode_desa`, issue: 'not_a_desa_here' });
      continue;
    }
    const r = computeIndex(idm2016, row.scores);
    results.push({
      schemeId: idm2016.id,
      year,
      regionCode: code,
      state: 'approved',
      source: 'official',
      scores: row.scores,
      dimensions: Object.fromEntries(r.dimensions.map((d) => [d.code, d.value])),
      value: r.value,
      status: r.status.code,
    });
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return { year, rows: results };
}

/**
 * Kemendesa's per-desa "rumusan" JSON files (one per desa), as a year's official results: each
 * file is read and checked against its own subtotals; every desa must lie in the kabupaten and
 * all files must be of one year. All files or none; importing them again changes nothing.
 */
export function readRumusanImport(
  ctx: AppContext,
  files: readonly { fileName: string; kodeDesa?: string | undefined; content: string }[],
): CompositeImport {
  const kab = parseRegionCode(ctx.config.activeKabupaten);
  const issues: FieldIssue[] = [];
  const results: NewResult[] = [];
  const seen = new Map<string, string>();
  let year: number | null = null;
  for (const file of files) {
    const at = (field: string) => `${file.fileName}: ${field}`;
    let doc: unknown;
    try {
      doc = JSON.parse(file.content);
    } catch {
      issues.push({ field: at('file'), issue: 'not_json' });
      continue;
    }
    const hint = file.kodeDesa ?? /(\d{2}\.?\d{2}\.?\d{2}\.?\d{4})/.exec(file.fileName)?.[1] ?? null;
    const read = readRumusan(idm2016, doc, hint);
    if (!read.ok) {
      issues.push(...read.issues.map((i) => ({ ...i, field: at(i.field) })));
      continue;
    }
    const r = read.result;
    const code = parseRegionCode(r.code);
    if (!isWithin(code, kab) || !isDesaCode(code)) {
      issues.push({ field: at('IDENTITAS.kode_desa'), issue: 'not_a_desa_here' });
      continue;
    }
    if (seen.has(code)) {
      issues.push({
        field: at('IDENTITAS.kode_desa'),
        issue: 'duplicate_file',
        params: { file: seen.get(code)! },
      });
      continue;
    }
    seen.set(code, file.fileName);
    year ??= r.year;
    if (r.year !== year) {
      issues.push({ field: at('SUMMARIES.TAHUN'), issue: 'other_year', params: { year } });
      continue;
    }
    const computed = computeIndex(idm2016, r.scores);
    results.push({
      schemeId: idm2016.id,
      year: r.year,
      regionCode: code,
      state: 'approved',
      source: 'official',
      scores: r.scores,
      dimensions: Object.fromEntries(computed.dimensions.map((d) => [d.code, d.value])),
      value: computed.value,
      status: computed.status.code,
    });
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return { year: year!, rows: results };
}

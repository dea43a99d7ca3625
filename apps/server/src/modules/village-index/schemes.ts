import { extname } from 'node:path';
import { indexSchemeDefinition, toFieldIssue } from '@sinergi/contracts';
import {
  AppError,
  actingLevels,
  builtInSchemes,
  type FieldIssue,
  type IndexScheme,
  indicatorsOf,
  linearWeights,
  readNumber,
  scaleOf,
  schemeProblems,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { readXlsxUpload } from '../../http/table-file.ts';
import { columnKey, sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './village-index.repository.ts';

/**
 * Checks a scheme an admin loads: the shape (every field named on error), then its consistency
 * (unique indicator codes, ascending thresholds, rubric scores inside the range).
 */
export function parseScheme(
  json: unknown,
  where: (path: string) => string = (p) => `scheme.${p}`,
): IndexScheme {
  const parsed = indexSchemeDefinition.safeParse(json);
  if (!parsed.success) {
    throw new AppError('VALIDATION', {
      issues: parsed.error.issues.map((i) => {
        const issue = toFieldIssue('scheme', i as never);
        return { ...issue, field: where(i.path.join('.')) };
      }),
    });
  }
  const scheme = parsed.data as IndexScheme;
  const problems = schemeProblems(scheme);
  if (problems.length)
    throw new AppError('VALIDATION', {
      issues: problems.map((p) => ({ field: where(p.field), issue: p.issue })),
    });
  return scheme;
}

/** Stores a checked scheme as a new version (a version is never replaced). */
export async function loadScheme(ctx: AppContext, principal: Principal, scheme: IndexScheme) {
  const id = `${scheme.id}@${scheme.version}`;
  if (builtInSchemes[scheme.id]?.version === scheme.version)
    throw new AppError('CONFLICT', { details: { what: id }, issues: [{ field: 'version', issue: 'taken' }] });
  return ctx.database.db.transaction(async (tx) => {
    if (await repo.schemeVersionExists(tx, id))
      throw new AppError('CONFLICT', {
        details: { what: id },
        issues: [{ field: 'version', issue: 'taken' }],
      });
    const row = await repo.insertSchemeVersion(tx, {
      id,
      schemeId: scheme.id,
      version: scheme.version,
      definition: scheme,
      createdBy: principal.actor.userId ?? null,
    });
    await appendAudit(tx, principal, {
      action: 'index_scheme.loaded',
      entity: 'index_scheme',
      entityId: id,
      after: { name: scheme.name, indicators: indicatorsOf(scheme).length, unconfirmed: scheme.unconfirmed },
    });
    return summary(scheme, false, row.createdAt);
  });
}

function summary(s: IndexScheme, builtIn: boolean, createdAt: Date | null) {
  return {
    id: `${s.id}@${s.version}`,
    schemeId: s.id,
    version: s.version,
    name: s.name,
    regulation: s.regulation,
    builtIn,
    indicators: indicatorsOf(s).length,
    dimensions: s.dimensions.map((d) => ({ code: d.code, name: d.name, indicators: d.indicators.length })),
    aggregation: s.aggregation.kind,
    unconfirmed: s.unconfirmed,
    notes: s.notes,
    createdAt: createdAt?.toISOString() ?? null,
  };
}

export async function findSchemes(ctx: AppContext) {
  const rows = await repo.findSchemeVersions(ctx.database.db);
  return [
    ...Object.values(builtInSchemes).map((s) => summary(s, true, null)),
    ...rows.map((r) => summary(r.definition as IndexScheme, false, r.createdAt)),
  ];
}

/** A scheme by `id` (built-in) or `id@version` (built-in or loaded). */
export async function findScheme(ctx: AppContext, ref: string): Promise<IndexScheme | null> {
  const [id, version] = ref.split('@') as [string, string | undefined];
  const builtIn = builtInSchemes[id];
  if (builtIn && (!version || builtIn.version === version)) return builtIn;
  const rows = await repo.findSchemeVersion(ctx.database.db, version ? { id: ref } : { schemeId: id });
  const row = rows.at(-1);
  return row ? (row.definition as IndexScheme) : null;
}

/*
 * A scheme as a workbook, for admins who keep their schemes in spreadsheets: sheet "skema" (one
 * row per property), "dimensi" (code, name, weight), "indikator" (one row per indicator),
 * "rubrik" (one row per band), "status" (lowest first) and "catatan" (notes on unconfirmed parts).
 * Reading a workbook written here gives the same scheme back.
 */
const SHEETS = ['skema', 'dimensi', 'indikator', 'rubrik', 'status', 'catatan'] as const;

export function schemeXlsx(s: IndexScheme): Promise<Buffer> {
  const weights = linearWeights(s);
  const props: [string, string | number][] = [
    ['id', s.id],
    ['version', s.version],
    ['name', s.name],
    ['regulation', s.regulation],
    ['scoreMin', s.scoreMin],
    ['scoreMax', s.scoreMax],
    ['aggregation', s.aggregation.kind],
    ['scale', scaleOf(s)],
    ['unconfirmed', s.unconfirmed.join(', ')],
  ];
  const indicators = s.dimensions.flatMap((d) => d.indicators.map((i) => ({ d, i })));
  const bands = indicators.flatMap(({ i }) => (i.rubric?.bands ?? []).map((b) => ({ code: i.code, b })));
  return xlsxOfSheets([
    sheet(
      'skema',
      [
        { header: 'properti', value: (r) => r[0] },
        { header: 'nilai', width: 60, value: (r) => r[1] },
      ],
      props,
    ),
    sheet(
      'dimensi',
      [
        { header: 'kode', value: (d) => d.code },
        { header: 'nama', width: 36, value: (d) => d.name },
        {
          header: 'bobot',
          value: (d) =>
            s.aggregation.kind === 'weighted-sum' ? (weights?.[s.dimensions.indexOf(d)] ?? null) : null,
        },
      ],
      s.dimensions,
    ),
    sheet(
      'indikator',
      [
        { header: 'dimensi', value: (r) => r.d.code },
        { header: 'kode', width: 30, value: (r) => r.i.code },
        { header: 'nama', width: 40, value: (r) => r.i.name },
        { header: 'subdimensi', width: 20, value: (r) => r.i.subdimension ?? null },
        { header: 'pelaku', value: (r) => r.i.actor },
        { header: 'opd', value: (r) => r.i.organisations.join(', ') },
        { header: 'rubrik_satuan', value: (r) => r.i.rubric?.unit ?? null },
        { header: 'rubrik_label', width: 30, value: (r) => r.i.rubric?.label ?? null },
      ],
      indicators,
    ),
    sheet(
      'rubrik',
      [
        { header: 'indikator', width: 30, value: (r) => r.code },
        { header: 'min', value: (r) => r.b.min ?? null },
        { header: 'min_eksklusif', value: (r) => (r.b.minExclusive ? 'ya' : null) },
        { header: 'max', value: (r) => r.b.max ?? null },
        { header: 'max_eksklusif', value: (r) => (r.b.maxExclusive ? 'ya' : null) },
        { header: 'skor', value: (r) => r.b.score },
      ],
      bands,
    ),
    sheet(
      'status',
      [
        { header: 'kode', width: 20, value: (r) => r.code },
        { header: 'nama', width: 20, value: (r) => r.name },
        { header: 'di_atas', value: (r) => r.above },
      ],
      s.statuses,
    ),
    sheet(
      'catatan',
      [
        { header: 'bagian', value: (r) => r[0] },
        { header: 'id', width: 60, value: (r) => r[1].id },
        { header: 'en', width: 60, value: (r) => r[1].en },
      ],
      Object.entries(s.notes),
    ),
  ]);
}

/** A scheme file an admin uploads: JSON as `IndexSchemeDefinition`, or a workbook as `schemeXlsx` writes. */
export async function readSchemeFile(data: Buffer, fileName: string): Promise<IndexScheme> {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      throw new AppError('VALIDATION', { issues: [{ field: 'file', issue: 'not_json' }] });
    }
    return parseScheme(json);
  }
  if (ext !== '.xlsx')
    throw new AppError('VALIDATION', {
      issues: [{ field: 'file', issue: 'file_type', params: { types: '.json, .xlsx' } }],
    });
  return schemeFromSheets(await readXlsxUpload(data));
}

function schemeFromSheets(sheets: Map<string, string[][]>): IndexScheme {
  const missing = SHEETS.filter((n) => !sheets.has(n) && n !== 'rubrik' && n !== 'catatan');
  if (missing.length)
    throw new AppError('VALIDATION', {
      issues: missing.map((n) => ({ field: `sheet ${n}`, issue: 'missing_sheet' })),
    });
  const issues: FieldIssue[] = [];
  /** Rows of a sheet as records by header, each with its line number. */
  const rowsOf = (name: string) => {
    const [titles = [], ...body] = sheets.get(name) ?? [];
    const header = titles.map(columnKey);
    return body
      .map((cells, i) => ({ line: i + 2, cell: (h: string) => (cells[header.indexOf(h)] ?? '').trim() }))
      .filter((r) => header.some((h) => r.cell(h) !== ''));
  };
  const num = (text: string, field: string): number | undefined => {
    if (text === '') return undefined;
    const v = readNumber(text) ?? Number.NaN;
    if (Number.isNaN(v)) issues.push({ field, issue: 'not_a_number' });
    return v;
  };
  const list = (text: string) =>
    text
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);

  const props = new Map(rowsOf('skema').map((r) => [r.cell('properti'), r.cell('nilai')]));
  const prop = (key: string) => props.get(key) ?? '';
  const dims = rowsOf('dimensi');
  const inds = rowsOf('indikator');
  const bands = rowsOf('rubrik');
  const statusRows = rowsOf('status');

  // Where each path of the scheme came from, to name the sheet, line and column on error.
  const where = new Map<string, string>();
  const kind = prop('aggregation');
  const scale = num(prop('scale'), 'sheet skema, properti scale') ?? 1;
  const aggregation =
    kind === 'weighted-sum'
      ? {
          kind,
          scale,
          weights: Object.fromEntries(
            dims.map((d) => [
              d.cell('kode'),
              num(d.cell('bobot'), `sheet dimensi, line ${d.line}, column bobot`) ?? 0,
            ]),
          ),
        }
      : kind === 'geometric-mean'
        ? { kind, scale }
        : kind === 'mean-of-normalised-sums' && scale !== 1
          ? { kind, scale }
          : { kind };
  dims.forEach((d, di) => {
    where.set(`dimensions.${di}.code`, `sheet dimensi, line ${d.line}, column kode`);
    where.set(`dimensions.${di}.name`, `sheet dimensi, line ${d.line}, column nama`);
    where.set(`dimensions.${di}.indicators`, `sheet dimensi, line ${d.line}`);
    where.set(`aggregation.weights.${d.cell('kode')}`, `sheet dimensi, line ${d.line}, column bobot`);
  });
  const dimIndex = new Map(dims.map((d, i) => [d.cell('kode'), i]));
  const dimensions = dims.map((d) => ({
    code: d.cell('kode'),
    name: d.cell('nama'),
    indicators: [] as Record<string, unknown>[],
  }));
  for (const r of inds) {
    const di = dimIndex.get(r.cell('dimensi'));
    if (di === undefined) {
      issues.push({ field: `sheet indikator, line ${r.line}, column dimensi`, issue: 'unknown_dimension' });
      continue;
    }
    const ii = dimensions[di]!.indicators.length;
    for (const [key, column] of [
      ['code', 'kode'],
      ['name', 'nama'],
      ['subdimension', 'subdimensi'],
      ['actor', 'pelaku'],
      ['organisations', 'opd'],
      ['rubric', 'rubrik_satuan'],
    ] as const)
      where.set(
        `dimensions.${di}.indicators.${ii}.${key}`,
        `sheet indikator, line ${r.line}, column ${column}`,
      );
    const code = r.cell('kode');
    const myBands = bands.filter((b) => b.cell('indikator') === code);
    myBands.forEach((b, bi) => {
      where.set(
        `dimensions.${di}.indicators.${ii}.rubric.bands.${bi}.score`,
        `sheet rubrik, line ${b.line}, column skor`,
      );
    });
    const unit = r.cell('rubrik_satuan');
    dimensions[di]!.indicators.push({
      code,
      name: r.cell('nama'),
      ...(r.cell('subdimensi') ? { subdimension: r.cell('subdimensi') } : {}),
      actor: (actingLevels as readonly string[]).includes(r.cell('pelaku'))
        ? r.cell('pelaku')
        : r.cell('pelaku') || 'lainnya',
      organisations: list(r.cell('opd')),
      ...(myBands.length || unit
        ? {
            rubric: {
              unit,
              label: r.cell('rubrik_label'),
              bands: myBands.map((b) => {
                const at = (c: string) => `sheet rubrik, line ${b.line}, column ${c}`;
                const band: Record<string, unknown> = { score: num(b.cell('skor'), at('skor')) };
                const min = num(b.cell('min'), at('min'));
                const max = num(b.cell('max'), at('max'));
                if (min !== undefined) band.min = min;
                if (max !== undefined) band.max = max;
                if (b.cell('min_eksklusif') === 'ya') band.minExclusive = true;
                if (b.cell('max_eksklusif') === 'ya') band.maxExclusive = true;
                return band;
              }),
            },
          }
        : {}),
    });
  }
  for (const b of bands)
    if (!inds.some((r) => r.cell('kode') === b.cell('indikator')))
      issues.push({ field: `sheet rubrik, line ${b.line}, column indikator`, issue: 'unknown_indicator' });
  statusRows.forEach((r, i) => {
    where.set(`statuses.${i}.above`, `sheet status, line ${r.line}, column di_atas`);
    where.set(`statuses.${i}.code`, `sheet status, line ${r.line}, column kode`);
    where.set(`statuses.${i}.name`, `sheet status, line ${r.line}, column nama`);
  });
  const notes = Object.fromEntries(
    rowsOf('catatan').map((r) => [r.cell('bagian'), { id: r.cell('id'), en: r.cell('en') }]),
  );
  if (issues.length) throw new AppError('VALIDATION', { issues });
  const json = {
    id: prop('id'),
    version: prop('version'),
    name: prop('name'),
    regulation: prop('regulation'),
    scoreMin: num(prop('scoreMin'), 'sheet skema, properti scoreMin'),
    scoreMax: num(prop('scoreMax'), 'sheet skema, properti scoreMax'),
    aggregation,
    statuses: statusRows.map((r, i) => ({
      code: r.cell('kode'),
      name: r.cell('nama'),
      above:
        i === 0 && r.cell('di_atas') === ''
          ? null
          : (num(r.cell('di_atas'), `sheet status, line ${r.line}, column di_atas`) ?? null),
    })),
    unconfirmed: list(prop('unconfirmed')),
    notes,
    dimensions,
  };
  for (const key of ['id', 'version', 'name', 'regulation', 'scoreMin', 'scoreMax', 'unconfirmed'])
    where.set(key, `sheet skema, properti ${key}`);
  where.set('aggregation.kind', 'sheet skema, properti aggregation');
  where.set('aggregation.scale', 'sheet skema, properti scale');
  return parseScheme(
    json,
    (path) => where.get(path) ?? where.get(path.split('.').slice(0, -1).join('.')) ?? `scheme.${path}`,
  );
}

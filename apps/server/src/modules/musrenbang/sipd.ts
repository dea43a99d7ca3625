import {
  AppError,
  entryStage,
  type FieldIssue,
  formatDate,
  isWithin,
  type ProposalState,
  parseRegionCode,
  readNumber,
  type Stage,
  stages,
  type Track,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { readXlsxUpload } from '../../http/table-file.ts';
import { sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findOrganisations } from '../organisations/organisations.service.ts';
import { findRegion, kabupatenName, namesOf } from '../regions/regions.service.ts';
import * as repo from './musrenbang.repository.ts';
import { newTrackingCode, proposerShown } from './musrenbang.service.ts';
import {
  bidangChoices,
  bidangFrom,
  bidangName,
  finalStatus,
  noteWithReason,
  reasonFromNote,
  recommendationChoices,
  recommendationFrom,
  recommendationNames,
  type SipdColumn,
  sipdColumnOf,
  sipdSteps,
  sipdTitle,
  stageName,
  trackFrom,
  trackNames,
} from './sipd.layout.ts';

/*
 * Proposals in the layout of SIPD's citizen-proposal and pokir records (SIPD has no public API, so
 * regions exchange files): the columns and words are in sipd.layout.ts. Sinergi's steps map to
 * SIPD's: desa -> lurah/kades, kecamatan -> camat, opd -> SKPD, kabupaten -> mitra,
 * rkpd/apbd -> TAPD.
 */
const SHEET = 'Usulan';
const steps = sipdSteps;
type Column = SipdColumn;

interface Row {
  p: repo.ProposalRow;
  orgCode: string | null;
  desa: string;
  recs: Record<string, { status: string; note: string | null }>;
}

/** The year's proposals as one sheet in the SIPD layout, with the recommendation at each step. */
export async function exportSipd(ctx: AppContext, year: number): Promise<Buffer> {
  const rows = await repo.findYear(ctx.database.db, year);
  const events = await repo.findEventsOf(
    ctx.database.db,
    rows.map((r) => r.p.id),
  );
  const names = await namesOf(
    ctx,
    rows.map((r) => r.p.regionCode),
  );
  const data: Row[] = rows.map(({ p, orgCode }) => {
    const recs: Row['recs'] = {};
    for (const e of events) {
      if (e.proposalId !== p.id || !recommendationNames[e.kind] || !e.fromStage) continue;
      const step = steps.find((s) => (s.stages as readonly string[]).includes(e.fromStage!));
      // The latest decision of a step is its recommendation (a deferral followed by a forward is "Disetujui").
      if (step)
        recs[step.key] = {
          status: recommendationNames[e.kind]!,
          note: noteWithReason(e.reason, e.note),
        };
    }
    return { p, orgCode, desa: names.get(p.regionCode) ?? '', recs };
  });
  const col = (column: Column, value: (r: Row) => string | number | null, width = 14, format?: string) => ({
    header: sipdTitle(column),
    width,
    value,
    ...(format ? { format, total: true } : {}),
  });
  const kabupaten = await kabupatenName(ctx);
  return xlsxOfSheets([
    sheet<Row>(
      SHEET,
      [
        col('kode_lacak', (r) => r.p.trackingCode, 16),
        col('jenis_usulan', (r) => trackNames[r.p.track] ?? r.p.track, 12),
        col('tahun', (r) => r.p.planYear, 8),
        col('usulan', (r) => r.p.title, 40),
        col('permasalahan', (r) => r.p.description, 30),
        col('kode_desa', (r) => r.p.regionCode, 14),
        col('desa', (r) => r.desa, 16),
        col('rt', (r) => r.p.rt, 5),
        col('rw', (r) => r.p.rw, 5),
        col('bidang', (r) => bidangName(r.p.bidang), 22),
        col('skpd_kode', (r) => r.orgCode, 12),
        col('koefisien', (r) => r.p.volume, 10),
        col('satuan', (r) => r.p.unit, 10),
        col('anggaran', (r) => r.p.estimatedCost, 16, '#,##0'),
        col('swadaya', (r) => r.p.communityContribution, 14, '#,##0'),
        col('penerima_manfaat', (r) => r.p.beneficiaries, 10, '#,##0'),
        col('pengusul', (r) => proposerShown(r.p), 24),
        col('dapil', (r) => r.p.electoralDistrict, 10),
        ...steps.flatMap((s) => [
          col(`rek_${s.key}` as Column, (r) => r.recs[s.key]?.status ?? null, 12),
          col(`catatan_${s.key}` as Column, (r) => r.recs[s.key]?.note ?? null, 24),
        ]),
        col('tahap', (r) => stageName(r.p.stage as Stage), 20),
        col('status_akhir', (r) => finalStatus(r.p.state as ProposalState, r.p.stage as Stage), 14),
      ],
      data,
      [
        `Usulan tahun ${year} dalam susunan SIPD`,
        `${kabupaten} · diunduh ${formatDate(new Date())} · ${data.length} usulan`,
      ],
    ),
  ]);
}

/**
 * Reads a file in the SIPD layout: every row is checked (region, OPD, numbers, the order of the
 * recommendations); one bad row refuses the file. A row whose tracking code Sinergi already holds
 * is left alone, so importing the same file again changes nothing. New rows become proposals at
 * the step their recommendations reached, with one history entry per recommendation.
 */
export async function importSipd(ctx: AppContext, principal: Principal, data: Buffer) {
  const [table = []] = [...(await readXlsxUpload(data)).values()];
  // The header is the first row naming the proposal's columns; the export has its title above it.
  const top = Math.max(
    0,
    table.slice(0, 10).findIndex((r) => r.some((h) => sipdColumnOf(h ?? '') === 'usulan')),
  );
  const header = table[top] ?? [];
  const body = table.slice(top + 1);
  const cols = header.map((h) => sipdColumnOf(h ?? ''));
  const shown = (c: Column) => (cols.includes(c) ? header[cols.indexOf(c)]!.trim() : sipdTitle(c));
  const required: Column[] = [
    'jenis_usulan',
    'tahun',
    'usulan',
    'kode_desa',
    'koefisien',
    'satuan',
    'anggaran',
    'pengusul',
  ];
  const missing = required.filter((c) => !cols.includes(c));
  if (missing.length)
    throw new AppError('VALIDATION', {
      issues: missing.map((c) => ({
        field: `line ${top + 1}, column ${sipdTitle(c)}`,
        issue: 'missing_column',
      })),
    });
  const orgs = new Map((await findOrganisations(ctx)).map((o) => [o.code.toUpperCase(), o.id]));
  const kab = parseRegionCode(ctx.config.activeKabupaten);
  const issues: FieldIssue[] = [];
  const parsed: {
    line: number;
    values: repo.NewProposal;
    recs: { step: (typeof steps)[number]; kind: string; reason: string | null; note: string | null }[];
  }[] = [];
  const regionsSeen = new Map<string, boolean>();
  const codesInFile = new Set<string>();
  for (const [i, cells] of body.entries()) {
    const line = top + i + 2;
    const cell = (c: Column) => (cols.includes(c) ? (cells[cols.indexOf(c)] ?? '').trim() : '');
    if (cols.every((_, k) => (cells[k] ?? '').trim() === '')) continue;
    // The export's "Jumlah" row under the money columns is not a proposal.
    if (!cell('usulan') && (cells[0] ?? '').trim() === 'Jumlah') continue;
    const at = (c: Column) => `line ${line}, column ${shown(c)}`;
    const track = trackFrom(cell('jenis_usulan'));
    if (!track)
      issues.push({
        field: at('jenis_usulan'),
        issue: 'invalid_value',
        params: { values: Object.values(trackNames).join(', ') },
      });
    const year = readNumber(cell('tahun'), 'whole') ?? Number.NaN;
    if (!Number.isInteger(year) || year < 2020 || year > 2100)
      issues.push({ field: at('tahun'), issue: 'invalid_value', params: { values: '2020..2100' } });
    const title = cell('usulan');
    if (title.length < 5 || title.length > 200)
      issues.push({ field: at('usulan'), issue: 'too_short_text', params: { minimum: 5 } });
    const code = cell('kode_desa');
    let regionOk = false;
    try {
      const region = parseRegionCode(code);
      if (region.split('.').length === 4 && isWithin(region, kab)) {
        if (!regionsSeen.has(code)) regionsSeen.set(code, !!(await findRegion(ctx, region)));
        regionOk = regionsSeen.get(code)!;
      }
    } catch {
      regionOk = false;
    }
    if (!regionOk) issues.push({ field: at('kode_desa'), issue: 'not_a_desa_here' });
    const orgCode = cell('skpd_kode').toUpperCase();
    const organisationId = orgCode ? (orgs.get(orgCode) ?? null) : null;
    if (orgCode && !organisationId) issues.push({ field: at('skpd_kode'), issue: 'not_found' });
    const num = (c: Column, int: boolean, optional = false) => {
      const raw = cell(c);
      if (raw === '' && optional) return 0;
      const v = readNumber(raw, int ? 'whole' : 'decimal') ?? Number.NaN;
      if (!(v >= 0)) {
        issues.push({ field: at(c), issue: int ? 'rupiah' : 'not_a_number' });
        return 0;
      }
      return v;
    };
    const volume = num('koefisien', false);
    const cost = num('anggaran', true);
    const swadaya = num('swadaya', true, true);
    const beneficiaries = num('penerima_manfaat', true, true);
    const bidang = cell('bidang') ? bidangFrom(cell('bidang')) : 'infrastruktur';
    if (!bidang)
      issues.push({ field: at('bidang'), issue: 'invalid_value', params: { values: bidangChoices } });
    const tracking = cell('kode_lacak').toUpperCase();
    if (tracking && !/^USL-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(tracking))
      issues.push({ field: at('kode_lacak'), issue: 'tracking_code' });
    if (tracking && codesInFile.has(tracking)) issues.push({ field: at('kode_lacak'), issue: 'duplicate' });
    codesInFile.add(tracking);
    // Recommendations must run in order: no step after a step that did not approve.
    const recs: (typeof parsed)[number]['recs'] = [];
    let open = true;
    for (const step of steps) {
      const status = cell(`rek_${step.key}` as Column);
      if (!status) continue;
      const kind = recommendationFrom(status);
      if (!kind || !open) {
        issues.push({
          field: at(`rek_${step.key}`),
          issue: kind && !open ? 'recommendation_order' : 'invalid_value',
          params: { values: recommendationChoices },
        });
        continue;
      }
      const note = cell(`catatan_${step.key}`) || null;
      recs.push({ step, kind, ...(kind === 'tolak' ? reasonFromNote(note) : { reason: null, note }) });
      if (kind !== 'teruskan') open = false;
    }
    if (!track || !bidang) continue;
    parsed.push({
      line,
      recs,
      values: {
        trackingCode: tracking,
        track,
        title,
        description: cell('permasalahan'),
        bidang,
        organisationId,
        regionCode: code,
        rt: cell('rt') || null,
        rw: cell('rw') || null,
        volume,
        unit: cell('satuan') || 'unit',
        estimatedCost: cost,
        communityContribution: swadaya,
        beneficiaries,
        planYear: year,
        proposerName: cell('pengusul') || 'SIPD',
        electoralDistrict: cell('dapil') || null,
        stage: 'desa',
        state: 'aktif',
      },
    });
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
  const existing = await repo.trackingCodesExisting(
    ctx.database.db,
    parsed.map((r) => r.values.trackingCode).filter(Boolean),
  );
  const fresh = parsed.filter((r) => !existing.has(r.values.trackingCode));
  return ctx.database.db.transaction(async (tx) => {
    for (const r of fresh) {
      const entry = entryStage(r.values.track as Track);
      let stage: Stage = entry;
      let state = 'aktif';
      const year = r.values.planYear;
      const history: repo.NewEvent[] = [];
      for (const rec of r.recs) {
        const from = stage;
        if (rec.kind === 'teruskan') stage = (stages[stages.indexOf(stage) + 1] ?? stage) as Stage;
        if (rec.kind === 'tolak') state = 'ditolak';
        if (rec.kind === 'gabung') state = 'digabung';
        // A deferral already shows in the row's year (the export writes the current plan year).
        history.push({
          proposalId: '',
          actorLabel: `SIPD: ${rec.step.key.replace('_', '/')}`,
          kind: rec.kind,
          fromStage: from,
          toStage: stage,
          fromYear: r.values.planYear,
          toYear: year,
          reason: rec.reason,
          note: rec.note,
        });
      }
      const row = await repo.insertProposal(tx, {
        ...r.values,
        trackingCode: r.values.trackingCode || newTrackingCode(),
        stage,
        state,
        planYear: year,
      });
      await repo.insertEvent(tx, {
        proposalId: row.id,
        actorLabel: 'SIPD (impor)',
        kind: 'dibuat',
        toStage: entry,
        toYear: r.values.planYear,
        note: `baris ${r.line}`,
      });
      for (const e of history) await repo.insertEvent(tx, { ...e, proposalId: row.id });
    }
    const summary = { rows: parsed.length, created: fresh.length, unchanged: parsed.length - fresh.length };
    await appendAudit(tx, principal, {
      action: 'proposal.imported_sipd',
      entity: 'proposal',
      entityId: 'sipd',
      after: summary,
    });
    return summary;
  });
}

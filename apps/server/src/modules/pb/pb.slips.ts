import {
  AppError,
  canActInRegion,
  type FieldIssue,
  isWithin,
  parseRegionCode,
  type RegionCode,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { uploadedTable } from '../../http/table-file.ts';
import { tableColumns } from '../../http/table-parse.ts';
import { keyedHash, maskIdentifier } from '../../personal/personal-data.ts';
import { renderPdf } from '../../reports/pdf.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { namesOf } from '../regions/regions.service.ts';
import * as repo from './pb.repository.ts';
import { badState, invalid, mustFind, randomText, toHour } from './pb.service.ts';

/** The most voters one file registers (a desa's list; a larger one is split). */
export const VOTERS_PER_FILE = 5000;

interface Slip {
  code: string;
  regionName: string;
  /** The NIK masked (3505********1234), to hand the slip to the right resident; absent when unknown. */
  nik: string | null;
}

/**
 * Voter slips to print and cut (issue 20): eight to an A4 page, each with the vote, the desa, the
 * code in large letters and how to vote; a slip carries the NIK only masked.
 */
export function slipsPdf(
  e: { id: string; title: string; planYear: number },
  slips: readonly Slip[],
  publicUrl: string,
) {
  const slip = (s: Slip) => ({
    stack: [
      { text: 'KARTU KODE PEMILIH', bold: true, fontSize: 9, color: '#555' },
      { text: `${e.title} (${e.planYear})`, bold: true, fontSize: 10, margin: [0, 2, 0, 2] },
      { text: `Desa/kelurahan: ${s.regionName}${s.nik ? ` · NIK ${s.nik}` : ''}`, fontSize: 8 },
      { text: s.code, fontSize: 20, bold: true, margin: [0, 6, 0, 6] },
      {
        text: `Pilih di ${publicUrl}/anggaran-partisipatif/${e.id} atau serahkan surat suara kertas kepada petugas desa. Kode ini hanya untuk satu kali memilih; jangan berikan kepada orang lain.`,
        fontSize: 7,
      },
    ],
    margin: [6, 6, 6, 6],
  });
  const rows: unknown[][] = [];
  for (let i = 0; i < slips.length; i += 2)
    rows.push([slip(slips[i]!), slips[i + 1] ? slip(slips[i + 1]!) : '']);
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [24, 24, 24, 24],
    info: { title: `Kartu kode pemilih ${e.title}` },
    content: [
      {
        table: {
          widths: ['*', '*'],
          heights: 150,
          dontBreakRows: true,
          body: rows.length ? rows : [['', '']],
        },
        layout: { hLineStyle: () => ({ dash: { length: 4 } }), vLineStyle: () => ({ dash: { length: 4 } }) },
      },
    ],
  });
}

/**
 * Registers a desa's list of residents from a file (CSV or XLSX with columns nik and kode_desa),
 * whose KTPs an officer checked: every row is checked first (16 digits, a desa in the officer's
 * area, not registered yet, not twice in the file), and one bad row refuses the file naming its
 * line. The codes exist only on the slips this returns.
 */
export async function importVoters(
  ctx: AppContext,
  principal: Principal,
  id: string,
  data: Buffer,
  type: string,
) {
  const e = await mustFind(ctx, id);
  if (e.state !== 'draf' && e.state !== 'dibuka') throw badState('daftar', e.state);
  const [header, ...body] = await uploadedTable(data, type);
  const { cell } = tableColumns(header, ['nik', 'kode_desa']);
  const rows = body.filter((r) => r.some((c) => c.trim() !== ''));
  if (rows.length > VOTERS_PER_FILE)
    throw invalid([{ field: 'file', issue: 'too_many_rows', params: { max: VOTERS_PER_FILE } }]);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const voters: { line: number; nik: string; nikHash: string; regionCode: string }[] = [];
  for (const [i, row] of rows.entries()) {
    const at = (c: string) => `line ${i + 2}, column ${c}`;
    const nik = cell(row, 'nik').replace(/\s/g, '');
    const code = cell(row, 'kode_desa');
    if (!/^\d{16}$/.test(nik)) issues.push({ field: at('nik'), issue: 'nik' });
    let region: RegionCode | null = null;
    try {
      region = parseRegionCode(code);
    } catch {
      region = null;
    }
    if (region === null || region.split('.').length !== 4)
      issues.push({ field: at('kode_desa'), issue: 'not_a_desa_here' });
    else if (!canActInRegion(principal.actor, region))
      issues.push({ field: at('kode_desa'), issue: 'outside_your_area' });
    else if (e.regionCode && !isWithin(region, parseRegionCode(e.regionCode)))
      issues.push({ field: at('kode_desa'), issue: 'outside_vote_area' });
    const nikHash = keyedHash(ctx.config.personalDataKey, 'nik', nik);
    if (seen.has(nikHash)) issues.push({ field: at('nik'), issue: 'duplicate' });
    else if (/^\d{16}$/.test(nik) && (await repo.findVoterByNik(ctx.database.db, id, nikHash)))
      issues.push({ field: at('nik'), issue: 'pb_already_registered' });
    seen.add(nikHash);
    if (region) voters.push({ line: i + 2, nik, nikHash, regionCode: region });
  }
  const names = await namesOf(
    ctx,
    voters.map((v) => v.regionCode),
  );
  for (const [i, v] of voters.entries())
    if (!names.has(v.regionCode))
      issues.push({ field: `line ${i + 2}, column kode_desa`, issue: 'not_a_desa_here' });
  if (issues.length) throw invalid(issues.slice(0, 200));
  if (!voters.length) throw invalid([{ field: 'file', issue: 'empty_file' }]);
  const slips: Slip[] = [];
  await ctx.database.db.transaction(async (tx) => {
    for (const v of voters) {
      const code = `PB-${randomText(4)}-${randomText(4)}`;
      await repo.insertVoter(tx, {
        electionId: id,
        nikHash: v.nikHash,
        codeHash: keyedHash(ctx.config.personalDataKey, 'pb-code', code),
        regionCode: v.regionCode,
        issuedBy: principal.actor.userId ?? null,
        issuedAt: toHour(ctx.clock()),
      });
      slips.push({ code, regionName: names.get(v.regionCode) ?? v.regionCode, nik: maskIdentifier(v.nik) });
    }
    await appendAudit(tx, principal, {
      action: 'pb.voter.registered',
      entity: 'pb_election',
      entityId: id,
      after: { voters: voters.length, fromFile: true },
    });
  });
  return { count: slips.length, pdf: await slipsPdf(e, slips, ctx.config.publicUrl) };
}

/**
 * A slip for codes an officer has just issued one by one (the code is shown once, so it comes
 * back from the officer's screen): each must be a code of this vote, not used yet.
 */
export async function slipsForCodes(
  ctx: AppContext,
  principal: Principal,
  id: string,
  codes: readonly string[],
) {
  const e = await mustFind(ctx, id);
  const slips: Slip[] = [];
  for (const [i, code] of codes.entries()) {
    const voter = await repo.findVoterByCode(
      ctx.database.db,
      id,
      keyedHash(ctx.config.personalDataKey, 'pb-code', code),
    );
    if (!voter || voter.votedAt) throw invalid([{ field: `body.codes.${i}`, issue: 'pb_code_unknown' }]);
    if (!canActInRegion(principal.actor, parseRegionCode(voter.regionCode)))
      throw new AppError('OUT_OF_SCOPE');
    slips.push({ code, regionName: voter.regionCode, nik: null });
  }
  const names = await namesOf(
    ctx,
    slips.map((s) => s.regionName),
  );
  return slipsPdf(
    e,
    slips.map((s) => ({ ...s, regionName: names.get(s.regionName) ?? s.regionName })),
    ctx.config.publicUrl,
  );
}

import type { DocumentSettings } from '@sinergi/contracts';
import { documentNumber, todayIn } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { emblemImage } from '../../http/images.ts';
import type { Letterhead } from '../../reports/letterhead.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findRegion, namesOf } from '../regions/regions.service.ts';
import { getSetting, putSetting, registeredNumber } from './settings.service.ts';

const KEY = 'documents';
const LOGO_KEY = 'documents.logo';
const REPORT_PATTERN = '{no}/{jenis}/{kode}/{bulan}/{tahun}';

/** The kinds of numbered documents other than a forum's berita acara, with the code {jenis} writes. */
const kinds = {
  idm: 'BA-IDM',
  matriks: 'MATRIKS-SINKRON',
  monev: 'LAP-MONEV',
  evaluasi: 'EVAL-PROGRAM',
  konsultasi: 'BA-KONSULTASI',
} as const;

/**
 * A document's number in the office's report pattern, registered at its first print: `key` names
 * the one document of its kind (a kecamatan's IDM berita acara of a year, a month's report), so a
 * later print carries the same number. The running number is per kind and year.
 */
export async function numberOf(
  ctx: AppContext,
  kind: keyof typeof kinds,
  key: string,
  regionCode: string,
): Promise<string> {
  const { reportNumberPattern } = await getDocumentSettings(ctx);
  const isoDate = todayIn(undefined, ctx.clock());
  return registeredNumber(ctx, `${kind}:${key}`, `${kind}:${isoDate.slice(0, 4)}`, (no) =>
    documentNumber(reportNumberPattern, { no, isoDate, regionCode, jenis: kinds[kind] }),
  );
}
/** The emblem as uploaded may be a photo of up to 2 MiB; it is kept at 400 pixels a side. */
export const LOGO_LIMIT = 2 * 1024 * 1024;

/**
 * The letterhead, place and numbering of the office's documents: what the office set, else what
 * follows from the active kabupaten ("PEMERINTAH KABUPATEN BLITAR", signed in Blitar).
 */
export async function getDocumentSettings(ctx: AppContext): Promise<DocumentSettings> {
  const saved = (await getSetting(ctx, KEY)) as DocumentSettings | null;
  // Saved settings are whole (the PUT takes every field): the defaults are worked out only without them.
  if (saved)
    return {
      ...saved,
      reportNumberPattern: saved.reportNumberPattern ?? REPORT_PATTERN,
      pejabat: saved.pejabat ?? [],
    };
  const kab = await findRegion(ctx, ctx.config.activeKabupaten).catch(() => null);
  const name = kab?.name ?? '';
  return {
    government: `PEMERINTAH ${name}`.trim().toUpperCase(),
    office: 'BADAN PERENCANAAN PEMBANGUNAN DAERAH',
    address: '',
    place: name.replace(/^(Kabupaten|Kota)\s+/i, '') || 'Kabupaten',
    numberPattern: '{no}/BA-MUSRENBANG/{kode}/{bulan}/{tahun}',
    reportNumberPattern: REPORT_PATTERN,
    pejabat: [],
  };
}

export async function saveDocumentSettings(ctx: AppContext, principal: Principal, body: DocumentSettings) {
  const before = await getDocumentSettings(ctx);
  await ctx.database.db.transaction(async (tx) => {
    await putSetting(ctx, tx, KEY, body);
    await appendAudit(tx, principal, {
      action: 'settings.documents',
      entity: 'settings',
      entityId: KEY,
      before,
      after: body,
    });
  });
  return getDocumentSettings(ctx);
}

/** The emblem as stored: base64 PNG, or null when the office has set none. */
async function logoBase64(ctx: AppContext): Promise<string | null> {
  const saved = (await getSetting(ctx, LOGO_KEY)) as { png: string | null } | null;
  return saved?.png ?? null;
}

/** The letterhead's emblem (PNG), or null when the office has set none. */
export async function getLogo(ctx: AppContext): Promise<Buffer | null> {
  const png = await logoBase64(ctx);
  return png ? Buffer.from(png, 'base64') : null;
}

/** Sets (or, with null, removes) the letterhead's emblem; the change is in the audit trail. */
export async function saveLogo(
  ctx: AppContext,
  principal: Principal,
  file: { data: Buffer; type: string } | null,
) {
  const png = file ? await emblemImage(file.data, file.type) : null;
  const had = (await logoBase64(ctx)) !== null;
  await ctx.database.db.transaction(async (tx) => {
    await putSetting(ctx, tx, LOGO_KEY, { png: png ? png.toString('base64') : null });
    await appendAudit(tx, principal, {
      action: 'settings.documents',
      entity: 'settings',
      entityId: LOGO_KEY,
      before: { logo: had },
      after: { logo: png !== null, ...(png ? { bytes: png.length } : {}) },
    });
  });
  return { logo: png !== null };
}

/** The letterhead of a numbered document: `letterheadFor` with the document's registered number. */
export async function numberedLetterhead(
  ctx: AppContext,
  regionCode: string,
  kind: Parameters<typeof numberOf>[1],
  key: string,
): Promise<Letterhead> {
  return { ...(await letterheadFor(ctx, regionCode)), number: await numberOf(ctx, kind, key, regionCode) };
}

/**
 * The letterhead for a document of a region's government, with the place it is signed: a desa's
 * under "PEMERINTAH KABUPATEN BLITAR / KECAMATAN WONODADI / DESA JATEN", signed in the desa; a
 * kecamatan's under its kecamatan; the kabupaten's under the office in the settings, with its
 * address, signed where the settings say.
 */
export async function letterheadFor(ctx: AppContext, regionCode: string): Promise<Letterhead> {
  const docs = await getDocumentSettings(ctx);
  // The kabupaten's emblem heads its desa's and kecamatan's letters as well as its own.
  // Kept as base64, it goes into the PDF as it is.
  const png = await logoBase64(ctx);
  const logo = png ? `data:image/png;base64,${png}` : null;
  const officials = docs.pejabat;
  const parts = regionCode.split('.');
  if (parts.length < 3)
    return {
      lines: [docs.government, docs.office].filter(Boolean),
      address: docs.address,
      place: docs.place,
      logo,
      officials,
    };
  const kecamatanCode = parts.slice(0, 3).join('.');
  const names = await namesOf(ctx, [kecamatanCode, regionCode]);
  const kecamatan = `KECAMATAN ${names.get(kecamatanCode) ?? ''}`;
  if (parts.length === 3)
    return {
      lines: [docs.government, kecamatan],
      address: '',
      place: names.get(kecamatanCode) ?? '',
      logo,
      officials,
    };
  // Kemendagri codes: a desa's number starts with 2, a kelurahan's with 1.
  const word = parts[3]!.startsWith('1') ? 'KELURAHAN' : 'DESA';
  const name = names.get(regionCode) ?? '';
  return {
    lines: [docs.government, kecamatan, `${word} ${name}`],
    address: '',
    place: name,
    logo,
    officials,
  };
}

import type { DocumentSettings } from '@sinergi/contracts';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findRegion } from '../regions/regions.service.ts';
import { getSetting, putSetting } from './settings.service.ts';

const KEY = 'documents';

/**
 * The letterhead, place and numbering of the office's documents: what the office set, else what
 * follows from the active kabupaten ("PEMERINTAH KABUPATEN BLITAR", signed in Blitar).
 */
export async function getDocumentSettings(ctx: AppContext): Promise<DocumentSettings> {
  const saved = (await getSetting(ctx, KEY)) as Partial<DocumentSettings> | null;
  const kab = await findRegion(ctx, ctx.config.activeKabupaten).catch(() => null);
  const name = kab?.name ?? '';
  return {
    government: `PEMERINTAH ${name}`.trim().toUpperCase(),
    office: 'BADAN PERENCANAAN PEMBANGUNAN DAERAH',
    address: '',
    place: name.replace(/^(Kabupaten|Kota)\s+/i, '') || 'Kabupaten',
    numberPattern: '{no}/BA-MUSRENBANG/{kode}/{bulan}/{tahun}',
    ...(saved ?? {}),
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

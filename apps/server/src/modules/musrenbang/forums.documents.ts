import { parentOf, parseRegionCode } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { namesOf } from '../regions/regions.service.ts';
import { getDocumentSettings } from '../system/documents.service.ts';
import { forumBeritaAcaraPdf } from './forums.report.ts';
import { getForum } from './forums.service.ts';

/**
 * The berita acara of a forum on the letterhead of the government that held it: a desa's under
 * "PEMERINTAH KABUPATEN BLITAR / KECAMATAN WONODADI / DESA JATEN", signed in the desa; a
 * kecamatan's under its kecamatan; the kabupaten's under the office set in the document settings,
 * with its address, signed where the settings say.
 */
export async function forumBeritaAcara(ctx: AppContext, principal: Principal, id: string) {
  const f = await getForum(ctx, principal, id);
  const docs = await getDocumentSettings(ctx);
  const code = parseRegionCode(f.regionCode);
  const kecamatan = f.level === 'desa' ? parentOf(code)! : code;
  const names = await namesOf(ctx, [kecamatan]);
  // Kemendagri codes: a desa's number starts with 2, a kelurahan's with 1.
  const desaWord = f.regionCode.split('.')[3]?.startsWith('1') ? 'KELURAHAN' : 'DESA';
  const lines =
    f.level === 'desa'
      ? [docs.government, `KECAMATAN ${names.get(kecamatan) ?? ''}`, `${desaWord} ${f.regionName}`]
      : f.level === 'kecamatan'
        ? [docs.government, `KECAMATAN ${f.regionName}`]
        : [docs.government, docs.office].filter(Boolean);
  const pdf = await forumBeritaAcaraPdf(f, ctx.clock(), {
    letterheadLines: lines,
    address: f.level === 'kabupaten' ? docs.address : '',
    place: f.level === 'kabupaten' ? docs.place : f.regionName,
  });
  return { forum: f, pdf };
}

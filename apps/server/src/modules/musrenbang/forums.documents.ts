import type { AppContext, Principal } from '../../context.ts';
import { letterheadFor } from '../system/documents.service.ts';
import { forumBeritaAcaraPdf } from './forums.report.ts';
import { getForum } from './forums.service.ts';

/** The berita acara of a forum on the letterhead of the government that held it (system's letterheadFor). */
export async function forumBeritaAcara(ctx: AppContext, principal: Principal, id: string) {
  const f = await getForum(ctx, principal, id);
  const pdf = await forumBeritaAcaraPdf(f, ctx.clock(), await letterheadFor(ctx, f.regionCode));
  return { forum: f, pdf };
}

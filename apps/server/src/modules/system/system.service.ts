import type { PublicSettings } from '@sinergi/contracts';
import type { AppContext } from '../../context.ts';
import { findRegion, regionListState } from '../regions/regions.service.ts';

/** The database answers (the health check). */
export async function health(ctx: AppContext) {
  await regionListState(ctx);
  return { status: 'ok' as const };
}

/** What anyone may know of the installation: mode, the active kabupaten, the region list's state. */
export async function publicSettingsOf(ctx: AppContext): Promise<PublicSettings> {
  const edition = await regionListState(ctx);
  const kab = edition ? await findRegion(ctx, ctx.config.activeKabupaten) : null;
  return {
    mode: ctx.config.mode,
    activeKabupaten: { code: ctx.config.activeKabupaten, name: kab?.name ?? null },
    regions: { ready: Boolean(edition), edition: edition?.title ?? null, count: edition?.regionCount ?? 0 },
    engine: ctx.database.engine,
    installation: ctx.installation.admin !== null,
  };
}

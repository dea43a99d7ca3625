import type { AppContext, Principal } from '../context.ts';
import { systemPrincipal } from '../context.ts';
import { modules } from '../modules/index.ts';
import { enqueueJobOnce } from '../modules/jobs/jobs.service.ts';
import * as regionsRepo from '../modules/regions/regions.repository.ts';

/** Queues the national region load when no edition is active and no load is pending. */
export async function ensureRegionsQueued(ctx: AppContext, principal: Principal = systemPrincipal) {
  const { db } = ctx.database;
  if (await regionsRepo.findActiveEdition(db)) return null;
  return enqueueJobOnce(ctx, principal, { kind: 'regions.load', params: {} });
}

/**
 * Everything a fresh database needs that does not depend on the region list: each module's own
 * seed (Module.seed), in the order of the module list, each skipping what exists. Returns how many
 * rows each seed wrote, by name.
 */
export async function seed(ctx: AppContext) {
  const written: Record<string, number> = {};
  for (const module of modules) if (module.seed) Object.assign(written, await module.seed(ctx));
  return written;
}

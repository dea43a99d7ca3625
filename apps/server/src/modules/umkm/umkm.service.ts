import { AppError, can, canActInRegion, canRecordUmkm, isWithin, parseRegionCode } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { assertLocation } from '../musrenbang/musrenbang.service.ts';
import { getOrganisation } from '../organisations/organisations.service.ts';
import { namesOf } from '../regions/regions.service.ts';
import { peopleByIds } from '../registry/registry.facade.ts';
import { presentUmkm } from './umkm.presenter.ts';
import * as repo from './umkm.repository.ts';

/**
 * Small businesses: sector (KBLI), products, permits and certificates (NIB, PIRT, halal), sales
 * channels, and revenue and workers month by month. The owner's name shows only where the owner's
 * desa (or the kabupaten's planners) may see it.
 */
export async function listUmkm(
  ctx: AppContext,
  principal: Principal,
  query: { region?: string | undefined; q?: string | undefined; limit: number; offset: number },
) {
  const actor = principal.actor;
  let within = query.region ?? null;
  if (actor.role === 'desa' || actor.role === 'kecamatan') {
    if (!actor.regionCode) throw new AppError('OUT_OF_SCOPE');
    if (within && !isWithin(parseRegionCode(within), actor.regionCode)) throw new AppError('OUT_OF_SCOPE');
    within ??= actor.regionCode;
  }
  const { rows, total } = await repo.findUmkmList(ctx.database.db, {
    within,
    q: query.q,
    limit: query.limit,
    offset: query.offset,
  });
  const owners = await peopleByIds(
    ctx,
    rows.flatMap((u) => (u.ownerId ? [u.ownerId] : [])),
  );
  const names = await namesOf(
    ctx,
    rows.map((u) => u.regionCode),
  );
  return {
    total,
    items: rows.map((u) => ({
      ...presentUmkm(u),
      regionName: names.get(u.regionCode) ?? u.regionCode,
      owner: canActInRegion(actor, parseRegionCode(u.regionCode))
        ? (owners.get(u.ownerId ?? '')?.name ?? null)
        : null,
    })),
  };
}

export async function getUmkm(ctx: AppContext, principal: Principal, id: string) {
  const u = await repo.findUmkm(ctx.database.db, id);
  if (!u) throw new AppError('NOT_FOUND', { details: { what: id } });
  const records = await repo.findRecords(ctx.database.db, id);
  return {
    ...presentUmkm(u),
    records: records.map((r) => ({ period: r.period.slice(0, 7), revenue: r.revenue, workers: r.workers })),
    canRecord:
      can(principal.actor, 'umkm.write') &&
      canRecordUmkm(principal.actor, u, await isUmkmAgency(ctx, principal)),
  };
}

/**
 * The agencies responsible for small business, by their code in the OPD list: the urusan
 * koperasi, usaha kecil dan menengah, and perindustrian/perdagangan (Kepmendagri 050-5889/2021).
 * Only they, of all OPD, write UMKM records.
 */
export const UMKM_AGENCIES = ['DISKOPUM', 'DISPERINDAG'];

async function isUmkmAgency(ctx: AppContext, principal: Principal): Promise<boolean> {
  const id = principal.actor.role === 'opd' ? principal.actor.organisationId : undefined;
  if (!id) return false;
  const org = await getOrganisation(ctx, id).catch(() => null);
  return !!org && UMKM_AGENCIES.includes(org.code);
}

export async function saveUmkm(
  ctx: AppContext,
  principal: Principal,
  body: {
    name: string;
    sector: string;
    regionCode: string;
    products: string;
    permits: Record<string, string | boolean>;
    channels: string[];
    ownerId?: string | undefined;
  },
) {
  const region = await assertLocation(ctx, body.regionCode);
  if (!canRecordUmkm(principal.actor, { regionCode: region }, await isUmkmAgency(ctx, principal)))
    throw new AppError('OUT_OF_SCOPE');
  return ctx.database.db.transaction(async (tx) => {
    const id = await repo.insertUmkm(tx, { ...body, regionCode: region, ownerId: body.ownerId ?? null });
    await appendAudit(tx, principal, {
      action: 'umkm.created',
      entity: 'umkm',
      entityId: id,
      after: { name: body.name },
    });
    return { id };
  });
}

/** Revenue and workers for a month; the same month again replaces it (idempotent). */
export async function recordUmkm(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: { period: string; revenue: number; workers: number },
) {
  const u = await repo.findUmkm(ctx.database.db, id);
  if (!u) throw new AppError('NOT_FOUND', { details: { what: id } });
  if (!canRecordUmkm(principal.actor, u, await isUmkmAgency(ctx, principal)))
    throw new AppError('OUT_OF_SCOPE');
  const period = `${body.period}-01`;
  await ctx.database.db.transaction(async (tx) => {
    await repo.upsertRecord(tx, { umkmId: id, period, revenue: body.revenue, workers: body.workers });
    await appendAudit(tx, principal, {
      action: 'umkm.recorded',
      entity: 'umkm',
      entityId: id,
      after: { period: body.period },
    });
  });
  return { ok: true as const };
}

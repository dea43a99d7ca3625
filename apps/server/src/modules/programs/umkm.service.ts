import { AppError, canActInRegion, isWithin, parseRegionCode } from '@sinergi/core';
import { and, asc, count, eq, ilike, like, or, type SQL } from 'drizzle-orm';
import type { AppContext, Principal } from '../../context.ts';
import { people, umkm, umkmRecords } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { assertLocation } from '../musrenbang/musrenbang.service.ts';
import { namesOf } from '../regions/regions.service.ts';

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
  const where: SQL[] = [];
  if (within) where.push(or(eq(umkm.regionCode, within), like(umkm.regionCode, `${within}.%`))!);
  if (query.q) where.push(ilike(umkm.name, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`));
  const filter = where.length ? and(...where) : undefined;
  const db = ctx.database.db;
  const [total] = await db.select({ n: count() }).from(umkm).where(filter);
  const rows = await db
    .select({ u: umkm, owner: people.name })
    .from(umkm)
    .leftJoin(people, eq(people.id, umkm.ownerId))
    .where(filter)
    .orderBy(asc(umkm.regionCode), asc(umkm.name))
    .limit(query.limit)
    .offset(query.offset);
  const names = await namesOf(
    ctx,
    rows.map((r) => r.u.regionCode),
  );
  return {
    total: total?.n ?? 0,
    items: rows.map(({ u, owner }) => ({
      id: u.id,
      name: u.name,
      sector: u.sector,
      products: u.products,
      permits: u.permits,
      channels: u.channels,
      regionCode: u.regionCode,
      regionName: names.get(u.regionCode) ?? u.regionCode,
      owner: canActInRegion(actor, parseRegionCode(u.regionCode)) ? owner : null,
      sample: u.sample,
    })),
  };
}

export async function getUmkm(ctx: AppContext, id: string) {
  const [u] = await ctx.database.db.select().from(umkm).where(eq(umkm.id, id));
  if (!u) throw new AppError('NOT_FOUND', { details: { what: id } });
  const records = await ctx.database.db
    .select()
    .from(umkmRecords)
    .where(eq(umkmRecords.umkmId, id))
    .orderBy(asc(umkmRecords.period));
  return {
    id: u.id,
    name: u.name,
    sector: u.sector,
    products: u.products,
    permits: u.permits,
    channels: u.channels,
    regionCode: u.regionCode,
    sample: u.sample,
    records: records.map((r) => ({ period: r.period.slice(0, 7), revenue: r.revenue, workers: r.workers })),
  };
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
  if (!canActInRegion(principal.actor, region) && principal.actor.role !== 'opd')
    throw new AppError('OUT_OF_SCOPE');
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(umkm)
      .values({ ...body, regionCode: region, ownerId: body.ownerId ?? null })
      .returning({ id: umkm.id });
    await appendAudit(tx, principal, {
      action: 'umkm.created',
      entity: 'umkm',
      entityId: row!.id,
      after: { name: body.name },
    });
    return { id: row!.id };
  });
}

/** Revenue and workers for a month; the same month again replaces it (idempotent). */
export async function recordUmkm(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: { period: string; revenue: number; workers: number },
) {
  const [u] = await ctx.database.db.select().from(umkm).where(eq(umkm.id, id));
  if (!u) throw new AppError('NOT_FOUND', { details: { what: id } });
  if (!canActInRegion(principal.actor, parseRegionCode(u.regionCode)) && principal.actor.role !== 'opd')
    throw new AppError('OUT_OF_SCOPE');
  const period = `${body.period}-01`;
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .insert(umkmRecords)
      .values({ umkmId: id, period, revenue: body.revenue, workers: body.workers })
      .onConflictDoUpdate({
        target: [umkmRecords.umkmId, umkmRecords.period],
        set: { revenue: body.revenue, workers: body.workers },
      });
    await appendAudit(tx, principal, {
      action: 'umkm.recorded',
      entity: 'umkm',
      entityId: id,
      after: { period: body.period },
    });
  });
  return { ok: true as const };
}

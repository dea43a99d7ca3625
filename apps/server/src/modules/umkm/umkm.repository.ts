import { and, asc, count, eq, ilike, inArray, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../audit/audit.repository.ts';
import { umkm, umkmRecords } from './umkm.schema.ts';

export type UmkmRow = typeof umkm.$inferSelect;
export type NewUmkm = typeof umkm.$inferInsert;
export type NewRecord = typeof umkmRecords.$inferInsert;

export async function findUmkmList(
  db: Db,
  f: { within: string | null; q?: string | undefined; limit: number; offset: number },
) {
  const where: SQL[] = [];
  if (f.within) where.push(or(eq(umkm.regionCode, f.within), like(umkm.regionCode, `${f.within}.%`))!);
  if (f.q) where.push(ilike(umkm.name, `%${escapeLike(f.q)}%`));
  const filter = where.length ? and(...where) : undefined;
  const [totals, rows] = await Promise.all([
    db.select({ n: count() }).from(umkm).where(filter),
    db
      .select()
      .from(umkm)
      .where(filter)
      .orderBy(asc(umkm.regionCode), asc(umkm.name))
      .limit(f.limit)
      .offset(f.offset),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function findUmkm(db: Db, id: string): Promise<UmkmRow | null> {
  const [u] = await db.select().from(umkm).where(eq(umkm.id, id));
  return u ?? null;
}

export function findRecords(db: Db, umkmId: string) {
  return db.select().from(umkmRecords).where(eq(umkmRecords.umkmId, umkmId)).orderBy(asc(umkmRecords.period));
}

export function findOfOwner(db: Db, ownerId: string) {
  return db.select().from(umkm).where(eq(umkm.ownerId, ownerId));
}

/** Which of these people own a business. */
export async function findOwnersAmong(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows = await db
    .selectDistinct({ ownerId: umkm.ownerId })
    .from(umkm)
    .where(inArray(umkm.ownerId, [...personIds]));
  return new Set(rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])));
}

export async function insertUmkm(tx: Db, values: NewUmkm): Promise<string> {
  const [row] = await tx.insert(umkm).values(values).returning({ id: umkm.id });
  return row!.id;
}

/** Revenue and workers of a month; the same month again replaces it. */
export async function upsertRecord(tx: Db, values: NewRecord): Promise<void> {
  await tx
    .insert(umkmRecords)
    .values(values)
    .onConflictDoUpdate({
      target: [umkmRecords.umkmId, umkmRecords.period],
      set: { revenue: values.revenue, workers: values.workers },
    });
}

/** The sample's businesses and their months, in batches of 500 rows, inside the seed's transaction. */
export async function insertSample(tx: Db, biz: readonly NewUmkm[], records: readonly NewRecord[]) {
  for (let i = 0; i < biz.length; i += 500) await tx.insert(umkm).values(biz.slice(i, i + 500));
  for (let i = 0; i < records.length; i += 500)
    await tx.insert(umkmRecords).values(records.slice(i, i + 500));
}

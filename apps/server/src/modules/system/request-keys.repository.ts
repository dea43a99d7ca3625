import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { requestKeys } from './system.schema.ts';

export type RequestKeyRow = typeof requestKeys.$inferSelect;
type Owner = { userId: string; key: string };
const byOwner = (o: Owner) => and(eq(requestKeys.userId, o.userId), eq(requestKeys.key, o.key));

/** Takes a key for a write about to run; false when the key is already there (one row decides a race). */
export async function claimKey(db: Db, o: Owner & { scope: string }): Promise<boolean> {
  const rows = await db
    .insert(requestKeys)
    .values(o)
    .onConflictDoNothing()
    .returning({ key: requestKeys.key });
  return rows.length > 0;
}

export async function findKey(db: Db, o: Owner): Promise<RequestKeyRow | null> {
  const [row] = await db.select().from(requestKeys).where(byOwner(o));
  return row ?? null;
}

/** Keeps the answer of a write that was done, to answer its repeats with. */
export async function completeKey(
  db: Db,
  o: Owner & { status: number; contentType: string | null; body: string | null },
): Promise<void> {
  await db
    .update(requestKeys)
    .set({ status: o.status, contentType: o.contentType, body: o.body })
    .where(byOwner(o));
}

/** Lets a key go: its write was refused or failed, and nothing of it was kept. */
export async function releaseKey(db: Db, o: Owner): Promise<void> {
  await db.delete(requestKeys).where(byOwner(o));
}

export async function deleteKeysBefore(db: Db, before: Date): Promise<void> {
  await db.delete(requestKeys).where(lt(requestKeys.createdAt, before));
}

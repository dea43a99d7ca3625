import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { settings } from './system.schema.ts';

export async function findSetting(db: Db, key: string): Promise<unknown> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row?.value ?? null;
}

export async function upsertSetting(tx: Db, key: string, value: unknown, now: Date): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}

/** Writes a setting only if it is not there yet; true when this call wrote it (a unique key decides a race). */
export async function claimSetting(tx: Db, key: string, value: unknown): Promise<boolean> {
  const rows = await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoNothing({ target: settings.key })
    .returning({ key: settings.key });
  return rows.length > 0;
}

/** The next number of a counter kept as a setting (one statement: two callers never get the same). */
export async function nextCounter(tx: Db, key: string, now: Date): Promise<number> {
  const [row] = await tx
    .insert(settings)
    .values({ key, value: 1 })
    .onConflictDoUpdate({
      target: settings.key,
      // Casts only (immutable), not to_jsonb (stable): Citus refuses a stable function here.
      set: { value: sql`((${settings.value})::text::int + 1)::text::jsonb`, updatedAt: now },
    })
    .returning({ value: settings.value });
  return Number(row!.value);
}

import { eq } from 'drizzle-orm';
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

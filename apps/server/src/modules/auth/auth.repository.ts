import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { users } from '../users/users.schema.ts';
import { sessions } from './auth.schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The session with its user, their organisation's name and their region's name (active edition). */
export async function findLiveSession(db: Db, id: string, now: Date) {
  const rows = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      user: users,
      organisationName: organisations.name,
      regionName: sql<string | null>`(select r.name from regions r join region_editions e
        on e.id = r.edition_id and e.is_active where r.code = ${users.regionCode})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  return rows[0] ?? null;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptId}`)
        : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function setLoginOutcome(
  db: Db,
  userId: string,
  outcome: { failedAttempts: number; lockedUntil: Date | null; lastLoginAt?: Date },
): Promise<void> {
  await db.update(users).set(outcome).where(eq(users.id, userId));
}

/**
 * Counts one failed sign-in in the database itself (failed_attempts + 1 under the row's lock), so
 * thirty wrong passwords at once count thirty, and locks the account for `minutes(count)`.
 */
export async function recordFailedLogin(
  tx: Db,
  userId: string,
  now: Date,
  minutes: (failedAttempts: number) => number,
): Promise<{ failedAttempts: number; lockedUntil: Date | null }> {
  const [row] = await tx
    .update(users)
    .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
    .where(eq(users.id, userId))
    .returning({ failedAttempts: users.failedAttempts });
  const failedAttempts = row?.failedAttempts ?? 0;
  const lock = minutes(failedAttempts);
  const lockedUntil = lock > 0 ? new Date(now.getTime() + lock * 60_000) : null;
  if (lockedUntil) await tx.update(users).set({ lockedUntil }).where(eq(users.id, userId));
  return { failedAttempts, lockedUntil };
}

export async function setPasswordHash(
  db: Db,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
}

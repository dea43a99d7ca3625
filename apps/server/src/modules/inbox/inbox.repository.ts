import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mailOutbox, notificationSettings, notifications, waitingSeen } from './inbox.schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type SettingsRow = typeof notificationSettings.$inferSelect;
export type MailRow = typeof mailOutbox.$inferSelect;

// What each account was told about

export async function findSeen(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .select({ key: waitingSeen.key })
    .from(waitingSeen)
    .where(eq(waitingSeen.userId, userId));
  return new Set(rows.map((r) => r.key));
}

/** Records keys as seen; returns the ones this call recorded (another sweep may have been first). */
export async function insertSeen(tx: Db, userId: string, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await tx
    .insert(waitingSeen)
    .values(keys.map((key) => ({ userId, key })))
    .onConflictDoNothing()
    .returning({ key: waitingSeen.key });
  return new Set(rows.map((r) => r.key));
}

export async function deleteSeen(tx: Db, userId: string, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  await tx
    .delete(waitingSeen)
    .where(and(eq(waitingSeen.userId, userId), inArray(waitingSeen.key, [...keys])));
}

// The bell

export async function insertNotifications(tx: Db, rows: readonly (typeof notifications.$inferInsert)[]) {
  if (!rows.length) return [];
  return tx
    .insert(notifications)
    .values([...rows])
    .returning();
}

export function findNotifications(db: Db, userId: string, limit: number) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function isNotificationOf(db: Db, userId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row !== undefined;
}

/** Marks one notification of the account read, or all of them (id null); returns how many changed. */
export async function markRead(tx: Db, userId: string, id: string | null, now: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/** Unread notifications created since a moment (the daily digest's content). */
export function findUnreadSince(db: Db, userId: string, since: Date | null) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        since ? sql`${notifications.createdAt} > ${since}` : undefined,
      ),
    )
    .orderBy(asc(notifications.createdAt));
}

// Settings

export async function findSettings(db: Db, userId: string): Promise<SettingsRow | null> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  return row ?? null;
}

export function findSettingsWithMail(db: Db) {
  return db
    .select()
    .from(notificationSettings)
    .where(sql`${notificationSettings.emailMode} <> 'off' and ${notificationSettings.email} is not null`);
}

export async function upsertSettings(
  tx: Db,
  values: { userId: string; email: string | null; emailMode: string },
  now: Date,
): Promise<SettingsRow> {
  const [row] = await tx
    .insert(notificationSettings)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { email: values.email, emailMode: values.emailMode, updatedAt: now },
    })
    .returning();
  return row!;
}

/** Claims today's digest of an account: true for exactly one caller when it was due. */
export async function claimDigest(
  tx: Db,
  userId: string,
  lastSent: Date | null,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(notificationSettings)
    .set({ digestSentAt: now })
    .where(
      and(
        eq(notificationSettings.userId, userId),
        lastSent
          ? eq(notificationSettings.digestSentAt, lastSent)
          : isNull(notificationSettings.digestSentAt),
      ),
    )
    .returning({ userId: notificationSettings.userId });
  return rows.length === 1;
}

// The outbox

export async function queueMail(
  tx: Db,
  rows: readonly { recipient: string; subject: string; body: string }[],
) {
  if (rows.length) await tx.insert(mailOutbox).values([...rows]);
}

/**
 * Claims messages due for sending: each is pushed back `leaseSeconds` first, so a second sender
 * (another server) does not take it while this one sends.
 */
export async function claimMail(tx: Db, now: Date, limit: number, leaseSeconds: number): Promise<MailRow[]> {
  const due = await tx
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    // Due by the database's clock or the caller's, whichever is later: a message queued within the
    // same millisecond (the database keeps microseconds) is due at once.
    .where(and(isNull(mailOutbox.sentAt), sql`${mailOutbox.nextAttemptAt} <= greatest(now(), ${now})`))
    .orderBy(asc(mailOutbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (!due.length) return [];
  return tx
    .update(mailOutbox)
    .set({
      nextAttemptAt: new Date(now.getTime() + leaseSeconds * 1000),
      attempts: sql`${mailOutbox.attempts} + 1`,
    })
    .where(
      inArray(
        mailOutbox.id,
        due.map((d) => d.id),
      ),
    )
    .returning();
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db.update(mailOutbox).set({ sentAt: now, lastError: null }).where(eq(mailOutbox.id, id));
}

export async function markFailed(db: Db, id: string, error: string, retryAt: Date): Promise<void> {
  await db.update(mailOutbox).set({ lastError: error, nextAttemptAt: retryAt }).where(eq(mailOutbox.id, id));
}

export function findMail(db: Db) {
  return db.select().from(mailOutbox).orderBy(asc(mailOutbox.createdAt));
}

/**
 * Takes the account's sweep slot for a sweep that began at `startedAt`: false when a sweep that
 * began later was already applied (this one's view is older). The row stays locked until commit,
 * so two sweeps of one account apply one after the other.
 */
export async function claimSweep(tx: Db, userId: string, startedAt: Date): Promise<boolean> {
  await tx.insert(notificationSettings).values({ userId }).onConflictDoNothing();
  const rows = await tx
    .update(notificationSettings)
    .set({ sweptAt: startedAt })
    .where(
      and(
        eq(notificationSettings.userId, userId),
        sql`(${notificationSettings.sweptAt} is null or ${notificationSettings.sweptAt} <= ${startedAt})`,
      ),
    )
    .returning({ userId: notificationSettings.userId });
  return rows.length === 1;
}

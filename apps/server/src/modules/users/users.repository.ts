import { and, count, eq, gt, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../audit/audit.repository.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { users } from './users.schema.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

const listColumns = {
  user: users,
  organisationName: organisations.name,
  regionName: sql<string | null>`(select r.name from regions r join region_editions e
    on e.id = r.edition_id and e.is_active where r.code = ${users.regionCode})`,
};

export async function findUsers(
  db: Db,
  filter: { q?: string | undefined; role?: string | undefined; limit: number; offset: number },
) {
  const where: SQL[] = [];
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    where.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
  }
  if (filter.role) where.push(eq(users.role, filter.role));
  const condition = where.length ? and(...where) : undefined;
  const [items, totals] = await Promise.all([
    db
      .select(listColumns)
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(condition)
      .orderBy(users.role, users.username)
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(users).where(condition),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export async function findUserWithNames(db: Db, id: string) {
  const rows = await db
    .select(listColumns)
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id));
  return rows[0] ?? null;
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  const [row] = await db.insert(users).values(user).returning();
  return row!;
}

export async function updateUser(db: Db, id: string, patch: Partial<NewUser>): Promise<UserRow | null> {
  const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  return row ?? null;
}

export async function findByUsername(db: Db, username: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return row ?? null;
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const rows = await db
    .select({ n: count() })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * The active admins. Inside a transaction the rows are locked, so two admins demoting each other
 * at once are counted one after the other and the second finds the first already gone.
 */
export async function countAdmins(db: Db): Promise<number> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .for('update');
  return rows.length;
}

export async function anyUser(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

/** Accounts locked after failed sign-ins, until their lock runs out. */
export function findLocked(db: Db, now: Date) {
  return db
    .select({ id: users.id, username: users.username, lockedUntil: users.lockedUntil })
    .from(users)
    .where(and(eq(users.active, true), gt(users.lockedUntil, now)));
}

/** Active accounts with what the notification sweep needs to act as them. */
export function findActiveAccounts(db: Db) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      organisationId: users.organisationId,
      regionCode: users.regionCode,
      language: users.language,
    })
    .from(users)
    .where(eq(users.active, true));
}

export async function findIdByUsername(db: Db, username: string): Promise<string | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  return row?.id ?? null;
}

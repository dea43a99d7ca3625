import { and, asc, count, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { BulkTx, Db } from '../../db/client.ts';
import { escapeLike } from '../audit/audit.repository.ts';
import { families, people } from './registry.schema.ts';

export type PersonRow = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;
export type FamilyRow = typeof families.$inferSelect;
export type NewFamily = typeof families.$inferInsert;

export interface PeopleFilter {
  /** A region and everything within it. */
  within?: string | null | undefined;
  /** Part of a name. */
  q?: string | undefined;
  /** Only these people (an OPD lists the people its programs serve). */
  ids?: readonly string[] | undefined;
  limit: number;
  offset: number;
}

export async function findPeople(db: Db, f: PeopleFilter) {
  const where: SQL[] = [];
  if (f.within) where.push(or(eq(people.regionCode, f.within), like(people.regionCode, `${f.within}.%`))!);
  if (f.q) where.push(ilike(people.name, `%${escapeLike(f.q)}%`));
  // As one array parameter, so a list of any length stays one bound value.
  if (f.ids) where.push(sql`${people.id} = any(${`{${f.ids.join(',')}}`}::uuid[])`);
  const filter = where.length ? and(...where) : undefined;
  const [totals, rows] = await Promise.all([
    db.select({ n: count() }).from(people).where(filter),
    db
      .select()
      .from(people)
      .where(filter)
      .orderBy(asc(people.regionCode), asc(people.name))
      .limit(f.limit)
      .offset(f.offset),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function findPerson(db: Db, id: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row ?? null;
}

export async function findPersonByNikHash(db: Db, nikHash: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(people).where(eq(people.nikHash, nikHash));
  return row ?? null;
}

export async function countPeople(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(people);
  return row?.n ?? 0;
}

/** People with their family's welfare decile, by id. */
export function findPeopleWithDecile(db: Db, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ p: people, decile: families.welfareDecile })
    .from(people)
    .leftJoin(families, eq(families.id, people.familyId))
    .where(inArray(people.id, [...ids]));
}

export function findFamilies(db: Db, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([] as FamilyRow[]);
  return db
    .select()
    .from(families)
    .where(inArray(families.id, [...ids]));
}

export async function findFamilyByKkHash(db: Db, kkHash: string): Promise<FamilyRow | null> {
  const [row] = await db.select().from(families).where(eq(families.kkHash, kkHash));
  return row ?? null;
}

/** Every family's area and welfare decile (for targeting). */
export function findFamilyDeciles(db: Db) {
  return db
    .select({ id: families.id, region: families.regionCode, decile: families.welfareDecile })
    .from(families);
}

export async function insertFamily(tx: Db, values: NewFamily): Promise<string> {
  const [row] = await tx.insert(families).values(values).returning({ id: families.id });
  return row!.id;
}

export async function insertPerson(tx: Db, values: NewPerson): Promise<string> {
  const [row] = await tx.insert(people).values(values).returning({ id: people.id });
  return row!.id;
}

/** Sets the deciles of the families whose keyed No. KK hash is listed; returns how many matched. */
/**
 * Sets the deciles of a whole file at once: COPY into a temporary table, then one update joined on
 * the No. KK hash (a kabupaten's 1.2 million rows in seconds; a thousand-row update at a time held
 * PGlite, and with it every other request, for 15 s). Returns the families matched.
 */
export async function setDeciles(
  tx: BulkTx,
  rows: readonly { hash: string; decile: number }[],
  year: number,
): Promise<number> {
  await tx.query('create temp table decile_rows (h text not null, d smallint not null) on commit drop');
  for (let i = 0; i < rows.length; i += 200_000) {
    const csv = rows
      .slice(i, i + 200_000)
      .map((r) => `${r.hash},${r.decile}\n`)
      .join('');
    await tx.copyCsv('decile_rows', ['h', 'd'], csv);
  }
  const [row] = await tx.query<{ n: number }>(
    `with updated as (
       update families f set welfare_decile = v.d, decile_year = $1, updated_at = now()
         from decile_rows v where f.kk_hash = v.h returning f.id)
     select count(*)::int as n from updated`,
    [year],
  );
  await tx.query('drop table decile_rows');
  return row?.n ?? 0;
}

/** The sample's families and people, in batches of 500 rows, inside the seed's transaction. */
export async function insertSample(tx: Db, fams: readonly NewFamily[], ppl: readonly NewPerson[]) {
  for (let i = 0; i < fams.length; i += 500) await tx.insert(families).values(fams.slice(i, i + 500));
  for (let i = 0; i < ppl.length; i += 500) await tx.insert(people).values(ppl.slice(i, i + 500));
}

import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { BulkTx, Db } from '../../db/client.ts';
import { csvField } from '../../db/client.ts';
import { RESULT_COLUMNS } from './village-index.copy.ts';
import { indexSchemes, villageIndexResults } from './village-index.schema.ts';

export type ResultRow = typeof villageIndexResults.$inferSelect;
export type NewResult = Omit<typeof villageIndexResults.$inferInsert, 'updatedAt'>;

export async function countResults(db: Db, schemeId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(villageIndexResults)
    .where(eq(villageIndexResults.schemeId, schemeId));
  return rows[0]?.n ?? 0;
}

/** Years with approved results. */
export async function findYears(db: Db, schemeId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: villageIndexResults.year })
    .from(villageIndexResults)
    .where(and(eq(villageIndexResults.schemeId, schemeId), eq(villageIndexResults.state, 'approved')))
    .orderBy(villageIndexResults.year);
  return rows.map((r) => r.year);
}

/** How many desa of a region each year has approved. */
export async function countApprovedByYear(db: Db, schemeId: string, within: string) {
  return db
    .select({ year: villageIndexResults.year, approved: sql<number>`count(*)::int` })
    .from(villageIndexResults)
    .where(
      and(
        eq(villageIndexResults.schemeId, schemeId),
        eq(villageIndexResults.state, 'approved'),
        sql`${villageIndexResults.regionCode} like ${`${within}.%`}`,
      ),
    )
    .groupBy(villageIndexResults.year)
    .orderBy(villageIndexResults.year);
}

/** The results of one year inside a region (code prefix); `approvedOnly` for what is published. */
interface YearWithin {
  schemeId: string;
  year: number;
  within: string;
  approvedOnly?: boolean | undefined;
}

/** The results of a scheme and year under a region (approved only, when asked). */
const ofYearWithin = (q: YearWithin) =>
  and(
    eq(villageIndexResults.schemeId, q.schemeId),
    eq(villageIndexResults.year, q.year),
    sql`${villageIndexResults.regionCode} like ${`${q.within}.%`}`,
    q.approvedOnly ? eq(villageIndexResults.state, 'approved') : undefined,
  );

export async function findResultsOfYear(db: Db, q: YearWithin) {
  return db.select().from(villageIndexResults).where(ofYearWithin(q)).orderBy(villageIndexResults.regionCode);
}

/** The three columns a summary uses, not each desa's fifty scores (half the time of the whole row). */
export async function findStatusesOfYear(db: Db, q: YearWithin) {
  return db
    .select({
      regionCode: villageIndexResults.regionCode,
      value: villageIndexResults.value,
      status: villageIndexResults.status,
    })
    .from(villageIndexResults)
    .where(ofYearWithin(q))
    .orderBy(villageIndexResults.regionCode);
}
export type StatusRow = Awaited<ReturnType<typeof findStatusesOfYear>>[number];

/** The official results held of the desa of a region, every year (a national file's rows of one kabupaten). */
export async function findOfficialWithin(db: Db, within: string): Promise<NewResult[]> {
  const rows = await db
    .select()
    .from(villageIndexResults)
    .where(
      and(
        eq(villageIndexResults.source, 'official'),
        eq(villageIndexResults.state, 'approved'),
        sql`${villageIndexResults.regionCode} like ${`${within}.%`}`,
      ),
    );
  return rows.map(({ updatedAt: _u, ...row }) => row);
}

/** The latest year with approved results of desa beyond a region: a national (or wider) file's. */
export async function latestYearBeyond(db: Db, schemeId: string, within: string): Promise<number | null> {
  const [row] = await db
    .select({ year: sql<number | null>`max(${villageIndexResults.year})` })
    .from(villageIndexResults)
    .where(
      and(
        eq(villageIndexResults.schemeId, schemeId),
        eq(villageIndexResults.state, 'approved'),
        sql`${villageIndexResults.regionCode} not like ${`${within}.%`}`,
      ),
    );
  return row?.year ?? null;
}

/** Approved results of a year counted per kabupaten/kota and status, with their values' sum. */
export async function countByKabupaten(db: Db, schemeId: string, year: number) {
  const kabupaten = sql<string>`substr(${villageIndexResults.regionCode}, 1, 5)`;
  return db
    .select({
      kabupaten,
      status: villageIndexResults.status,
      desa: sql<number>`count(*)::int`,
      sum: sql<number>`sum(${villageIndexResults.value})::float8`,
    })
    .from(villageIndexResults)
    .where(
      and(
        eq(villageIndexResults.schemeId, schemeId),
        eq(villageIndexResults.year, year),
        eq(villageIndexResults.state, 'approved'),
      ),
    )
    .groupBy(kabupaten, villageIndexResults.status);
}

/** The entries under a region (or the desa itself) in a step of the sign-off chain, of any year. */
export async function findEntriesInState(
  db: Db,
  q: { schemeId: string; within: string; states: readonly string[] },
) {
  return db
    .select({
      regionCode: villageIndexResults.regionCode,
      year: villageIndexResults.year,
      state: villageIndexResults.state,
      returnNote: villageIndexResults.returnNote,
    })
    .from(villageIndexResults)
    .where(
      and(
        eq(villageIndexResults.schemeId, q.schemeId),
        inArray(villageIndexResults.state, [...q.states]),
        sql`(${villageIndexResults.regionCode} = ${q.within} or ${villageIndexResults.regionCode} like ${`${q.within}.%`})`,
      ),
    )
    .orderBy(villageIndexResults.year, villageIndexResults.regionCode);
}

/** Approved results only: drafts and entries under review are not published. */
export async function findApprovedResultsOfDesa(db: Db, schemeId: string, regionCode: string) {
  return db
    .select()
    .from(villageIndexResults)
    .where(
      and(
        eq(villageIndexResults.schemeId, schemeId),
        eq(villageIndexResults.regionCode, regionCode),
        eq(villageIndexResults.state, 'approved'),
      ),
    )
    .orderBy(villageIndexResults.year);
}

/** Results as CSV lines of RESULT_COLUMNS (village-index.copy.ts) for a COPY. */
export function resultsCsv(rows: readonly NewResult[]): string {
  return rows
    .map((r) =>
      [
        csvField(r.schemeId),
        r.year,
        csvField(r.regionCode),
        csvField(r.state),
        csvField(r.source),
        csvField(r.scores ? JSON.stringify(r.scores) : null),
        csvField(JSON.stringify(r.dimensions)),
        r.value,
        csvField(r.status),
      ].join(','),
    )
    .join('\n');
}

/** Bulk insert with COPY (inside the caller's transaction). */
export async function copyResults(tx: BulkTx, rows: readonly NewResult[]): Promise<void> {
  await tx.copyCsv('village_index_results', RESULT_COLUMNS, resultsCsv(rows));
}

export async function findResult(
  db: Db,
  q: { schemeId: string; year: number; regionCode: string },
): Promise<ResultRow | null> {
  const rows = await db
    .select()
    .from(villageIndexResults)
    .where(
      and(
        eq(villageIndexResults.schemeId, q.schemeId),
        eq(villageIndexResults.year, q.year),
        eq(villageIndexResults.regionCode, q.regionCode),
      ),
    )
    .for('update');
  return rows[0] ?? null;
}

export async function upsertResult(db: Db, row: NewResult, now: Date): Promise<ResultRow> {
  const [saved] = await db
    .insert(villageIndexResults)
    .values({ ...row, updatedAt: now })
    .onConflictDoUpdate({
      target: [villageIndexResults.regionCode, villageIndexResults.schemeId, villageIndexResults.year],
      set: { ...row, updatedAt: now },
    })
    .returning();
  return saved!;
}

export async function setState(
  db: Db,
  q: { schemeId: string; year: number; regionCode: string },
  state: string,
  now: Date,
  returnNote?: string | null,
) {
  const [row] = await db
    .update(villageIndexResults)
    .set({ state, updatedAt: now, ...(returnNote !== undefined ? { returnNote } : {}) })
    .where(
      and(
        eq(villageIndexResults.schemeId, q.schemeId),
        eq(villageIndexResults.year, q.year),
        eq(villageIndexResults.regionCode, q.regionCode),
      ),
    )
    .returning();
  return row!;
}

/** Lines of RESULT_COLUMNS (village-index.copy.ts), and how many. */
export interface ResultLines {
  rows: number;
  lines: string;
}

/**
 * Loads one year's official results of a scheme, given as COPY lines in parts as they are read
 * (a national file is read while its first parts load), and says how many rows came and how many
 * were added or changed: a year's first load by COPY, a later one through a temporary table and an
 * upsert that replaces only official rows whose values differ. Entries in the sign-off chain are
 * never overwritten.
 */
export async function upsertOfficialResults(
  tx: BulkTx,
  key: { schemeId: string; year: number },
  parts: AsyncIterable<ResultLines> | Iterable<ResultLines>,
  now: Date,
): Promise<{ rows: number; changed: number }> {
  // Writes to the table wait for this one, so years found empty here stay empty until the COPY.
  await tx.query('lock table village_index_results in share row exclusive mode');
  const [held] = await tx.query<{ any: boolean }>(
    'select exists (select 1 from village_index_results where scheme_id = $1 and year = $2) as any',
    [key.schemeId, key.year],
  );
  let rows = 0;
  const counted = async function* () {
    for await (const part of parts) {
      rows += part.rows;
      yield `${part.lines}\n`;
    }
  };
  if (!held!.any) {
    // A year's first import (the usual case): nothing to keep or compare, so straight in by COPY,
    // without the temporary table and the upsert, which took 1.4x (PostgreSQL) to 1.8x (PGlite) as
    // long as this COPY for 75,000 rows (issue 18).
    await tx.copyCsv('village_index_results', RESULT_COLUMNS, counted());
    return { rows, changed: rows };
  }
  await tx.query('drop table if exists index_import');
  await tx.query(
    'create temporary table index_import (like village_index_results including defaults) on commit drop',
  );
  await tx.copyCsv('index_import', RESULT_COLUMNS, counted());
  const changed = await tx.query<{ n: number }>(
    `
    with up as (
      insert into village_index_results (scheme_id, year, region_code, state, source, scores, dimensions, value, status)
      select scheme_id, year, region_code, state, source, scores, dimensions, value, status from index_import
      on conflict (region_code, scheme_id, year) do update
        set scores = excluded.scores, dimensions = excluded.dimensions, value = excluded.value,
            status = excluded.status, updated_at = $1::timestamptz
        where village_index_results.source = 'official'
          and (village_index_results.value, village_index_results.status, village_index_results.dimensions,
               village_index_results.scores)
            is distinct from (excluded.value, excluded.status, excluded.dimensions, excluded.scores)
      returning 1)
    select count(*)::int as n from up`,
    // A value, not now(): Citus takes no stable function in ON CONFLICT ... DO UPDATE.
    [now.toISOString()],
  );
  return { rows, changed: changed[0]!.n };
}

/**
 * Official results given as rows (a kabupaten's template or rumusan files, what a new government
 * is handed), loaded a scheme and year at a time; how many were added or changed.
 */
export async function upsertOfficialRows(tx: BulkTx, rows: readonly NewResult[], now: Date): Promise<number> {
  const groups = new Map<string, NewResult[]>();
  for (const row of rows) {
    const key = `${row.schemeId} ${row.year}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(row);
  }
  let changed = 0;
  for (const group of groups.values()) {
    const key = { schemeId: group[0]!.schemeId, year: group[0]!.year };
    const parts = [{ rows: group.length, lines: resultsCsv(group) }];
    changed += (await upsertOfficialResults(tx, key, parts, now)).changed;
  }
  return changed;
}

// Admin-loaded scheme versions

export async function schemeVersionExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: indexSchemes.id }).from(indexSchemes).where(eq(indexSchemes.id, id));
  return rows.length > 0;
}

export async function insertSchemeVersion(tx: Db, values: typeof indexSchemes.$inferInsert) {
  const [row] = await tx.insert(indexSchemes).values(values).returning();
  return row!;
}

export function findSchemeVersions(db: Db) {
  return db.select().from(indexSchemes).orderBy(indexSchemes.id);
}

/** The versions of a scheme (`id@version`, or every version of a scheme id), oldest first. */
export function findSchemeVersion(db: Db, ref: { id: string } | { schemeId: string }) {
  return db
    .select()
    .from(indexSchemes)
    .where('id' in ref ? eq(indexSchemes.id, ref.id) : eq(indexSchemes.schemeId, ref.schemeId))
    .orderBy(indexSchemes.createdAt);
}

/** The desa's latest result of a year before `year`, if any. */
export async function findPreviousResult(db: Db, q: { schemeId: string; year: number; regionCode: string }) {
  const [row] = await db
    .select()
    .from(villageIndexResults)
    .where(
      and(
        eq(villageIndexResults.schemeId, q.schemeId),
        lt(villageIndexResults.year, q.year),
        eq(villageIndexResults.regionCode, q.regionCode),
      ),
    )
    .orderBy(desc(villageIndexResults.year))
    .limit(1);
  return row ?? null;
}

import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { BulkTx, Db } from '../../db/client.ts';
import { regionBoundaries, regionEditions, regions } from './regions.schema.ts';

export type RegionRow = Pick<typeof regions.$inferSelect, 'code' | 'name' | 'level' | 'kind' | 'parentCode'>;
export type EditionRow = typeof regionEditions.$inferSelect;

const regionColumns = {
  code: regions.code,
  name: regions.name,
  level: regions.level,
  kind: regions.kind,
  parentCode: regions.parentCode,
};

export async function findActiveEdition(db: Db): Promise<EditionRow | null> {
  const rows = await db.select().from(regionEditions).where(eq(regionEditions.isActive, true)).limit(1);
  return rows[0] ?? null;
}

export async function findEditions(db: Db): Promise<EditionRow[]> {
  return db.select().from(regionEditions).orderBy(regionEditions.id);
}

export async function findRegion(db: Db, editionId: number, code: string): Promise<RegionRow | null> {
  const rows = await db
    .select(regionColumns)
    .from(regions)
    .where(and(eq(regions.editionId, editionId), eq(regions.code, code)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findRegionsByCodes(db: Db, editionId: number, codes: string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return db
    .select(regionColumns)
    .from(regions)
    .where(and(eq(regions.editionId, editionId), inArray(regions.code, codes)))
    .orderBy(regions.code);
}

/** Children of a region (or the provinces when `parentCode` is null), each with its own child count. */
export async function findChildren(db: Db, editionId: number, parentCode: string | null) {
  return db
    .select({
      ...regionColumns,
      // Qualified by hand: inside the subquery a bare "code" would mean the child's own column.
      childCount: sql<number>`(select count(*)::int from regions c
        where c.edition_id = "regions"."edition_id" and c.parent_code = "regions"."code")`,
    })
    .from(regions)
    .where(
      and(
        eq(regions.editionId, editionId),
        parentCode === null ? sql`${regions.parentCode} is null` : eq(regions.parentCode, parentCode),
      ),
    )
    .orderBy(regions.code);
}

/** How many kecamatan, desa and kelurahan lie inside a region. */
export async function countWithin(db: Db, editionId: number, code: string) {
  const rows = await db
    .select({ level: regions.level, kind: regions.kind, n: count() })
    .from(regions)
    .where(and(eq(regions.editionId, editionId), sql`${regions.code} like ${`${code}.%`}`))
    .groupBy(regions.level, regions.kind);
  const find = (level: number, kinds?: string[]) =>
    rows
      .filter((r) => r.level === level && (!kinds || kinds.includes(r.kind ?? '')))
      .reduce((s, r) => s + r.n, 0);
  // A desa adat (Papua) is a desa for counting.
  return { kecamatan: find(3), desa: find(4, ['desa', 'desa_adat']), kelurahan: find(4, ['kelurahan']) };
}

/**
 * Ranked search by code or name: exact code, then code prefix, then name equal, name prefix,
 * word prefix, then any substring; ties by trigram similarity, then level, then code. The
 * substring test uses the trigram GIN index on lower(name), so it stays fast on 83k rows.
 */
export async function searchRegions(
  db: Db,
  editionId: number,
  query: { text: string; level?: number; within?: string; limit: number },
) {
  const q = query.text.toLowerCase();
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const isCode = /^[\d.]+$/.test(q);
  const rank = isCode
    ? sql<number>`case when ${regions.code} = ${q} then 0 else 1 end`
    : sql<number>`case
        when lower(${regions.name}) = ${q} then 2
        when lower(${regions.name}) like ${`${escaped}%`} then 3
        when lower(${regions.name}) like ${`% ${escaped}%`} then 4
        else 5 end`;
  const match = isCode
    ? sql`${regions.code} like ${`${escaped}%`}`
    : sql`lower(${regions.name}) like ${`%${escaped}%`}`;
  return db
    .select(regionColumns)
    .from(regions)
    .where(
      and(
        eq(regions.editionId, editionId),
        match,
        query.level ? eq(regions.level, query.level) : undefined,
        query.within ? sql`${regions.code} like ${`${query.within}.%`}` : undefined,
      ),
    )
    .orderBy(
      rank,
      isCode ? regions.code : sql`similarity(lower(${regions.name}), ${q}) desc`,
      regions.level,
      regions.code,
    )
    .limit(query.limit);
}

/** The desa (not kelurahan) inside a region, by code. */
export async function findDesaWithin(db: Db, editionId: number, within: string): Promise<RegionRow[]> {
  return db
    .select(regionColumns)
    .from(regions)
    .where(
      and(
        eq(regions.editionId, editionId),
        eq(regions.level, 4),
        sql`${regions.kind} in ('desa', 'desa_adat')`,
        sql`${regions.code} like ${`${within}.%`}`,
      ),
    )
    .orderBy(regions.code);
}

export async function findBoundaries(db: Db, editionId: number, level: number, within: string) {
  return db
    .select({
      code: regionBoundaries.code,
      geometry: regionBoundaries.geometry,
      labelLat: regionBoundaries.labelLat,
      labelLng: regionBoundaries.labelLng,
      name: regions.name,
      kind: regions.kind,
      parentCode: regions.parentCode,
    })
    .from(regionBoundaries)
    .innerJoin(regions, and(eq(regions.code, regionBoundaries.code), eq(regions.editionId, editionId)))
    .where(and(eq(regionBoundaries.level, level), sql`${regionBoundaries.code} like ${`${within}.%`}`))
    .orderBy(regionBoundaries.code);
}

export async function hasBoundary(db: Db, code: string): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(regionBoundaries).where(eq(regionBoundaries.code, code));
  return (rows[0]?.n ?? 0) > 0;
}

export async function countBoundaries(db: Db): Promise<number> {
  const rows = await db.select({ n: count() }).from(regionBoundaries);
  return rows[0]?.n ?? 0;
}

// ---- bulk loading (raw SQL inside one transaction per step; see regions.loader.ts) ----

/** The code a load builds its new rows under, beside the edition in use, until it switches. */
export const STAGING = '#loading';

/**
 * A new, inactive edition row the load fills beside the one in use (issue 17: a reload never
 * empties the regions first). What a killed load left behind is removed first.
 */
export async function prepareEdition(tx: BulkTx, edition: { code: string; title: string; source: string }) {
  await tx.query(
    'delete from regions where edition_id in (select id from region_editions where code like $1)',
    [`%${STAGING}`],
  );
  await tx.query('delete from region_editions where code like $1', [`%${STAGING}`]);
  const inserted = await tx.query<{ id: number }>(
    'insert into region_editions (code, title, source) values ($1, $2, $3) returning id',
    [`${edition.code}${STAGING}`, edition.title, edition.source],
  );
  return inserted[0]!.id;
}

/**
 * The switch, in one transaction: the loaded edition takes its real code and becomes the active
 * one; an earlier load of the same edition gives way (other editions stay, for history).
 */
export async function completeEdition(tx: BulkTx, editionId: number, code: string): Promise<number> {
  const counted = await tx.query<{ n: number }>(
    'select count(*)::int as n from regions where edition_id = $1',
    [editionId],
  );
  const n = counted[0]!.n;
  await tx.query('delete from regions where edition_id in (select id from region_editions where code = $1)', [
    code,
  ]);
  await tx.query('delete from region_editions where code = $1', [code]);
  await tx.query('update region_editions set is_active = false where id <> $1', [editionId]);
  await tx.query(
    'update region_editions set code = $3, is_active = true, region_count = $2, loaded_at = now() where id = $1',
    [editionId, n, code],
  );
  return n;
}

/** Fresh statistics after a bulk load, so the planner uses the trigram and prefix indexes at once. */
export async function analyzeRegions(tx: BulkTx): Promise<void> {
  await tx.query('analyze regions');
}

export async function replaceBoundaries(tx: BulkTx, csv: string): Promise<void> {
  await tx.query('delete from region_boundaries');
  await tx.copyCsv(
    'region_boundaries',
    ['code', 'level', 'geometry', 'label_lat', 'label_lng', 'source'],
    csv,
  );
}

/** The stored boundary (GeoJSON geometry) of one region, or null. */
export async function findGeometry(db: Db, code: string): Promise<unknown | null> {
  const [row] = await db
    .select({ geometry: regionBoundaries.geometry })
    .from(regionBoundaries)
    .where(eq(regionBoundaries.code, code));
  return row?.geometry ?? null;
}

/** The stored boundary (GeoJSON geometry) of each region at a level within a code, without names. */
export async function findGeometries(db: Db, level: number, within: string) {
  return db
    .select({ code: regionBoundaries.code, geometry: regionBoundaries.geometry })
    .from(regionBoundaries)
    .where(and(eq(regionBoundaries.level, level), sql`${regionBoundaries.code} like ${`${within}.%`}`));
}

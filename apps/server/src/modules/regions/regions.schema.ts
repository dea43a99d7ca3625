import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** One row per edition of the Kepmendagri region list; regions are kept per edition. */
export const regionEditions = pgTable('region_editions', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  source: text('source').notNull(),
  isActive: boolean('is_active').notNull().default(false),
  regionCount: integer('region_count').notNull().default(0),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Provinsi, kabupaten/kota, kecamatan and desa/kelurahan. The code leads every key after the
 * edition so that a split or merge in a later edition leaves the earlier edition untouched.
 */
export const regions = pgTable(
  'regions',
  {
    editionId: integer('edition_id')
      .notNull()
      .references(() => regionEditions.id),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    /** 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan. */
    level: smallint('level').notNull(),
    /** 'desa' or 'kelurahan' at level 4; 'kabupaten' or 'kota' at level 2; null otherwise. */
    kind: text('kind'),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.code] }),
    index('regions_parent_idx').on(t.editionId, t.parentCode),
    // text_pattern_ops lets "code LIKE '35.05.%'" (everything inside a region) use the index under any collation.
    index('regions_code_prefix_idx').using('btree', t.editionId, sql`${t.code} text_pattern_ops`),
    index('regions_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

/** Boundaries of the active kabupaten's kecamatan and desa (GeoJSON geometry). */
export const regionBoundaries = pgTable('region_boundaries', {
  code: text('code').primaryKey(),
  level: smallint('level').notNull(),
  geometry: jsonb('geometry').notNull(),
  labelLat: doublePrecision('label_lat'),
  labelLng: doublePrecision('label_lng'),
  source: text('source').notNull(),
});

import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Village index results: one row per scheme, year and desa. Official results are imported as
 * approved; later issues add entry and sign-off states. `scores` holds the indicator scores when
 * known (the 2023 official file has composites only).
 */
export const villageIndexResults = pgTable(
  'village_index_results',
  {
    schemeId: text('scheme_id').notNull(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    state: text('state').notNull(),
    source: text('source').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>(),
    /** Raw observations behind rubric-scored indicators, when the desa entered them. */
    observations: jsonb('observations').$type<Record<string, number>>(),
    dimensions: jsonb('dimensions').$type<Record<string, number>>().notNull(),
    value: doublePrecision('value').notNull(),
    status: text('status').notNull(),
    /** Why the kecamatan or kabupaten sent the entry back, for the desa to read; cleared on submit. */
    returnNote: text('return_note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.schemeId, t.year] }),
    index('village_index_year_idx').on(t.schemeId, t.year),
  ],
);

/** Index scheme versions loaded by an admin (built-in schemes live in core). */
export const indexSchemes = pgTable('index_schemes', {
  id: text('id').primaryKey(),
  schemeId: text('scheme_id').notNull(),
  version: text('version').notNull(),
  definition: jsonb('definition').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';

/**
 * The social registry (issue 7). NIK and No. KK are stored encrypted (AES-256-GCM under
 * PERSONAL_DATA_KEY) beside a keyed hash for exact lookup and de-duplication; never in clear.
 * Families carry the welfare decile imported from DTSEN-style files. `sample` marks generated
 * demonstration records.
 */
export const families = pgTable(
  'families',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kkHash: text('kk_hash').notNull(),
    kkSealed: text('kk_sealed').notNull(),
    regionCode: text('region_code').notNull(),
    address: text('address').notNull().default(''),
    welfareDecile: smallint('welfare_decile'),
    decileYear: integer('decile_year'),
    sample: boolean('sample').notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex('families_kk_idx').on(t.kkHash), index('families_region_idx').on(t.regionCode)],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nikHash: text('nik_hash').notNull(),
    nikSealed: text('nik_sealed').notNull(),
    familyId: uuid('family_id').references(() => families.id),
    name: text('name').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    regionCode: text('region_code').notNull(),
    sample: boolean('sample').notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex('people_nik_idx').on(t.nikHash), index('people_region_idx').on(t.regionCode)],
);

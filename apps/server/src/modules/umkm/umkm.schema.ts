import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';
import { people } from '../registry/registry.schema.ts';

/** Small businesses (UMKM) with their permits, certificates and sales channels. */
export const umkm = pgTable(
  'umkm',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** KBLI 2020 code of the main activity. */
    sector: text('sector').notNull(),
    ownerId: uuid('owner_id').references(() => people.id),
    regionCode: text('region_code').notNull(),
    products: text('products').notNull().default(''),
    /** e.g. { nib: '1234567890123', pirt: true, halal: false } */
    permits: jsonb('permits').$type<Record<string, string | boolean>>().notNull().default({}),
    channels: jsonb('channels').$type<string[]>().notNull().default([]),
    sample: boolean('sample').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('umkm_owner_idx').on(t.ownerId), index('umkm_region_idx').on(t.regionCode)],
);

/** An UMKM's revenue and workers over time (one row per month reported). */
export const umkmRecords = pgTable(
  'umkm_records',
  {
    umkmId: uuid('umkm_id')
      .notNull()
      .references(() => umkm.id, { onDelete: 'cascade' }),
    period: date('period').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
    workers: integer('workers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.umkmId, t.period] })],
);

import type { Fuel } from '@sinergi/core';
import {
  bigint,
  boolean,
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
import { timestamps } from '../../db/columns.ts';

/** A sentra IKM: a cluster of small industries making one product in one place. */
export const industrySentra = pgTable('industry_sentra', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  product: text('product').notNull(),
  desaCode: text('desa_code').notNull(),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  sample: boolean('sample').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export interface Certificate {
  kind: 'sni' | 'halal' | 'sih';
  number: string;
  validUntil: string | null;
}

/** An industrial business (IKM and larger) in the registry of Disperindag (issue 21, part 1). */
export const industries = pgTable(
  'industries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** KBLI 2020, five digits, kategori C. */
    kbli: text('kbli').notNull(),
    scale: text('scale').notNull(),
    desaCode: text('desa_code').notNull(),
    sentraId: uuid('sentra_id').references(() => industrySentra.id, { onDelete: 'set null' }),
    product: text('product').notNull().default(''),
    envPermit: text('env_permit').notNull().default(''),
    envPermitNumber: text('env_permit_number').notNull().default(''),
    certificates: jsonb('certificates').$type<Certificate[]>().notNull().default([]),
    sample: boolean('sample').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('industries_desa_idx').on(t.desaCode)],
);

/** What a business reports for a year: output, workforce, energy, water and waste. */
export const industryReports = pgTable(
  'industry_reports',
  {
    industryId: uuid('industry_id')
      .notNull()
      .references(() => industries.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    workforce: integer('workforce').notNull(),
    productionValue: bigint('production_value', { mode: 'number' }).notNull(),
    rawMaterials: text('raw_materials').notNull().default(''),
    electricityKwh: doublePrecision('electricity_kwh').notNull(),
    fuel: jsonb('fuel').$type<Record<Fuel, number>>().notNull(),
    waterM3: doublePrecision('water_m3').notNull(),
    solidWasteTon: doublePrecision('solid_waste_ton').notNull(),
    hazardousWasteTon: doublePrecision('hazardous_waste_ton').notNull(),
    wastewaterM3: doublePrecision('wastewater_m3').notNull(),
    wastewaterCodKg: doublePrecision('wastewater_cod_kg').notNull(),
    wastewaterTreatment: text('wastewater_treatment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.industryId, t.year] })],
);

/** A green-industry training (bimtek industri hijau) and the businesses it trained. */
export const industryTrainings = pgTable('industry_trainings', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  year: integer('year').notNull(),
  organiser: text('organiser').notNull(),
  topic: text('topic').notNull().default(''),
  /** A partner (partners module) who gave it, when one did. */
  partnerId: uuid('partner_id'),
  sample: boolean('sample').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const industryTrainingParticipants = pgTable(
  'industry_training_participants',
  {
    trainingId: uuid('training_id')
      .notNull()
      .references(() => industryTrainings.id, { onDelete: 'cascade' }),
    industryId: uuid('industry_id')
      .notNull()
      .references(() => industries.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.trainingId, t.industryId] })],
);

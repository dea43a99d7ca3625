import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';

/**
 * Plans at every level (issue 6): a plan per level, period and owner; its nodes form a tree (vision,
 * mission, goal, target, program, kegiatan, sub-kegiatan, or the pohon kinerja levels), and a node
 * may support nodes of higher plans.
 */
export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** RPJPN, RPJMN, RPJMD, Renstra, RKPD, Renja, RPJMDes, RKPDes. */
  kind: text('kind').notNull(),
  level: text('level').notNull(),
  name: text('name').notNull(),
  startYear: integer('start_year').notNull(),
  endYear: integer('end_year').notNull(),
  /** The OPD (organisation id) or desa (region code) that owns the plan; null for kabupaten-wide and higher. */
  owner: text('owner'),
  sample: boolean('sample').notNull().default(false),
  /**
   * A copy of another government's plan, kept to link to and read only here: `provinsi` for the
   * province's RPJMD and Renstra (plans.province.ts). Null for the kabupaten's own plans.
   */
  source: text('source'),
  ...timestamps,
});

export const planNodes = pgTable(
  'plan_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    kind: text('kind').notNull(),
    /** Nomenclature code where one applies (Kepmendagri 050-5889/2021). */
    code: text('code'),
    title: text('title').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    /** Budget ceiling (pagu) per year. */
    budget: jsonb('budget').$type<Record<string, number>>().notNull().default({}),
    position: integer('position').notNull().default(0),
    /** The key a template row gave a new item, so importing the same file again finds it. */
    importKey: text('import_key'),
    ...timestamps,
  },
  (t) => [
    index('plan_nodes_plan_idx').on(t.planId),
    uniqueIndex('plan_nodes_import_key_idx').on(t.planId, t.importKey),
  ],
);

export const planLinks = pgTable(
  'plan_links',
  {
    nodeId: uuid('node_id')
      .notNull()
      .references(() => planNodes.id, { onDelete: 'cascade' }),
    supportsId: uuid('supports_id')
      .notNull()
      .references(() => planNodes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.supportsId] })],
);

export const planIndicators = pgTable('plan_indicators', {
  id: uuid('id').primaryKey().defaultRandom(),
  nodeId: uuid('node_id')
    .notNull()
    .references(() => planNodes.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  direction: text('direction').notNull(),
  additive: boolean('additive').notNull().default(false),
  baselineYear: integer('baseline_year').notNull(),
  baselineValue: doublePrecision('baseline_value').notNull(),
  targets: jsonb('targets').$type<Record<string, number>>().notNull().default({}),
  /** { year: { value, source } } */
  realisations: jsonb('realisations')
    .$type<Record<string, { value: number; source: string }>>()
    .notNull()
    .default({}),
  /**
   * A statistics series whose values are this indicator's realisations (for the kabupaten's
   * region), so a newly imported BPS figure reaches every plan that measures it. A realisation
   * entered on the indicator itself takes precedence for its year.
   */
  seriesIndicator: text('series_indicator'),
  seriesRegion: text('series_region'),
  /** The key a template row gave a new indicator, so importing the same file again finds it. */
  importKey: text('import_key'),
});

/**
 * The nomenclature of regional development planning (program, kegiatan, sub-kegiatan with output,
 * indicator and unit; Kepmendagri 900.1.15.5-1317/2023 and its predecessors), imported from the
 * published list so plan items carry the official code and wording.
 */
export const nomenclature = pgTable('nomenclature', {
  code: text('code').primaryKey(),
  /** urusan, bidang, program, kegiatan, subkegiatan */
  level: text('level').notNull(),
  title: text('title').notNull(),
  output: text('output'),
  indicator: text('indicator'),
  unit: text('unit'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Statistics series (BPS and others): one value per indicator, region and year, with its source. */
export const statSeries = pgTable(
  'stat_series',
  {
    indicator: text('indicator').notNull(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit'),
    source: text('source').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicator, t.regionCode, t.year] })],
);

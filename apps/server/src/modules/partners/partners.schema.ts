import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';

/** Partners of development (issue 21): who they are, their agreements and what each commits. */
export const partners = pgTable('partners', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** swasta, bumn_bumd, lsm, perguruan_tinggi, internasional. */
  kind: text('kind').notNull(),
  sector: text('sector').notNull().default(''),
  website: text('website').notNull().default(''),
  notes: text('notes').notNull().default(''),
  /** Demo mode's sample partners, marked "contoh". */
  sample: boolean('sample').notNull().default(false),
  ...timestamps,
});

/** An MoU or a PKS (perjanjian kerja sama) with its term and scope. */
export const partnerAgreements = pgTable(
  'partner_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    number: text('number').notNull().default(''),
    title: text('title').notNull(),
    scope: text('scope').notNull().default(''),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_agreements_partner_idx').on(t.partnerId)],
);

/** What an agreement commits: money (rupiah), goods or expertise. */
export const partnerCommitments = pgTable(
  'partner_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => partnerAgreements.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    amount: bigint('amount', { mode: 'number' }),
  },
  (t) => [index('partner_commitments_agreement_idx').on(t.agreementId)],
);

/**
 * A study a research partner (a university, an institute) carries out, with the plan items whose
 * targets it informs (issue 21): the evidence behind a target is found from the target.
 */
export const partnerStudies = pgTable(
  'partner_studies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    /** rencana, berjalan, selesai */
    status: text('status').notNull(),
    summary: text('summary').notNull().default(''),
    url: text('url').notNull().default(''),
    /** Plan items (plans module) whose targets the study informs. */
    planNodeIds: jsonb('plan_node_ids').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_studies_partner_idx').on(t.partnerId)],
);

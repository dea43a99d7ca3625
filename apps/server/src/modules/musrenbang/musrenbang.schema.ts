import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
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
import { bytea, timestamps } from '../../db/columns.ts';
import { organisations } from '../organisations/organisations.schema.ts';

/**
 * Proposals of every track (Musrenbang, pokir, Renja, public aspirations) on their path from the
 * desa forum to implementation. A proposal is never deleted: rejected and merged ones keep their
 * row and their history (`proposal_events`). `contact` (an aspirant's phone or e-mail) is personal
 * and never leaves the desa that moderates it.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public tracking code, e.g. "USL-7K2M-Q9XA": the only handle a citizen needs. */
    trackingCode: text('tracking_code').notNull().unique(),
    track: text('track').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    bidang: text('bidang').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    rt: text('rt'),
    rw: text('rw'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    volume: doublePrecision('volume').notNull(),
    unit: text('unit').notNull(),
    /** Integer rupiah. */
    estimatedCost: bigint('estimated_cost', { mode: 'number' }).notNull(),
    communityContribution: bigint('community_contribution', { mode: 'number' }).notNull().default(0),
    beneficiaries: integer('beneficiaries').notNull(),
    planYear: integer('plan_year').notNull(),
    stage: text('stage').notNull(),
    state: text('state').notNull(),
    mergedInto: uuid('merged_into'),
    proposerName: text('proposer_name').notNull(),
    proposerUserId: uuid('proposer_user_id'),
    /** Pokir: the member's electoral district (dapil). */
    electoralDistrict: text('electoral_district'),
    contact: text('contact'),
    kamusCode: text('kamus_code'),
    /** The RKPD/Renja program, kegiatan or sub-kegiatan that would fund it (issue 6). */
    planNodeId: uuid('plan_node_id'),
    ...timestamps,
  },
  (t) => [
    index('proposals_year_stage_idx').on(t.planYear, t.stage),
    index('proposals_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('proposals_organisation_idx').on(t.organisationId),
  ],
);

/** Every step of a proposal: who, when, which decision, why. Append-only. */
export const proposalEvents = pgTable(
  'proposal_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    /** The acting office as shown to the public ("Desa Jaten", "DPUPR"), never a person's name. */
    actorLabel: text('actor_label').notNull(),
    kind: text('kind').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    fromYear: integer('from_year'),
    toYear: integer('to_year'),
    reason: text('reason'),
    note: text('note'),
    relatedProposalId: uuid('related_proposal_id'),
    forumId: uuid('forum_id'),
  },
  (t) => [index('proposal_events_proposal_idx').on(t.proposalId, t.id)],
);

export const proposalPhotos = pgTable(
  'proposal_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_photos_proposal_idx').on(t.proposalId)],
);

/** The proposal dictionary (kamus usulan): standard activities mapped to OPD, program, unit and unit cost. */
export const kamusUsulan = pgTable('kamus_usulan', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  bidang: text('bidang').notNull(),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  program: text('program').notNull(),
  unit: text('unit').notNull(),
  unitCost: bigint('unit_cost', { mode: 'number' }).notNull(),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A Musrenbang forum: level, region, date, participants, agenda and ranking. */
export const forums = pgTable(
  'forums',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    level: text('level').notNull(),
    regionCode: text('region_code').notNull(),
    planYear: integer('plan_year').notNull(),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    /** Counts by group (perempuan, pemuda, disabilitas, total) and the list of participants. */
    participants: jsonb('participants').notNull(),
    method: text('method').notNull(),
    criteria: jsonb('criteria').notNull(),
    state: text('state').notNull(),
    /** The least attendance for a valid forum, as the office set it; null is "at least one". */
    quorum: integer('quorum'),
    /** Each reopening by the level above: when, by whom, why (the berita acara shows them). */
    reopenings: jsonb('reopenings')
      .$type<{ at: string; by: string; reason: string }[]>()
      .notNull()
      .default([]),
    createdBy: uuid('created_by'),
    /** The berita acara's number, given once when the forum first closes (the office's pattern). */
    documentNumber: text('document_number'),
    ...timestamps,
  },
  (t) => [index('forums_year_idx').on(t.planYear, t.level)],
);

export const forumItems = pgTable(
  'forum_items',
  {
    forumId: uuid('forum_id')
      .notNull()
      .references(() => forums.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    position: integer('position').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    votes: integer('votes').notNull().default(0),
    rank: integer('rank'),
    decision: text('decision'),
  },
  (t) => [primaryKey({ columns: [t.forumId, t.proposalId] })],
);

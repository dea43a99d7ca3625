import {
  bigint,
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
import { proposals } from '../musrenbang/musrenbang.schema.ts';

/**
 * Participatory budgeting elections: the ballot format (approval with a most-choices limit, or
 * cumulative with points) kept apart from the rule that counts the ballots. `result` is the last
 * count; `override`, when set, is an official's different selection with its public reason.
 */
export const pbElections = pgTable('pb_elections', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  planYear: integer('plan_year').notNull(),
  budget: bigint('budget', { mode: 'number' }).notNull(),
  ballot: jsonb('ballot').notNull(),
  rule: jsonb('rule').notNull(),
  /** Budget share per kecamatan code, to correct unequal turnout (null: one share for all voters). */
  districtShares: jsonb('district_shares'),
  /** The desa or kecamatan whose vote it is (issue 20); null for the kabupaten's. */
  regionCode: text('region_code'),
  state: text('state').notNull(),
  /** 'sinergi' for elections run here, 'pabulib' for imported files (their META kept in `meta`). */
  source: text('source').notNull().default('sinergi'),
  meta: jsonb('meta').notNull().default({}),
  result: jsonb('result'),
  override: jsonb('override'),
  jobId: uuid('job_id'),
  createdBy: uuid('created_by'),
  ...timestamps,
});

export const pbProjects = pgTable(
  'pb_projects',
  {
    electionId: uuid('election_id')
      .notNull()
      .references(() => pbElections.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    cost: bigint('cost', { mode: 'number' }).notNull(),
    regionCode: text('region_code'),
    proposalId: uuid('proposal_id').references(() => proposals.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.code] })],
);

/**
 * The register of verified voters: an officer checks a resident's KTP in person and issues a
 * voting code. Only keyed hashes are kept (of the NIK, to issue one code per person, and of the
 * code); nothing links a code to the ballot cast with it.
 */
export const pbVoters = pgTable(
  'pb_voters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    electionId: uuid('election_id')
      .notNull()
      .references(() => pbElections.id, { onDelete: 'cascade' }),
    nikHash: text('nik_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    regionCode: text('region_code').notNull(),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    votedAt: timestamp('voted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('pb_voters_nik_idx').on(t.electionId, t.nikHash),
    uniqueIndex('pb_voters_code_idx').on(t.electionId, t.codeHash),
  ],
);

/** Ballots, secret: a receipt the voter keeps, the district, the channel, never the voter. */
export const pbBallots = pgTable(
  'pb_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    electionId: uuid('election_id')
      .notNull()
      .references(() => pbElections.id, { onDelete: 'cascade' }),
    receipt: text('receipt').notNull().unique(),
    regionCode: text('region_code'),
    /** online, paper (entered by an officer) or import. */
    channel: text('channel').notNull(),
    vote: jsonb('vote').$type<string[]>().notNull(),
    points: jsonb('points').$type<number[] | null>(),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pb_ballots_election_idx').on(t.electionId)],
);

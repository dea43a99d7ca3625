import {
  bigint,
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { people } from '../registry/registry.schema.ts';
import { umkm } from '../umkm/umkm.schema.ts';

/** Programs: type, OPD, period, budget, target groups, eligibility (versioned), planned outputs and outcomes. */
export const programs = pgTable('programs', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  startDate: date('start_date').notNull(),
  endDate: date('end_date').notNull(),
  budget: bigint('budget', { mode: 'number' }).notNull(),
  targetBeneficiaries: integer('target_beneficiaries').notNull(),
  targetGroups: text('target_groups').notNull().default(''),
  eligibility: jsonb('eligibility').notNull(),
  eligibilityVersion: integer('eligibility_version').notNull().default(1),
  outputs: jsonb('outputs').notNull().default([]),
  outcomes: jsonb('outcomes').notNull().default([]),
  /** Codes of programs a person may not be enrolled in at the same time. */
  excludes: jsonb('excludes').$type<string[]>().notNull().default([]),
  /** Pays out repeatedly in cycles (e.g. monthly cash transfers). */
  cyclic: boolean('cyclic').notNull().default(false),
  sample: boolean('sample').notNull().default(false),
  ...timestamps,
});

/** Every version of a program's eligibility rule, so a past check can be read against its rule. */
export const programRuleVersions = pgTable(
  'program_rule_versions',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    rule: jsonb('rule').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.version] })],
);

export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    umkmId: uuid('umkm_id').references(() => umkm.id),
    /** 'peserta' (participant) or 'pembanding' (comparison group, measured but not served). */
    group: text('group').notNull(),
    status: text('status').notNull(),
    enrolledOn: date('enrolled_on').notNull(),
    completedOn: date('completed_on'),
    sessionsAttended: integer('sessions_attended').notNull().default(0),
    /** The eligibility check at enrolment: rule version and any failed conditions. */
    check: jsonb('check').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('enrolments_person_idx').on(t.programId, t.personId),
    index('enrolments_program_idx').on(t.programId),
  ],
);

/** Outcome measurements at baseline and follow-up. */
export const measurements = pgTable(
  'measurements',
  {
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    indicator: text('indicator').notNull(),
    phase: text('phase').notNull(),
    value: doublePrecision('value').notNull(),
    measuredOn: date('measured_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.indicator, t.phase] })],
);

/**
 * Cycles of programs that pay out repeatedly: draf → diajukan → disetujui → disalurkan → selesai,
 * each step recorded with who and when. The recipients are re-checked against the rule in force
 * when the cycle is made and when it is submitted.
 */
export const programCycles = pgTable(
  'program_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    period: text('period').notNull(),
    state: text('state').notNull(),
    amountPerRecipient: bigint('amount_per_recipient', { mode: 'number' }).notNull(),
    ruleVersion: integer('rule_version').notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    ineligible: jsonb('ineligible').notNull().default([]),
    steps: jsonb('steps').notNull().default([]),
    ...timestamps,
  },
  (t) => [uniqueIndex('program_cycles_seq_idx').on(t.programId, t.seq)],
);

/** Complaints about eligibility or payments, recorded and resolved with a status. */
export const grievances = pgTable(
  'grievances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    enrolmentId: uuid('enrolment_id').references(() => enrolments.id),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    resolution: text('resolution'),
    createdBy: uuid('created_by'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('grievances_program_idx').on(t.programId)],
);

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
import { bytea, timestamps } from '../../db/columns.ts';
import { proposals } from '../musrenbang/musrenbang.schema.ts';
import { organisations } from '../organisations/organisations.schema.ts';

/**
 * Projects (issue 8): funded work from a proposal or entered directly, with its contract, several
 * funding sources, the monthly plan curve, and a stable code that progress imports key on.
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    /** GeoJSON geometry: a Point or a LineString, [lng, lat]. */
    location: jsonb('location'),
    proposalId: uuid('proposal_id').references(() => proposals.id),
    /** The RKPD program or OPD activity the project belongs to, for roll-up. */
    groupCode: text('group_code'),
    groupName: text('group_name'),
    contractor: text('contractor').notNull().default(''),
    contractValue: bigint('contract_value', { mode: 'number' }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** [{ source: 'apbn' | 'apbd_provinsi' | 'apbd_kabupaten' | 'dana_desa' | 'swadaya' | 'csr', amount }] */
    funding: jsonb('funding').notNull(),
    /** The plan curve: [{ month: 'YYYY-MM', physical: %, financial: Rp }] cumulative. */
    plan: jsonb('plan').notNull(),
    /** Road segments the work improves (finished road projects set them to good condition). */
    roadSegments: jsonb('road_segments').$type<string[]>().notNull().default([]),
    sample: boolean('sample').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('projects_org_idx').on(t.organisationId), index('projects_region_idx').on(t.regionCode)],
);

/** Progress reports: any percentage, spending per source (cumulative), reported and verified. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    reportDate: date('report_date').notNull(),
    physical: doublePrecision('physical').notNull(),
    /** Cumulative spending by funding source. */
    spending: jsonb('spending').$type<Record<string, number>>().notNull(),
    note: text('note').notNull().default(''),
    problems: text('problems').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    /** Names of the final documents (berita acara serah terima, as-built drawings) at 100 %. */
    finalDocuments: jsonb('final_documents').$type<string[]>().notNull().default([]),
    /** Why a report goes below the one before it (a correction of an earlier figure), or null. */
    correctionReason: text('correction_reason'),
    state: text('state').notNull(),
    reportedBy: uuid('reported_by'),
    verifiedBy: uuid('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('progress_reports_date_idx').on(t.projectId, t.reportDate)],
);

export const progressPhotos = pgTable('progress_photos', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id')
    .notNull()
    .references(() => progressReports.id, { onDelete: 'cascade' }),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  /** From the file's EXIF when present. */
  takenAt: timestamp('taken_at', { withTimezone: true }),
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Readiness: permits and land per project, with the office responsible and the days blocked. */
export const projectPermits = pgTable(
  'project_permits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    office: text('office').notNull().default(''),
    requestedOn: date('requested_on'),
    dueOn: date('due_on'),
    doneOn: date('done_on'),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('project_permits_project_idx').on(t.projectId)],
);

/** The road inventory: segments and their condition by survey year. */
export const roadSegments = pgTable('road_segments', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  regionCode: text('region_code').notNull(),
  lengthKm: doublePrecision('length_km').notNull(),
  sample: boolean('sample').notNull().default(false),
});

export const roadConditions = pgTable(
  'road_conditions',
  {
    segmentCode: text('segment_code')
      .notNull()
      .references(() => roadSegments.code, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    condition: text('condition').notNull(),
    /** 'survei' or the project that changed it. */
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentCode, t.year] })],
);

/**
 * The last number given to a generated project code of each year (PRJ-YYYY-NNNN): a counter taken
 * with one atomic upsert, so two projects created at once get different codes on either engine.
 */
export const projectCodeCounters = pgTable('project_code_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

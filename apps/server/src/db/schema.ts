import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** One row per edition of the Kepmendagri region list; regions are kept per edition. */
export const regionEditions = pgTable('region_editions', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  source: text('source').notNull(),
  isActive: boolean('is_active').notNull().default(false),
  regionCount: integer('region_count').notNull().default(0),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Provinsi, kabupaten/kota, kecamatan and desa/kelurahan. The code leads every key after the
 * edition so that a split or merge in a later edition leaves the earlier edition untouched.
 */
export const regions = pgTable(
  'regions',
  {
    editionId: integer('edition_id')
      .notNull()
      .references(() => regionEditions.id),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    /** 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan. */
    level: smallint('level').notNull(),
    /** 'desa' or 'kelurahan' at level 4; 'kabupaten' or 'kota' at level 2; null otherwise. */
    kind: text('kind'),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.code] }),
    index('regions_parent_idx').on(t.editionId, t.parentCode),
    // text_pattern_ops lets "code LIKE '35.05.%'" (everything inside a region) use the index under any collation.
    index('regions_code_prefix_idx').using('btree', t.editionId, sql`${t.code} text_pattern_ops`),
    index('regions_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

/** Boundaries of the active kabupaten's kecamatan and desa (GeoJSON geometry). */
export const regionBoundaries = pgTable('region_boundaries', {
  code: text('code').primaryKey(),
  level: smallint('level').notNull(),
  geometry: jsonb('geometry').notNull(),
  labelLat: doublePrecision('label_lat'),
  labelLng: doublePrecision('label_lng'),
  source: text('source').notNull(),
});

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  kind: text('kind').notNull(),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    regionCode: text('region_code'),
    active: boolean('active').notNull().default(true),
    language: text('language').notNull().default('id'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_username_idx').on(sql`lower(${t.username})`)],
);

/** Server-side sessions. `id` is the SHA-256 of the cookie token: a stolen table opens nothing. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE (see the custom migration). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_at_idx').on(t.at)],
);

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('queued'),
    params: jsonb('params').notNull().default({}),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    message: text('message'),
    result: jsonb('result'),
    errorCode: text('error_code'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    createdBy: uuid('created_by'),
    claimedBy: text('claimed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  },
  (t) => [index('jobs_status_idx').on(t.status, t.createdAt)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

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

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

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
    createdBy: uuid('created_by'),
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

/**
 * Allocation scenarios: the candidates' criteria and weights, the rules, the solver settings, and
 * the last result (optimum, greedy baseline, conflicts). Adopting one moves its selection to the
 * budget step of the Musrenbang path.
 */
export const allocationScenarios = pgTable('allocation_scenarios', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  planYear: integer('plan_year').notNull(),
  budget: bigint('budget', { mode: 'number' }).notNull(),
  criteria: jsonb('criteria').notNull(),
  rules: jsonb('rules').notNull(),
  settings: jsonb('settings').notNull(),
  result: jsonb('result'),
  /** Explanations computed on request, by proposal id. */
  explanations: jsonb('explanations').notNull().default({}),
  state: text('state').notNull(),
  jobId: uuid('job_id'),
  createdBy: uuid('created_by'),
  ...timestamps,
});

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

/** Household survey records for poverty and inequality (per-capita expenditure, size, weight). */
export const surveyHouseholds = pgTable(
  'survey_households',
  {
    survey: text('survey').notNull(),
    id: text('id').notNull(),
    expenditurePerCapita: doublePrecision('expenditure_per_capita').notNull(),
    size: integer('size').notNull(),
    weight: doublePrecision('weight').notNull(),
    regionCode: text('region_code'),
    sample: boolean('sample').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.survey, t.id] })],
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
    ...timestamps,
  },
  (t) => [index('plan_nodes_plan_idx').on(t.planId)],
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

import { proposalStates, rejectReasons, stages, tracks } from '@sinergi/core';
import { z } from 'zod';
import { regionCode, signatory, uuid } from './common.ts';

/** Bidang of a proposal, as Musrenbang forms group them. */
export const bidangList = [
  'infrastruktur',
  'ekonomi',
  'sosial_budaya',
  'pemerintahan',
  'lingkungan',
] as const;
/** The path's vocabularies are core's (core/musrenbang/path.ts); the API accepts exactly those. */
const stagesList = stages;
const statesList = proposalStates;
const tracksList = tracks;
export const rejectReasonList = rejectReasons;

const rupiah = z.number().int().min(0).max(10_000_000_000_000);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const rtRw = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, { error: 'rt_rw' });
const planYear = z.number().int().min(2020).max(2100);

const location = {
  regionCode,
  rt: rtRw.optional(),
  rw: rtRw.optional(),
  latitude: z.number().min(-11.5).max(6.5).optional(),
  longitude: z.number().min(94).max(141.5).optional(),
};

/** A proposal entered by an office or a council member (tracks musrenbang, pokir, renja). */
export const proposalBody = z
  .strictObject({
    track: z.enum(['musrenbang', 'pokir', 'renja']),
    title: text(5, 200),
    description: text(0, 4000).default(''),
    bidang: z.enum(bidangList),
    organisationId: uuid.optional(),
    kamusCode: text(1, 40).optional(),
    ...location,
    volume: z.number().positive().max(1_000_000_000),
    unit: text(1, 40),
    estimatedCost: rupiah,
    communityContribution: rupiah.default(0),
    beneficiaries: z.number().int().min(0).max(10_000_000),
    planYear,
    proposerName: text(2, 200),
    electoralDistrict: text(1, 60).optional(),
    /** Set when the proposer confirms the plausibility warnings they were shown. */
    confirmWarnings: z.boolean().optional(),
  })
  .meta({ id: 'ProposalBody' });
export type ProposalBody = z.infer<typeof proposalBody>;

/** An aspiration from anyone, without an account: it waits for the desa to moderate it. */
export const aspirationBody = z
  .strictObject({
    title: text(5, 200),
    description: text(10, 4000),
    bidang: z.enum(bidangList),
    ...location,
    beneficiaries: z.number().int().min(0).max(10_000_000).default(0),
    /** What the citizen thinks it would cost, if they have an idea (the desa checks it). */
    estimatedCost: rupiah.optional(),
    proposerName: text(2, 120),
    /** Optional phone or e-mail, seen only by the desa that moderates. */
    contact: text(5, 120).optional(),
  })
  .meta({ id: 'AspirationBody' });

/**
 * The path the decider saw (the proposal's `version`): sent by the offline outbox, so a decision
 * made on a phone without a connection is refused as STALE when someone else moved the proposal
 * meanwhile, for the operator to look again, never recorded on a path they did not see.
 */
const basedOn = { basedOn: z.string().max(64).optional() };
export const decisionBody = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('teruskan'), note: text(0, 1000).optional(), ...basedOn }),
    z.strictObject({
      kind: z.literal('gabung'),
      /** The tracking code of the proposal this one merges into. */
      into: text(5, 40),
      note: text(0, 1000).optional(),
      ...basedOn,
    }),
    z.strictObject({
      kind: z.literal('tunda'),
      toYear: planYear,
      note: text(0, 1000).optional(),
      ...basedOn,
    }),
    z.strictObject({
      kind: z.literal('tolak'),
      reason: z.enum(rejectReasonList),
      note: text(0, 1000).optional(),
      ...basedOn,
    }),
  ])
  .meta({ id: 'ProposalDecision' });

export const proposalEvent = z.object({
  /** Order of the event in the proposal's history (append-only). */
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  actor: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  related: z.string().nullable(),
});

export const proposalSummary = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    track: z.enum(tracksList),
    title: z.string(),
    bidang: z.string(),
    organisation: z.object({ id: z.string(), shortName: z.string() }).nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    rt: z.string().nullable(),
    rw: z.string().nullable(),
    volume: z.number(),
    unit: z.string(),
    estimatedCost: z.number().int(),
    communityContribution: z.number().int(),
    beneficiaries: z.number().int(),
    planYear: z.number().int(),
    stage: z.enum(stagesList),
    state: z.enum(statesList),
    proposerName: z.string(),
    duplicateOf: z.array(z.object({ trackingCode: z.string(), title: z.string(), similarity: z.number() })),
  })
  .meta({ id: 'ProposalSummary' });

export const proposalDetail = proposalSummary
  .extend({
    /** Where it stands on its path (step, state, year): what a decision's `basedOn` names. */
    version: z.string(),
    description: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    electoralDistrict: z.string().nullable(),
    kamusCode: z.string().nullable(),
    /** The RKPD/Renja program, kegiatan or sub-kegiatan that would fund it (issue 6). */
    planNode: z
      .object({
        id: z.string(),
        code: z.string().nullable(),
        title: z.string(),
        plan: z.string(),
        planId: z.string(),
      })
      .nullable(),
    /** Shown only to the desa moderating an aspiration. */
    contact: z.string().nullable(),
    mergedInto: z.string().nullable(),
    alsoProposedBy: z.array(z.object({ trackingCode: z.string(), proposerName: z.string() })),
    photos: z.array(z.object({ id: z.string(), mediaType: z.string(), size: z.number().int() })),
    events: z.array(proposalEvent),
    canDecide: z.boolean(),
    /** What the reader may do with this proposal (core's rules; every write is checked again). */
    abilities: z.object({ decide: z.boolean(), linkPlan: z.boolean() }),
    createdAt: z.string(),
  })
  .meta({ id: 'ProposalDetail' });

export const proposalList = z.object({ items: z.array(proposalSummary), total: z.number().int() });

export const proposalListQuery = z.strictObject({
  year: z.coerce.number().int().min(2020).max(2100).optional(),
  stage: z.enum(stagesList).optional(),
  state: z.enum(statesList).optional(),
  track: z.enum(tracksList).optional(),
  region: regionCode.optional(),
  organisationId: uuid.optional(),
  q: text(1, 100).optional(),
  /** Only what the signed-in office must decide now. */
  mine: z.enum(['1']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const proposalParams = z.strictObject({ id: uuid });
export const photoParams = z.strictObject({ id: uuid, photoId: uuid });
export const trackingParams = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^USL-[0-9A-Z]{4}-[0-9A-Z]{4}$/, { error: 'tracking_code' }),
});

/** What anyone sees with a tracking code: the path and the reasons, no personal data. */
export const publicTracking = z
  .object({
    trackingCode: z.string(),
    title: z.string(),
    track: z.string(),
    regionName: z.string(),
    planYear: z.number().int(),
    stage: z.string(),
    state: z.string(),
    mergedInto: z.string().nullable(),
    events: z.array(proposalEvent.omit({ note: true }).extend({ note: z.string().nullable() })),
  })
  .meta({ id: 'PublicTracking' });

export const createdProposal = z.object({
  id: z.string(),
  trackingCode: z.string(),
  stage: z.string(),
  duplicateOf: z.array(z.object({ trackingCode: z.string(), title: z.string(), similarity: z.number() })),
});

export const duplicateQuery = z.strictObject({
  region: regionCode,
  title: text(3, 200),
  year: z.coerce.number().int().min(2020).max(2100),
});

export const rolloverBody = z.strictObject({ year: planYear });
export const rolloverResult = z.object({
  year: z.number().int(),
  toYear: z.number().int(),
  rolledOver: z.number().int(),
});

export const kamusEntry = z.object({
  code: z.string(),
  name: z.string(),
  bidang: z.string(),
  organisation: z.object({ id: z.string(), shortName: z.string() }).nullable(),
  program: z.string(),
  unit: z.string(),
  unitCost: z.number().int(),
});
export const kamusList = z.object({ items: z.array(kamusEntry) });
export const kamusImportQuery = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.xlsx$/i, { error: 'xlsx_only' }),
});
export const kamusImportResult = z.object({ rows: z.number().int(), changed: z.number().int() });

/** Musrenbang forums: desa, kecamatan and kabupaten level. */
export const forumLevels = ['desa', 'kecamatan', 'kabupaten'] as const;
const criterion = z.strictObject({
  code: z.string().regex(/^[a-z_]{2,30}$/, { error: 'criterion_code' }),
  label: text(2, 80),
  weight: z.number().int().min(1).max(10),
});
const headcount = z.number().int().min(0).max(100_000);
export const forumBody = z
  .strictObject({
    level: z.enum(forumLevels),
    regionCode,
    planYear,
    heldOn: z.iso.date({ error: 'date_format' }),
    title: text(5, 200),
    method: z.enum(['skor', 'suara']),
    criteria: z.array(criterion).max(10).default([]),
    /** The least attendance for a valid forum, as the office sets it; none is "at least one". */
    quorum: headcount.min(1).nullable().default(null),
    /** Set when the organiser confirms the plausibility warnings they were shown. */
    confirmWarnings: z.boolean().optional(),
  })
  .meta({ id: 'ForumBody' });

export const participantsBody = z
  .strictObject({
    total: headcount,
    perempuan: headcount,
    pemuda: headcount,
    disabilitas: headcount,
    /** The quorum may be set or changed with the attendance while the forum is in session. */
    quorum: headcount.min(1).nullable().optional(),
    /** Names and the group each represents (unsur: BPD, RT/RW, PKK, karang taruna, ...). */
    daftar: z
      // A line without its group is kept: the group is left empty, not refused.
      .array(z.strictObject({ nama: text(2, 120), unsur: text(0, 80).default('') }))
      .max(1000)
      .default([]),
    /** Who signs the berita acara: position, name and, for a civil servant, the 18-digit NIP. */
    penandatangan: z.array(signatory).max(6).default([]),
  })
  .meta({ id: 'ForumParticipants' });

export const agendaBody = z.strictObject({ proposalIds: z.array(uuid).max(1000) });
export const forumScoresBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        proposalId: uuid,
        scores: z.record(z.string(), z.number().int().min(0).max(100)).default({}),
        votes: z.number().int().min(0).max(1_000_000).default(0),
      }),
    )
    .max(1000),
});
export const forumCloseBody = z.strictObject({
  decisions: z.array(z.strictObject({ proposalId: uuid, decision: decisionBody })).max(1000),
});
export const forumParams = z.strictObject({ id: uuid });
/** Reopening a closed forum (the level above): the reason appears in the berita acara. */
export const forumReopenBody = z.strictObject({ reason: text(0, 1000) });

const forumItem = z.object({
  position: z.number().int(),
  proposal: proposalSummary.omit({ duplicateOf: true }),
  scores: z.record(z.string(), z.number()),
  votes: z.number().int(),
  total: z.number(),
  rank: z.number().int().nullable(),
  decision: z.string().nullable(),
  /** How many citizens' accounts support it: an input the forum may weigh (issue 20). */
  supports: z.number().int(),
  /** What the decision said beyond its kind: the reason of a rejection, the year of a deferral, the proposal merged into, the note. */
  decisionDetail: z
    .object({
      reason: z.string().nullable(),
      toYear: z.number().int().nullable(),
      into: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
});
export const forumSummary = z.object({
  id: z.string(),
  level: z.enum(forumLevels),
  regionCode: z.string(),
  regionName: z.string(),
  planYear: z.number().int(),
  heldOn: z.string(),
  title: z.string(),
  method: z.enum(['skor', 'suara']),
  state: z.enum(['draf', 'selesai']),
  agenda: z.number().int(),
});
export const forumList = z.object({ items: z.array(forumSummary) });
export const forumDetail = forumSummary
  .extend({
    criteria: z.array(z.object({ code: z.string(), label: z.string(), weight: z.number().int() })),
    participants: z.object({
      total: z.number().int(),
      perempuan: z.number().int(),
      pemuda: z.number().int(),
      disabilitas: z.number().int(),
      daftar: z.array(z.object({ nama: z.string(), unsur: z.string() })),
      penandatangan: z.array(z.object({ jabatan: z.string(), nama: z.string(), nip: z.string() })),
    }),
    quorum: z.number().int().nullable(),
    /** The berita acara's number, given when the forum first closed. */
    documentNumber: z.string().nullable(),
    /** Each reopening: when, by whom, why. */
    reopenings: z.array(z.object({ at: z.string(), by: z.string(), reason: z.string() })),
    items: z.array(forumItem),
    /** Proposals at this forum's step in its area that are not on the agenda yet. */
    candidates: z.array(proposalSummary.omit({ duplicateOf: true })),
    canManage: z.boolean(),
    /** The level above may reopen the closed forum. */
    canReopen: z.boolean(),
    /** What closing still needs besides the decisions (attendance, quorum, saved scores); empty when it may close. */
    closeNeeds: z.array(
      z.object({
        field: z.string(),
        issue: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    ),
  })
  .meta({ id: 'ForumDetail' });
export const forumListQuery = z.strictObject({
  year: z.coerce.number().int().min(2020).max(2100).optional(),
});

/** Where the proposals of a plan year stand, step by step. */
export const stageCountsQuery = z.strictObject({ year: z.coerce.number().int().min(2020).max(2100) });
export const stageCounts = z
  .object({
    year: z.number().int(),
    stages: z.array(
      z.object({ stage: z.enum(stagesList), active: z.number().int(), ended: z.number().int() }),
    ),
  })
  .meta({ id: 'StageCounts' });
export type StageCounts = z.infer<typeof stageCounts>;

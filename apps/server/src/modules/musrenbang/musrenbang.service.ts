import { randomInt } from 'node:crypto';
import type { aspirationBody, decisionBody, ProposalBody, proposalListQuery } from '@sinergi/contracts';
import {
  type Actor,
  AppError,
  applyDecision,
  canActForOrganisation,
  canActInRegion,
  canDecide,
  type Decision,
  entryStage,
  isWithin,
  kecamatanOf,
  type ProposalOnPath,
  parseRegionCode,
  possibleDuplicates,
  rollsOver,
  type Stage,
  type Track,
} from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext, Principal } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { checkedImageType } from '../../http/images.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { workItemOf } from '../plans/plans.service.ts';
import { findRegion, namesOf } from '../regions/regions.service.ts';
import { latestRanks } from './forums.repository.ts';
import * as repo from './musrenbang.repository.ts';

// Tracking codes avoid letters and digits that read alike (0/O, 1/I/L).
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function newTrackingCode(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `USL-${part()}-${part()}`;
}

const onPath = (p: repo.ProposalRow): ProposalOnPath => ({
  id: p.id,
  track: p.track as Track,
  stage: p.stage as Stage,
  state: p.state as ProposalOnPath['state'],
  planYear: p.planYear,
  regionCode: p.regionCode,
  organisationId: p.organisationId,
});

/** The acting office as the public sees it on a proposal's history; never a person's name. */
export async function actorLabel(ctx: AppContext, actor: Actor): Promise<string> {
  switch (actor.role) {
    case 'desa':
    case 'kecamatan': {
      const names = actor.regionCode ? await namesOf(ctx, [actor.regionCode]) : new Map();
      const name = actor.regionCode ? names.get(actor.regionCode) : undefined;
      return `${actor.role === 'desa' ? 'Desa' : 'Kecamatan'} ${name ?? actor.regionCode ?? ''}`.trim();
    }
    case 'opd':
      return (
        (actor.organisationId && (await repo.findOrganisationName(ctx.database.db, actor.organisationId))) ||
        'OPD'
      );
    case 'perencana':
      return 'Bappeda';
    case 'dprd':
      return 'DPRD';
    case 'admin':
      return 'Admin Sinergi';
    case 'public':
      return 'Warga';
  }
}

/** The location must be a desa or kelurahan of the kabupaten, in the active region list. */
export async function assertLocation(ctx: AppContext, code: string, field = 'body.regionCode') {
  const region = parseRegionCode(code);
  const level4 = region.split('.').length === 4;
  if (
    !level4 ||
    !isWithin(region, parseRegionCode(ctx.config.activeKabupaten)) ||
    !(await findRegion(ctx, region))
  )
    throw new AppError('VALIDATION', {
      issues: [{ field, issue: 'not_a_desa_here' }],
    });
  return region;
}

/** Which track each office enters, and where (DESIGN.md roles). */
function assertMayPropose(actor: Actor, body: ProposalBody) {
  const refuse = (field: string, issue: string) => {
    throw new AppError('VALIDATION', { issues: [{ field: `body.${field}`, issue }] });
  };
  const allowed: Record<string, readonly string[]> = {
    desa: ['musrenbang'],
    kecamatan: ['musrenbang'],
    opd: ['renja'],
    dprd: ['pokir'],
    perencana: ['musrenbang', 'pokir', 'renja'],
    admin: ['musrenbang', 'pokir', 'renja'],
  };
  if (!allowed[actor.role]?.includes(body.track)) refuse('track', 'track_not_yours');
  if (
    (actor.role === 'desa' || actor.role === 'kecamatan') &&
    !canActInRegion(actor, parseRegionCode(body.regionCode))
  )
    throw new AppError('OUT_OF_SCOPE');
  if (body.track === 'pokir' && !body.electoralDistrict) refuse('electoralDistrict', 'required');
  if ((body.track === 'pokir' || body.track === 'renja') && !body.organisationId)
    refuse('organisationId', 'required');
  if (actor.role === 'opd' && body.organisationId && !canActForOrganisation(actor, body.organisationId))
    throw new AppError('OUT_OF_SCOPE');
}

async function duplicatesOf(
  ctx: AppContext,
  regionCode: string,
  year: number,
  title: string,
  exceptId?: string,
) {
  const candidates = (await repo.findActiveInRegions(ctx.database.db, [regionCode], year)).filter(
    (c) => c.id !== exceptId,
  );
  return possibleDuplicates(title, candidates).map((d) => ({
    trackingCode: d.trackingCode,
    title: d.title,
    similarity: Math.round(d.similarity * 100) / 100,
  }));
}

export async function checkDuplicates(ctx: AppContext, q: { region: string; title: string; year: number }) {
  return { items: await duplicatesOf(ctx, q.region, q.year, q.title) };
}

async function create(
  ctx: AppContext,
  principal: Principal,
  values: Omit<repo.NewProposal, 'trackingCode' | 'stage' | 'state'>,
) {
  const duplicateOf = await duplicatesOf(ctx, values.regionCode, values.planYear, values.title);
  const label = await actorLabel(ctx, principal.actor);
  const stage = entryStage(values.track as Track);
  return ctx.database.db.transaction(async (tx) => {
    const row = await repo.insertProposal(tx, {
      ...values,
      trackingCode: newTrackingCode(),
      stage,
      state: 'aktif',
    });
    await repo.insertEvent(tx, {
      proposalId: row.id,
      actorUserId: principal.actor.userId ?? null,
      actorLabel: label,
      kind: 'dibuat',
      toStage: stage,
      toYear: row.planYear,
      note: duplicateOf.length
        ? `possible duplicate of ${duplicateOf.map((d) => d.trackingCode).join(', ')}`
        : null,
    });
    await appendAudit(tx, principal, {
      action: 'proposal.created',
      entity: 'proposal',
      entityId: row.id,
      // No contact and no proposer name: the audit log holds what was decided, not who wrote in.
      after: {
        trackingCode: row.trackingCode,
        track: row.track,
        regionCode: row.regionCode,
        stage,
        planYear: row.planYear,
      },
    });
    return { id: row.id, trackingCode: row.trackingCode, stage, duplicateOf };
  });
}

export async function createProposal(ctx: AppContext, principal: Principal, body: ProposalBody) {
  assertMayPropose(principal.actor, body);
  const regionCode = await assertLocation(ctx, body.regionCode);
  if (body.planYear < ctx.clock().getFullYear())
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body.planYear', issue: 'past_year', params: { year: ctx.clock().getFullYear() } }],
    });
  let organisationId =
    principal.actor.role === 'opd' ? (principal.actor.organisationId ?? null) : (body.organisationId ?? null);
  if (body.kamusCode) {
    const kamus = await repo.findKamus(ctx.database.db, body.kamusCode);
    if (!kamus)
      throw new AppError('VALIDATION', { issues: [{ field: 'body.kamusCode', issue: 'not_found' }] });
    organisationId ??= kamus.organisationId;
  }
  if (organisationId && !(await repo.findOrganisationName(ctx.database.db, organisationId)))
    throw new AppError('VALIDATION', { issues: [{ field: 'body.organisationId', issue: 'not_found' }] });
  return create(ctx, principal, {
    track: body.track,
    title: body.title,
    description: body.description,
    bidang: body.bidang,
    organisationId,
    regionCode,
    rt: body.rt ?? null,
    rw: body.rw ?? null,
    latitude: body.latitude ?? null,
    longitude: body.longitude ?? null,
    volume: body.volume,
    unit: body.unit,
    estimatedCost: body.estimatedCost,
    communityContribution: body.communityContribution,
    beneficiaries: body.beneficiaries,
    planYear: body.planYear,
    proposerName: body.proposerName,
    proposerUserId: principal.actor.userId ?? null,
    electoralDistrict: body.electoralDistrict ?? null,
    kamusCode: body.kamusCode ?? null,
  });
}

/** A citizen's aspiration: for next year's plan, waiting for the desa to moderate it. */
export async function submitAspiration(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof aspirationBody>,
) {
  const regionCode = await assertLocation(ctx, body.regionCode);
  const created = await create(ctx, principal, {
    track: 'aspirasi',
    title: body.title,
    description: body.description,
    bidang: body.bidang,
    organisationId: null,
    regionCode,
    rt: body.rt ?? null,
    rw: body.rw ?? null,
    latitude: body.latitude ?? null,
    longitude: body.longitude ?? null,
    volume: 1,
    unit: 'kegiatan',
    estimatedCost: 0,
    communityContribution: 0,
    beneficiaries: body.beneficiaries,
    planYear: ctx.clock().getFullYear() + 1,
    proposerName: body.proposerName,
    proposerUserId: null,
    contact: body.contact ?? null,
  });
  return { trackingCode: created.trackingCode, stage: created.stage };
}

function mineFilter(actor: Actor): Partial<repo.ProposalFilter> {
  switch (actor.role) {
    case 'desa':
      return { within: actor.regionCode ?? '-', stages: ['moderasi', 'desa'] };
    case 'kecamatan':
      return { within: actor.regionCode ?? '-', stages: ['kecamatan'] };
    case 'opd':
      return {
        organisationId: actor.organisationId ?? '00000000-0000-0000-0000-000000000000',
        stages: ['opd', 'pelaksanaan'],
      };
    case 'perencana':
    case 'admin':
      return { stages: ['kabupaten', 'rkpd', 'apbd'] };
    default:
      return { stages: [] };
  }
}

export async function listProposals(
  ctx: AppContext,
  principal: Principal,
  q: z.infer<typeof proposalListQuery>,
) {
  const filter: repo.ProposalFilter = {
    year: q.year,
    stage: q.stage,
    state: q.mine ? 'aktif' : q.state,
    track: q.track,
    within: q.region,
    organisationId: q.organisationId,
    q: q.q,
    limit: q.limit,
    offset: q.offset,
    ...(q.mine ? mineFilter(principal.actor) : {}),
  };
  if (filter.stages?.length === 0) return { items: [], total: 0 };
  const { rows, total } = await repo.listProposals(ctx.database.db, filter);
  const names = await namesOf(
    ctx,
    rows.map((r) => r.p.regionCode),
  );
  // Possible duplicates among the active proposals of the same desa and year.
  const byYear = new Map<number, Set<string>>();
  for (const { p } of rows) byYear.set(p.planYear, (byYear.get(p.planYear) ?? new Set()).add(p.regionCode));
  const candidates = (
    await Promise.all(
      [...byYear].map(([year, regions]) =>
        repo
          .findActiveInRegions(ctx.database.db, [...regions], year)
          .then((c) => c.map((x) => ({ ...x, year }))),
      ),
    )
  ).flat();
  return {
    total,
    items: rows.map(({ p, org }) => ({
      ...summaryOf(p, org, names.get(p.regionCode) ?? p.regionCode),
      duplicateOf:
        p.state === 'aktif'
          ? possibleDuplicates(
              p.title,
              candidates.filter(
                (c) => c.regionCode === p.regionCode && c.year === p.planYear && c.id !== p.id,
              ),
            ).map((d) => ({
              trackingCode: d.trackingCode,
              title: d.title,
              similarity: Math.round(d.similarity * 100) / 100,
            }))
          : [],
    })),
  };
}

export function summaryOf(
  p: repo.ProposalRow,
  org: { id: string; shortName: string } | null,
  regionName: string,
) {
  return {
    id: p.id,
    trackingCode: p.trackingCode,
    track: p.track as Track,
    title: p.title,
    bidang: p.bidang,
    organisation: org?.id ? org : null,
    regionCode: p.regionCode,
    regionName,
    rt: p.rt,
    rw: p.rw,
    volume: p.volume,
    unit: p.unit,
    estimatedCost: p.estimatedCost,
    communityContribution: p.communityContribution,
    beneficiaries: p.beneficiaries,
    planYear: p.planYear,
    stage: p.stage as Stage,
    state: p.state as ProposalOnPath['state'],
    proposerName: p.proposerName,
  };
}

async function eventsOf(ctx: AppContext, id: string) {
  const events = await repo.findEvents(ctx.database.db, id);
  const codes = await repo.trackingCodesOf(
    ctx.database.db,
    events.flatMap((e) => (e.relatedProposalId ? [e.relatedProposalId] : [])),
  );
  return events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    kind: e.kind,
    actor: e.actorLabel,
    fromStage: e.fromStage,
    toStage: e.toStage,
    fromYear: e.fromYear,
    toYear: e.toYear,
    reason: e.reason,
    note: e.note,
    related: e.relatedProposalId ? (codes.get(e.relatedProposalId) ?? null) : null,
  }));
}

async function mustFind(ctx: AppContext, id: string) {
  const p = await repo.findProposal(ctx.database.db, id);
  if (!p) throw new AppError('NOT_FOUND', { details: { what: id } });
  return p;
}

export async function getProposal(ctx: AppContext, principal: Principal, id: string) {
  const p = await mustFind(ctx, id);
  const names = await namesOf(ctx, [p.regionCode]);
  const orgName = p.organisationId
    ? await repo.findOrganisationName(ctx.database.db, p.organisationId)
    : null;
  const merged = p.mergedInto ? await repo.trackingCodesOf(ctx.database.db, [p.mergedInto]) : new Map();
  // The contact of an aspirant is for the desa that moderates it, and nobody else.
  const seesContact =
    principal.actor.role === 'desa' && canActInRegion(principal.actor, parseRegionCode(p.regionCode));
  return {
    ...summaryOf(
      p,
      p.organisationId && orgName ? { id: p.organisationId, shortName: orgName } : null,
      names.get(p.regionCode) ?? p.regionCode,
    ),
    duplicateOf: p.state === 'aktif' ? await duplicatesOf(ctx, p.regionCode, p.planYear, p.title, p.id) : [],
    description: p.description,
    latitude: p.latitude,
    longitude: p.longitude,
    electoralDistrict: p.electoralDistrict,
    kamusCode: p.kamusCode,
    planNode: await workItemOf(ctx, p.planNodeId),
    contact: seesContact ? p.contact : null,
    mergedInto: p.mergedInto ? (merged.get(p.mergedInto) ?? null) : null,
    alsoProposedBy: await repo.findMergedInto(ctx.database.db, p.id),
    photos: await repo.findPhotos(ctx.database.db, p.id),
    events: await eventsOf(ctx, p.id),
    canDecide: p.state === 'aktif' && canDecide(principal.actor, onPath(p)),
    createdAt: p.createdAt.toISOString(),
  };
}

/** What anyone may see with a tracking code: the path, the decisions and their reasons. */
export async function trackProposal(ctx: AppContext, code: string) {
  const p = await repo.findByTrackingCode(ctx.database.db, code);
  if (!p) throw new AppError('NOT_FOUND', { details: { what: code } });
  const names = await namesOf(ctx, [p.regionCode]);
  const merged = p.mergedInto ? await repo.trackingCodesOf(ctx.database.db, [p.mergedInto]) : new Map();
  return {
    trackingCode: p.trackingCode,
    title: p.title,
    track: p.track,
    regionName: names.get(p.regionCode) ?? p.regionCode,
    planYear: p.planYear,
    stage: p.stage,
    state: p.state,
    mergedInto: p.mergedInto ? (merged.get(p.mergedInto) ?? null) : null,
    events: await eventsOf(ctx, p.id),
  };
}

export async function decide(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: z.infer<typeof decisionBody>,
) {
  const p = await mustFind(ctx, id);
  const prepared = await prepareDecision(ctx, principal, p, body);
  await ctx.database.db.transaction((tx) => recordDecision(tx, ctx, principal, prepared));
  return getProposal(ctx, principal, p.id);
}

export interface PreparedDecision {
  p: repo.ProposalRow;
  body: z.infer<typeof decisionBody>;
  target: repo.ProposalRow | null;
  transition: ReturnType<typeof applyDecision>;
  label: string;
  forumId?: string;
}

/** Checks who decides and what the decision does, before anything is written. */
export async function prepareDecision(
  ctx: AppContext,
  principal: Principal,
  p: repo.ProposalRow,
  body: z.infer<typeof decisionBody>,
  field = 'body',
): Promise<PreparedDecision> {
  if (!canDecide(principal.actor, onPath(p)))
    throw new AppError('FORBIDDEN', { details: { permission: 'proposals.decide' } });
  if (body.kind === 'tolak' && body.reason === 'lainnya' && !body.note)
    throw new AppError('VALIDATION', { issues: [{ field: `${field}.note`, issue: 'required' }] });
  let target: repo.ProposalRow | null = null;
  let decision: Decision;
  if (body.kind === 'gabung') {
    target = await repo.findByTrackingCode(ctx.database.db, body.into.toUpperCase());
    if (!target)
      throw new AppError('VALIDATION', { issues: [{ field: `${field}.into`, issue: 'not_found' }] });
    if (target.state !== 'aktif')
      throw new AppError('VALIDATION', {
        issues: [{ field: `${field}.into`, issue: 'merge_target_closed' }],
      });
    decision = { kind: 'gabung', into: target.id };
  } else decision = body;
  let transition: ReturnType<typeof applyDecision>;
  try {
    transition = applyDecision(onPath(p), decision);
  } catch (error) {
    // Name the item of a batch (a forum's decisions) in the field of each issue.
    if (error instanceof AppError && error.code === 'VALIDATION' && field !== 'body')
      throw new AppError('VALIDATION', {
        issues: error.issues.map((i) => ({ ...i, field: i.field.replace(/^body/, field) })),
      });
    throw error;
  }
  return { p, body, target, transition, label: await actorLabel(ctx, principal.actor) };
}

/** Writes a prepared decision: the proposal, its history (and the merge target's), the audit row. */
export async function recordDecision(tx: Db, ctx: AppContext, principal: Principal, d: PreparedDecision) {
  const { p, body, target, transition: t, label } = d;
  await repo.updateProposal(
    tx,
    p.id,
    { stage: t.toStage, state: t.state, planYear: t.planYear, ...(target ? { mergedInto: target.id } : {}) },
    ctx.clock(),
  );
  await repo.insertEvent(tx, {
    proposalId: p.id,
    actorUserId: principal.actor.userId ?? null,
    actorLabel: label,
    kind: body.kind,
    fromStage: p.stage,
    toStage: t.toStage,
    fromYear: p.planYear,
    toYear: t.planYear,
    reason: body.kind === 'tolak' ? body.reason : null,
    note: body.note ?? null,
    relatedProposalId: target?.id ?? null,
    forumId: d.forumId ?? null,
  });
  if (target)
    await repo.insertEvent(tx, {
      proposalId: target.id,
      actorUserId: principal.actor.userId ?? null,
      actorLabel: label,
      kind: 'menerima_gabungan',
      fromStage: target.stage,
      toStage: target.stage,
      fromYear: target.planYear,
      toYear: target.planYear,
      relatedProposalId: p.id,
      note: body.note ?? null,
      forumId: d.forumId ?? null,
    });
  await appendAudit(tx, principal, {
    action: `proposal.${body.kind}`,
    entity: 'proposal',
    entityId: p.id,
    before: { stage: p.stage, state: p.state, planYear: p.planYear },
    after: {
      stage: t.toStage,
      state: t.state,
      planYear: t.planYear,
      reason: body.kind === 'tolak' ? body.reason : undefined,
      into: target?.trackingCode,
      forumId: d.forumId,
    },
  });
}

/** The year-end roll-over: every unfunded active proposal of `year` joins next year's pool. */
export async function rollover(ctx: AppContext, principal: Principal, year: number) {
  const rows = (await repo.findRollover(ctx.database.db, year)).filter((p) => rollsOver(onPath(p), year));
  return moveToYear(ctx, principal, rows, year, year + 1);
}

/**
 * The automatic roll-over, run at start and daily: in calendar year C the budget of every plan
 * year up to C is settled, so an active proposal of such a year that is still not funded moves to
 * plan year C + 1. Running it again finds nothing to move.
 */
export async function rolloverDue(ctx: AppContext, principal: Principal) {
  const current = ctx.clock().getFullYear();
  const rows = (await repo.findRollover(ctx.database.db, current, true)).filter((p) =>
    rollsOver(onPath(p), p.planYear),
  );
  if (rows.length === 0) return { year: current, toYear: current + 1, rolledOver: 0 };
  return moveToYear(ctx, principal, rows, current, current + 1);
}

async function moveToYear(
  ctx: AppContext,
  principal: Principal,
  rows: readonly repo.ProposalRow[],
  year: number,
  toYear: number,
) {
  const now = ctx.clock();
  return ctx.database.db.transaction(async (tx) => {
    for (const p of rows) {
      await repo.updateProposal(tx, p.id, { planYear: toYear }, now);
      await repo.insertEvent(tx, {
        proposalId: p.id,
        actorUserId: principal.actor.userId ?? null,
        actorLabel: 'Sinergi',
        kind: 'digulirkan',
        fromStage: p.stage,
        toStage: p.stage,
        fromYear: p.planYear,
        toYear,
      });
    }
    await appendAudit(tx, principal, {
      action: 'proposal.rollover',
      entity: 'proposal',
      entityId: String(year),
      after: { year, toYear, rolledOver: rows.length },
    });
    return { year, toYear, rolledOver: rows.length };
  });
}

export { PHOTO_LIMIT } from '../../http/images.ts';
export const PHOTOS_PER_PROPOSAL = 6;

/** A photo of the location: JPEG, PNG or WebP (checked by content, not by name), at most 5 MiB. */
export async function addPhoto(
  ctx: AppContext,
  principal: Principal,
  id: string,
  data: Buffer,
  declared: string,
) {
  const p = await mustFind(ctx, id);
  const actor = principal.actor;
  const mayEdit =
    actor.role === 'admin' ||
    actor.role === 'perencana' ||
    (actor.userId !== undefined && p.proposerUserId === actor.userId) ||
    ((actor.role === 'desa' || actor.role === 'kecamatan') &&
      canActInRegion(actor, parseRegionCode(p.regionCode)));
  if (!mayEdit) throw new AppError('OUT_OF_SCOPE');
  const type = checkedImageType(data, declared);
  const photos = await repo.findPhotos(ctx.database.db, id);
  if (photos.length >= PHOTOS_PER_PROPOSAL)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body', issue: 'too_many_photos', params: { max: PHOTOS_PER_PROPOSAL } }],
    });
  return ctx.database.db.transaction(async (tx) => {
    const photoId = await repo.insertPhoto(tx, { proposalId: id, mediaType: type, size: data.length, data });
    await appendAudit(tx, principal, {
      action: 'proposal.photo_added',
      entity: 'proposal',
      entityId: id,
      after: { photoId, mediaType: type, size: data.length },
    });
    return { id: photoId, mediaType: type, size: data.length };
  });
}

export async function getPhoto(ctx: AppContext, id: string, photoId: string) {
  const photo = await repo.findPhoto(ctx.database.db, id, photoId);
  if (!photo) throw new AppError('NOT_FOUND', { details: { what: photoId } });
  return photo;
}

/**
 * The proposals a budget scenario chooses among: active proposals of the plan year that passed
 * the kabupaten forum's step or wait at it (stages kabupaten and rkpd), with their OPD code and
 * the rank of the latest forum that ranked them.
 */
export async function findFundingCandidates(ctx: AppContext, planYear: number) {
  const rows = (await repo.findYear(ctx.database.db, planYear)).filter(
    (r) => r.p.state === 'aktif' && (r.p.stage === 'kabupaten' || r.p.stage === 'rkpd'),
  );
  const ranks = await latestRanks(
    ctx.database.db,
    rows.map((r) => r.p.id),
  );
  const names = await namesOf(
    ctx,
    rows.flatMap((r) => [r.p.regionCode, kecamatanOf(r.p.regionCode)]),
  );
  return rows.map(({ p, orgCode }) => ({
    id: p.id,
    trackingCode: p.trackingCode,
    title: p.title,
    regionCode: p.regionCode,
    regionName: names.get(p.regionCode) ?? p.regionCode,
    kecamatan: kecamatanOf(p.regionCode),
    kecamatanName: names.get(kecamatanOf(p.regionCode)) ?? '',
    opd: orgCode,
    bidang: p.bidang,
    cost: p.estimatedCost,
    beneficiaries: p.beneficiaries,
    stage: p.stage,
    forumRank: ranks.get(p.id) ?? null,
  }));
}

/** Moves proposals to the budget step (APBD), each with the given note, in one transaction. */
export async function fundProposals(
  ctx: AppContext,
  principal: Principal,
  ids: readonly string[],
  note: string,
) {
  const prepared: PreparedDecision[][] = [];
  for (const id of ids) {
    let p = await mustFind(ctx, id);
    const steps: PreparedDecision[] = [];
    while (p.state === 'aktif' && (p.stage === 'kabupaten' || p.stage === 'rkpd')) {
      const d = await prepareDecision(ctx, principal, p, { kind: 'teruskan', note });
      steps.push(d);
      p = { ...p, stage: d.transition.toStage };
    }
    prepared.push(steps);
  }
  await ctx.database.db.transaction(async (tx) => {
    for (const steps of prepared) for (const d of steps) await recordDecision(tx, ctx, principal, d);
  });
  return prepared.filter((s) => s.length > 0).length;
}

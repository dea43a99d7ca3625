import { randomInt } from 'node:crypto';
import type { ProposalBody } from '@sinergi/contracts';
import {
  type Actor,
  AppError,
  canActForOrganisation,
  canActInRegion,
  canDecide,
  canLinkProposalToPlan,
  entryStage,
  type FieldIssue,
  isWithin,
  type ProposalOnPath,
  parseRegionCode,
  possibleDuplicates,
  proposalFindings,
  type Stage,
  settleFindings,
  type Track,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { workItemOf } from '../plans/plans.service.ts';
import { findRegion, namesOf, placeOfPoint } from '../regions/regions.service.ts';
import * as repo from './musrenbang.repository.ts';

// Tracking codes avoid letters and digits that read alike (0/O, 1/I/L).
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newTrackingCode(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `USL-${part()}-${part()}`;
}

/** Where a proposal stands on its path, as one word: what every decision changes. */
export const pathVersion = (p: Pick<repo.ProposalRow, 'stage' | 'state' | 'planYear'>) =>
  `${p.stage}.${p.state}.${p.planYear}`;

export const onPath = (p: repo.ProposalRow): ProposalOnPath => ({
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
    case 'warga':
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

export async function create(
  ctx: AppContext,
  principal: Principal,
  values: Omit<repo.NewProposal, 'trackingCode' | 'stage' | 'state'>,
  warnings: readonly FieldIssue[] = [],
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
        // What the proposer confirmed when asked "is this right?" (a cost far above the kamus).
        ...(warnings.length ? { confirmedWarnings: warnings } : {}),
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
  const kamus = body.kamusCode ? await repo.findKamus(ctx.database.db, body.kamusCode) : null;
  if (body.kamusCode && !kamus)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.kamusCode', issue: 'not_found' }] });
  if (kamus) organisationId ??= kamus.organisationId;
  const place =
    body.latitude !== undefined && body.longitude !== undefined
      ? await placeOfPoint(ctx, regionCode, { latitude: body.latitude, longitude: body.longitude })
      : null;
  const warnings = settleFindings(
    proposalFindings(
      {
        ...body,
        unitCost: kamus?.unitCost ?? null,
        pointInDesa: place?.inDesa,
        pointInKabupaten: place?.inKabupaten,
      },
      ctx.clock().getFullYear(),
    ),
    body.confirmWarnings,
  );
  if (organisationId && !(await repo.findOrganisationName(ctx.database.db, organisationId)))
    throw new AppError('VALIDATION', { issues: [{ field: 'body.organisationId', issue: 'not_found' }] });
  return create(
    ctx,
    principal,
    {
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
    },
    warnings,
  );
}

/**
 * Who proposed it, as lists and exports show it: a citizen's aspiration names a private person, so
 * only the desa that moderates it reads the name; everyone else reads "Warga (aspirasi)".
 */
export const proposerShown = (p: Pick<repo.ProposalRow, 'track' | 'proposerName'>, personal = false) =>
  p.track === 'aspirasi' && !personal ? 'Warga (aspirasi)' : p.proposerName;

export function summaryOf(
  p: repo.ProposalRow,
  org: { id: string; shortName: string } | null,
  regionName: string,
  personal = false,
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
    proposerName: proposerShown(p, personal),
  };
}

export async function eventsOf(ctx: AppContext, id: string) {
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

export async function mustFind(ctx: AppContext, id: string) {
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
      seesContact,
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
    version: pathVersion(p),
    canDecide: p.state === 'aktif' && canDecide(principal.actor, onPath(p)),
    abilities: {
      decide: p.state === 'aktif' && canDecide(principal.actor, onPath(p)),
      linkPlan: canLinkProposalToPlan(principal.actor, p),
    },
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

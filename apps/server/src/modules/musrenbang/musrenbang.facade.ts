import { AppError, canLinkProposalToPlan, possibleDuplicates } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './musrenbang.repository.ts';
import { eventsOf } from './musrenbang.service.ts';

export { actorLabel } from './musrenbang.service.ts';

import { proposalsByIds } from './forums.repository.ts';
import { pathVersion } from './musrenbang.service.ts';

/**
 * What other modules may ask of Musrenbang's data, without its tables: a proposal by id (projects
 * from a funded proposal), and for plans which proposals are linked to which plan items.
 */
export function proposalById(ctx: AppContext, id: string) {
  return repo.findProposal(ctx.database.db, id);
}

export function proposalsLinkedTo(ctx: AppContext, nodeIds: readonly string[]) {
  return repo.findLinkedToPlanNodes(ctx.database.db, nodeIds);
}

/**
 * Links a proposal to the plan item that would fund it (or unlinks it). Bappeda and the admin any
 * proposal; an OPD the proposals addressed to it. `checkNode` validates the item before the write.
 */
export async function setProposalPlanNode(
  ctx: AppContext,
  principal: Principal,
  proposalId: string,
  nodeId: string | null,
  checkNode: (nodeId: string) => Promise<void>,
) {
  const proposal = await repo.findProposal(ctx.database.db, proposalId);
  if (!proposal) throw new AppError('NOT_FOUND', { details: { what: proposalId } });
  if (!canLinkProposalToPlan(principal.actor, proposal)) throw new AppError('OUT_OF_SCOPE');
  if (nodeId) await checkNode(nodeId);
  await ctx.database.db.transaction(async (tx) => {
    await repo.setPlanNode(tx, [proposalId], nodeId);
    await appendAudit(tx, principal, {
      action: 'proposal.plan_linked',
      entity: 'proposal',
      entityId: proposalId,
      before: { planNodeId: proposal.planNodeId },
      after: { planNodeId: nodeId },
    });
  });
  return { ok: true as const };
}

/** The first proposals addressed to an organisation (the sample links them to its Renja program). */
export async function firstProposalsOf(ctx: AppContext, organisationId: string, limit: number) {
  return repo.firstOfOrganisation(ctx.database.db, organisationId, limit);
}

export function linkProposalsInTx(tx: Db, ids: readonly string[], nodeId: string) {
  return repo.setPlanNode(tx, ids, nodeId);
}

/** Decisions a proposal's history records (the public list shows the latest, with its reason). */
const DECISIONS = new Set(['teruskan', 'tolak', 'tunda', 'gabung', 'selesai']);

/**
 * What the public portal reads (issue 20): proposals past their desa's moderation, a page at a
 * time, with the latest decision on each. The caller presents only the public fields.
 */
export async function publicProposalRows(ctx: AppContext, filter: Omit<repo.ProposalFilter, 'notStages'>) {
  const { rows, total } = await repo.listProposals(ctx.database.db, { ...filter, notStages: ['moderasi'] });
  const perDesa = await repo.countByRegion(ctx.database.db, { ...filter, notStages: ['moderasi'] });
  const events = await repo.findEventsOf(
    ctx.database.db,
    rows.map((r) => r.p.id),
  );
  const latest = new Map<string, (typeof events)[number]>();
  for (const e of events) if (DECISIONS.has(e.kind)) latest.set(e.proposalId, e);
  return {
    total,
    perDesa: Object.fromEntries(perDesa.map((r) => [r.regionCode, r.n])),
    rows: rows.map((r) => ({ p: r.p, decision: latest.get(r.p.id) ?? null })),
  };
}

/** A proposal by its tracking code, with its whole public history and its photos' ids. */
export async function publicProposalByCode(ctx: AppContext, code: string) {
  const p = await repo.findByTrackingCode(ctx.database.db, code);
  if (!p) return null;
  const merged = p.mergedInto ? await repo.trackingCodesOf(ctx.database.db, [p.mergedInto]) : new Map();
  const events = await eventsOf(ctx, p.id);
  return {
    p,
    mergedInto: p.mergedInto ? ((merged.get(p.mergedInto) as string | undefined) ?? null) : null,
    events,
    decision: events.findLast((e) => DECISIONS.has(e.kind)) ?? null,
    photos: (await repo.findPhotos(ctx.database.db, p.id)).map((x) => x.id),
  };
}

/** A photo of a proposal, by the proposal's tracking code; none while the desa still moderates it. */
export async function publicPhoto(ctx: AppContext, code: string, photoId: string) {
  const p = await repo.findByTrackingCode(ctx.database.db, code);
  if (!p || p.stage === 'moderasi') return null;
  return repo.findPhoto(ctx.database.db, p.id, photoId);
}

/**
 * Proposals of a desa and year like a title a citizen is typing (issue 20: "mungkin sudah
 * diusulkan"), among those past moderation: an aspiration not yet moderated is nobody else's to see.
 */
export async function similarPublic(ctx: AppContext, regionCode: string, year: number, title: string) {
  const candidates = (await repo.findActiveInRegions(ctx.database.db, [regionCode], year)).filter(
    (c) => c.stage !== 'moderasi',
  );
  return possibleDuplicates(title, candidates).map((d) => ({
    trackingCode: d.trackingCode,
    title: d.title,
    stage: d.stage,
    similarity: Math.round(d.similarity * 100) / 100,
  }));
}

/** A proposal by its tracking code (citizens support and comment by it). */
export function proposalByCode(ctx: AppContext, code: string) {
  return repo.findByTrackingCode(ctx.database.db, code);
}

/** Tracking codes of proposals by id (a vote links each project to its proposal's public page). */
export function trackingCodesOfProposals(ctx: AppContext, ids: readonly string[]) {
  return repo.trackingCodesOf(ctx.database.db, ids);
}

/** Proposals by id, where each stands on its path (a citizen hears when one it supports moves on). */
export async function proposalsAtStep(ctx: AppContext, ids: readonly string[]) {
  const rows = await proposalsByIds(ctx.database.db, ids);
  return rows.map((p) => ({
    id: p.id,
    trackingCode: p.trackingCode,
    title: p.title,
    version: pathVersion(p),
  }));
}

/**
 * Proposals past moderation that the budget could not take: rejected for the ceiling, or deferred
 * (issue 21: the TJSL/CSR forum's catalogue of what a partner could fund), with their latest decision.
 */
export async function unfundedProposals(ctx: AppContext) {
  const { rows } = await publicProposalRows(ctx, { limit: 1_000_000, offset: 0 });
  return rows.filter(
    (r) =>
      (r.p.state === 'ditolak' && r.decision?.kind === 'tolak' && r.decision.reason === 'pagu_tidak_cukup') ||
      (r.p.state === 'aktif' && r.decision?.kind === 'tunda'),
  );
}

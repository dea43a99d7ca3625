import type { decisionBody } from '@sinergi/contracts';
import {
  AppError,
  applyDecision,
  canDecide,
  type Decision,
  kecamatanOf,
  type PathFacts,
  rollsOver,
} from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext, Principal } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { adoptedBudget } from '../allocation/allocation.facade.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { isEmailAddress, queueDecisionMail } from '../inbox/inbox.facade.ts';
import { namesOf } from '../regions/regions.service.ts';
import { latestRanks, proposalsByIds } from './forums.repository.ts';
import * as repo from './musrenbang.repository.ts';
import { actorLabel, getProposal, mustFind, onPath, pathVersion } from './musrenbang.service.ts';

/** Decisions on a proposal's path (forward, merge, defer, reject), the yearly rollover, and funding from a scenario or a vote. */
export async function decide(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: z.infer<typeof decisionBody>,
) {
  const p = await mustFind(ctx, id);
  // Decided offline on a path that has moved since: the operator looks again (the outbox shows it).
  if (body.basedOn !== undefined && body.basedOn !== pathVersion(p))
    throw new AppError('STALE', { details: { current: pathVersion(p) } });
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
  /** The adopted budget this step to the budget step must stay within, re-checked when written. */
  budgetLimit?: number;
}

/**
 * What the path needs from outside the proposal. `project` is the project that implements it
 * (only project creation passes one). `budget: 'scenario'` is an adoption, which checks its whole
 * selection against its own budget; otherwise a move to the budget step stays within the year's
 * adopted budget, if one is adopted.
 */
export interface DecisionContext {
  project?: string;
  budget?: 'scenario';
}

/** Checks who decides and what the decision does, before anything is written. */
export async function prepareDecision(
  ctx: AppContext,
  principal: Principal,
  p: repo.ProposalRow,
  body: z.infer<typeof decisionBody>,
  field = 'body',
  context: DecisionContext = {},
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
    // A merge joins two proposals the same office decides on now: same step, same plan year, and
    // one the deciding office may decide on (a desa cannot merge into another kecamatan's proposal).
    if (
      target.id !== p.id &&
      (target.stage !== p.stage ||
        target.planYear !== p.planYear ||
        !canDecide(principal.actor, onPath(target)))
    )
      throw new AppError('VALIDATION', { issues: [{ field: `${field}.into`, issue: 'merge_scope' }] });
    decision = { kind: 'gabung', into: target.id };
  } else decision = body;
  const toBudget = body.kind === 'teruskan' && p.stage === 'rkpd' && context.budget !== 'scenario';
  const adopted = toBudget ? await adoptedBudget(ctx, p.planYear) : null;
  const facts: PathFacts = {
    project: context.project ?? null,
    budget: adopted && {
      limit: adopted.budget,
      funded: await repo.fundedTotal(ctx.database.db, p.planYear),
      cost: p.estimatedCost,
    },
  };
  let transition: ReturnType<typeof applyDecision>;
  try {
    transition = applyDecision(onPath(p), decision, facts);
  } catch (error) {
    // Name the item of a batch (a forum's decisions) in the field of each issue.
    if (error instanceof AppError && error.code === 'VALIDATION' && field !== 'body')
      throw new AppError('VALIDATION', {
        issues: error.issues.map((i) => ({ ...i, field: i.field.replace(/^body/, field) })),
      });
    throw error;
  }
  return {
    p,
    body,
    target,
    transition,
    label: await actorLabel(ctx, principal.actor),
    ...(adopted ? { budgetLimit: adopted.budget } : {}),
  };
}

/** Writes a prepared decision: the proposal, its history (and the merge target's), the audit row. */
export async function recordDecision(tx: Db, ctx: AppContext, principal: Principal, d: PreparedDecision) {
  const { p, body, target, transition: t, label } = d;
  // The budget again, under the year's funding lock: two offices funding at once are counted in turn.
  if (d.budgetLimit !== undefined) {
    const funded = await repo.fundedTotal(tx, p.planYear, true);
    applyDecision(
      onPath(p),
      { kind: 'teruskan' },
      {
        budget: { limit: d.budgetLimit, funded, cost: p.estimatedCost },
      },
    );
  }
  const changed = await repo.updateProposalFrom(
    tx,
    p.id,
    p,
    { stage: t.toStage, state: t.state, planYear: t.planYear, ...(target ? { mergedInto: target.id } : {}) },
    ctx.clock(),
  );
  // Another decision got there first (a double click, two offices at once): this one is not recorded.
  if (!changed) throw new AppError('STALE');
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
  // A citizen who left an e-mail address on an aspiration hears of each decision, with its reason.
  if (p.track === 'aspirasi' && isEmailAddress(p.contact))
    await queueDecisionMail(
      tx,
      {
        to: p.contact,
        trackingCode: p.trackingCode,
        title: p.title,
        kind: t.state === 'selesai' ? 'selesai' : body.kind,
        toStage: t.toStage,
        toYear: t.planYear,
        reason: body.kind === 'tolak' ? body.reason : null,
        intoCode: target?.trackingCode ?? null,
        note: body.note ?? null,
      },
      ctx.config.publicUrl,
    );
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

export async function moveToYear(
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
  const prepared = await prepareFunding(ctx, principal, ids, note);
  await ctx.database.db.transaction((tx) => recordFunding(tx, ctx, principal, prepared));
  return prepared.filter((s) => s.length > 0).length;
}

/** Writes prepared funding steps inside the caller's transaction. */
export async function recordFunding(
  tx: Db,
  ctx: AppContext,
  principal: Principal,
  prepared: readonly (readonly PreparedDecision[])[],
) {
  for (const steps of prepared) for (const d of steps) await recordDecision(tx, ctx, principal, d);
}

/** The steps that take each proposal from the kabupaten forum or the RKPD to the budget step. */
export async function prepareFunding(
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
      const d = await prepareDecision(ctx, principal, p, { kind: 'teruskan', note }, 'body', {
        budget: 'scenario',
      });
      steps.push(d);
      p = { ...p, stage: d.transition.toStage };
    }
    prepared.push(steps);
  }
  return prepared;
}

/** What a plan year has funded so far (see the repository); `tx` with `lock` inside a transaction. */
export function fundedTotalOf(db: Db, year: number, lock = false) {
  return repo.fundedTotal(db, year, lock);
}

/** Proposals of these that wait at the budget step: what replacing an adopted scenario returns. */
export async function returnableFromBudget(ctx: AppContext, ids: readonly string[]) {
  const rows = await proposalsByIds(ctx.database.db, ids);
  return rows.filter((p) => p.state === 'aktif' && p.stage === 'apbd');
}

/**
 * Returns funded proposals from the budget step to the RKPD step, each with the reason in its
 * history (a status moves back only with one). Inside the caller's transaction.
 */
export async function returnFromBudget(
  tx: Db,
  ctx: AppContext,
  principal: Principal,
  rows: readonly repo.ProposalRow[],
  reason: string,
) {
  const label = await actorLabel(ctx, principal.actor);
  for (const p of rows)
    await returnProposal(tx, ctx, principal, label, p, { stage: 'rkpd', planYear: p.planYear }, reason);
}

/**
 * Takes a decision back: the proposal returns, active, to an earlier step (and plan year), written
 * compare-and-set, with a `dikembalikan` event carrying the reason. Inside the caller's transaction;
 * used when an adopted scenario is replaced and when a forum is reopened.
 */
export async function returnProposal(
  tx: Db,
  ctx: AppContext,
  principal: Principal,
  label: string,
  p: repo.ProposalRow,
  to: { stage: string; planYear: number },
  note: string,
  forumId?: string,
) {
  const back = { stage: to.stage, state: 'aktif', planYear: to.planYear, mergedInto: null };
  if (!(await repo.updateProposalFrom(tx, p.id, p, back, ctx.clock()))) throw new AppError('STALE');
  await repo.insertEvent(tx, {
    proposalId: p.id,
    actorUserId: principal.actor.userId ?? null,
    actorLabel: label,
    kind: 'dikembalikan',
    fromStage: p.stage,
    toStage: to.stage,
    fromYear: p.planYear,
    toYear: to.planYear,
    note,
    forumId: forumId ?? null,
  });
}

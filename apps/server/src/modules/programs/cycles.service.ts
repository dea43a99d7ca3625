import {
  AppError,
  type CycleAction,
  type CycleState,
  type CycleStep,
  canActForOrganisation,
  canActInRegion,
  checkEligibility,
  cycleMove,
  type EligibilityRule,
  parseRegionCode,
  todayIn,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './programs.repository.ts';
import { applicantsOf } from './programs.service.ts';

/**
 * Payment cycles of repeating programs and the grievances about them. Each cycle re-checks every
 * active participant against the rule in force, when it is made and again when it is submitted;
 * who failed which condition is kept with the cycle.
 */
const invalid = (field: string, issue: string, params: Record<string, number> = {}) =>
  new AppError('VALIDATION', { issues: [{ field, issue, params }] });

async function programOf(ctx: AppContext, id: string) {
  const p = await repo.findProgram(ctx.database.db, id);
  if (!p) throw new AppError('NOT_FOUND', { details: { what: id } });
  return p;
}

/** The participants who meet the rule today, and those who do not with the failed conditions. */
async function recheck(ctx: AppContext, p: repo.ProgramRow) {
  const rows = await repo.findActiveParticipants(ctx.database.db, p.id);
  const applicants = await applicantsOf(
    ctx,
    rows.map((r) => r.personId),
  );
  const today = todayIn(undefined, ctx.clock());
  const recipients: string[] = [];
  const ineligible: { enrolmentId: string; failed: unknown[] }[] = [];
  for (const r of rows) {
    const c = checkEligibility(p.eligibility as EligibilityRule, applicants.get(r.personId)!, today);
    if (c.eligible) recipients.push(r.id);
    else ineligible.push({ enrolmentId: r.id, failed: c.failed });
  }
  return { recipients, ineligible };
}

export async function createCycle(
  ctx: AppContext,
  principal: Principal,
  programId: string,
  body: { period: string; amountPerRecipient: number },
) {
  const p = await programOf(ctx, programId);
  if (!canActForOrganisation(principal.actor, p.organisationId)) throw new AppError('OUT_OF_SCOPE');
  if (!p.cyclic) throw invalid('body.period', 'not_cyclic');
  const checked = await recheck(ctx, p);
  const last = await repo.lastCycleSeq(ctx.database.db, programId);
  return ctx.database.db.transaction(async (tx) => {
    const id = await repo.insertCycle(tx, {
      programId,
      seq: last + 1,
      period: body.period,
      state: 'draf',
      amountPerRecipient: body.amountPerRecipient,
      ruleVersion: p.eligibilityVersion,
      ...checked,
    });
    await appendAudit(tx, principal, {
      action: 'cycle.created',
      entity: 'program_cycle',
      entityId: id,
      after: {
        period: body.period,
        recipients: checked.recipients.length,
        ineligible: checked.ineligible.length,
      },
    });
    return { id };
  });
}

export async function listCycles(ctx: AppContext, programId: string) {
  await programOf(ctx, programId);
  const rows = await repo.findCyclesOf(ctx.database.db, programId);
  return {
    items: rows.map((c) => ({
      id: c.id,
      seq: c.seq,
      period: c.period,
      state: c.state,
      amountPerRecipient: c.amountPerRecipient,
      ruleVersion: c.ruleVersion,
      recipients: c.recipients.length,
      total: c.recipients.length * c.amountPerRecipient,
      ineligible: c.ineligible as { enrolmentId: string; failed: { field: string; value: unknown }[] }[],
      steps: c.steps as CycleStep[],
    })),
  };
}

export async function moveCycle(
  ctx: AppContext,
  principal: Principal,
  cycleId: string,
  action: CycleAction,
  note: string,
) {
  const c = await repo.findCycle(ctx.database.db, cycleId);
  if (!c) throw new AppError('NOT_FOUND', { details: { what: cycleId } });
  const p = await programOf(ctx, c.programId);
  const steps = c.steps as CycleStep[];
  const submittedBy = steps.findLast((s) => s.action === 'ajukan')?.byUserId ?? null;
  const move = cycleMove(
    action,
    c.state as CycleState,
    principal.actor,
    canActForOrganisation(principal.actor, p.organisationId),
    submittedBy,
  );
  if (!move.ok) {
    if (move.reason === 'state') throw new AppError('INVALID_STATE', { details: { action, state: c.state } });
    if (move.reason === 'four_eyes') throw invalid('action', 'four_eyes');
    throw new AppError('FORBIDDEN', { details: { permission: `cycle.${action}` } });
  }
  if (action === 'kembalikan' && note.trim().length < 5)
    throw invalid('body.note', 'too_short_text', { minimum: 5 });
  // Submitting re-checks the recipients against the rule in force.
  const checked = action === 'ajukan' ? await recheck(ctx, p) : null;
  const step: CycleStep = {
    action,
    from: c.state as CycleState,
    to: move.to,
    by: principal.name,
    byUserId: principal.actor.userId ?? null,
    at: ctx.clock().toISOString(),
    note: note.trim(),
  };
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateCycle(tx, cycleId, {
      state: move.to,
      steps: [...steps, step],
      ...(checked ? { ...checked, ruleVersion: p.eligibilityVersion } : {}),
      updatedAt: ctx.clock(),
    });
    await appendAudit(tx, principal, {
      action: `cycle.${action}`,
      entity: 'program_cycle',
      entityId: cycleId,
      before: { state: c.state },
      after: { state: move.to, note: step.note },
    });
  });
  return { state: move.to };
}

/** Grievances: filed by the offices near the resident, resolved by the program's agency. */
export async function fileGrievance(
  ctx: AppContext,
  principal: Principal,
  programId: string,
  body: { kind: string; description: string; regionCode: string; enrolmentId?: string | undefined },
) {
  await programOf(ctx, programId);
  if (!canActInRegion(principal.actor, parseRegionCode(body.regionCode)) && principal.actor.role !== 'opd')
    throw new AppError('OUT_OF_SCOPE');
  if (body.enrolmentId) {
    if (!(await repo.enrolmentInProgram(ctx.database.db, body.enrolmentId, programId)))
      throw invalid('body.enrolmentId', 'not_found');
  }
  return ctx.database.db.transaction(async (tx) => {
    const id = await repo.insertGrievance(tx, {
      programId,
      enrolmentId: body.enrolmentId ?? null,
      kind: body.kind,
      description: body.description,
      regionCode: body.regionCode,
      status: 'baru',
      createdBy: principal.actor.userId ?? null,
    });
    await appendAudit(tx, principal, {
      action: 'grievance.filed',
      entity: 'grievance',
      entityId: id,
      after: { programId, kind: body.kind },
    });
    return { id };
  });
}

/**
 * Grievances of a program. Their words (which may name a resident and their circumstances) are
 * read by the program's agency (and Bappeda, the admin) and by the desa or kecamatan of the area;
 * the DPRD and other agencies see what kind, where and how it was handled, not the words.
 */
export async function listGrievances(ctx: AppContext, principal: Principal, programId: string) {
  const p = await programOf(ctx, programId);
  const actor = principal.actor;
  const local = actor.role === 'desa' || actor.role === 'kecamatan';
  const area = (actor.role === 'desa' || actor.role === 'kecamatan' ? actor.regionCode : null) ?? '-';
  const rows = await repo.findGrievancesOf(ctx.database.db, programId, local ? area : null);
  const readable = local || canActForOrganisation(actor, p.organisationId);
  return {
    items: rows.map((g) => ({
      id: g.id,
      kind: g.kind,
      description: readable ? g.description : null,
      regionCode: g.regionCode,
      status: g.status,
      resolution: readable ? g.resolution : null,
      createdAt: g.createdAt.toISOString(),
      resolvedAt: g.resolvedAt?.toISOString() ?? null,
    })),
    readable,
  };
}

export async function updateGrievance(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: { status: string; resolution?: string | undefined },
) {
  const g = await repo.findGrievance(ctx.database.db, id);
  if (!g) throw new AppError('NOT_FOUND', { details: { what: id } });
  const p = await programOf(ctx, g.programId);
  if (!canActForOrganisation(principal.actor, p.organisationId)) throw new AppError('OUT_OF_SCOPE');
  if (g.status === 'selesai' || g.status === 'ditolak')
    throw new AppError('INVALID_STATE', { details: { action: body.status, state: g.status } });
  const closing = body.status === 'selesai' || body.status === 'ditolak';
  if (closing && (body.resolution ?? '').trim().length < 10)
    throw invalid('body.resolution', 'too_short_text', { minimum: 10 });
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateGrievance(tx, id, {
      status: body.status,
      resolution: body.resolution?.trim() || g.resolution,
      ...(closing ? { resolvedAt: ctx.clock(), resolvedBy: principal.actor.userId ?? null } : {}),
      updatedAt: ctx.clock(),
    });
    await appendAudit(tx, principal, {
      action: 'grievance.updated',
      entity: 'grievance',
      entityId: id,
      before: { status: g.status },
      after: { status: body.status },
    });
  });
  return { status: body.status };
}

import { describeIssues, type Language } from '@sinergi/contracts';
import {
  AppError,
  type ConsultationState,
  can,
  consultationMachine,
  formatDate,
  mayComment,
  stepNeeds,
  takeStep,
  todayIn,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorName } from '../citizens/citizens.service.ts';
import { actorLabel } from '../musrenbang/musrenbang.service.ts';
import { planOutline } from '../plans/plans.facade.ts';
import * as repo from './consultations.repository.ts';

const today = (ctx: AppContext) => todayIn(undefined, ctx.clock());

async function mustFind(ctx: AppContext, id: string) {
  const c = await repo.findConsultation(ctx.database.db, id);
  if (!c) throw new AppError('NOT_FOUND', { details: { what: id } });
  return c;
}

async function outlineOf(ctx: AppContext, planId: string) {
  const outline = await planOutline(ctx, planId);
  if (!outline) throw new AppError('VALIDATION', { issues: [{ field: 'body.planId', issue: 'not_found' }] });
  return outline;
}

function facts(ctx: AppContext, c: repo.ConsultationRow, items: number, unanswered: number) {
  return { opensOn: c.opensOn, closesOn: c.closesOn, today: today(ctx), items, unanswered };
}

export async function createConsultation(
  ctx: AppContext,
  principal: Principal,
  body: { planId: string; title: string; description: string; opensOn: string; closesOn: string },
) {
  await outlineOf(ctx, body.planId);
  if (body.closesOn < body.opensOn)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.closesOn', issue: 'window_reversed' }] });
  return ctx.database.db.transaction(async (tx) => {
    const c = await repo.insertConsultation(tx, body);
    await appendAudit(tx, principal, {
      action: 'consultation.created',
      entity: 'consultation',
      entityId: c.id,
      after: { planId: c.planId, title: c.title, opensOn: c.opensOn, closesOn: c.closesOn },
    });
    return { id: c.id };
  });
}

export async function listConsultations(ctx: AppContext, planId?: string) {
  const rows = await repo.findConsultations(ctx.database.db, planId);
  const counts = new Map((await repo.countComments(ctx.database.db)).map((c) => [c.consultationId, c]));
  const outlines = new Map<string, Awaited<ReturnType<typeof planOutline>>>();
  for (const planId of new Set(rows.map((c) => c.planId)))
    outlines.set(planId, await planOutline(ctx, planId));
  const items = [];
  for (const c of rows) {
    const outline = outlines.get(c.planId);
    if (!outline) continue;
    const n = counts.get(c.id);
    items.push(summary(c, outline.plan, n?.comments ?? 0, n?.unanswered ?? 0));
  }
  return { items };
}

function summary(
  c: repo.ConsultationRow,
  plan: NonNullable<Awaited<ReturnType<typeof planOutline>>>['plan'],
  comments: number,
  unanswered: number,
) {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    plan,
    state: c.state as ConsultationState,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    comments,
    unanswered,
  };
}

/** A consultation with the plan's items, every comment and answer, and what the reader may do. */
export async function getConsultation(ctx: AppContext, principal: Principal, id: string, lang: Language) {
  const c = await mustFind(ctx, id);
  const outline = await outlineOf(ctx, c.planId);
  const comments = await repo.findComments(ctx.database.db, id);
  const unanswered = comments.filter((x) => x.answer === null).length;
  const f = facts(ctx, c, outline.items.length, unanswered);
  const state = c.state as ConsultationState;
  const manages = can(principal.actor, 'consultations.manage');
  const close = stepNeeds(consultationMachine, state, 'tutup', f);
  const open = stepNeeds(consultationMachine, state, 'buka', f);
  return {
    ...summary(c, outline.plan, comments.length, unanswered),
    items: outline.items,
    commentList: comments.map((x) => ({
      id: x.id,
      nodeId: x.nodeId,
      author: x.authorName,
      body: x.body,
      at: x.createdAt.toISOString(),
      answer: x.answer,
      answeredBy: x.answeredBy,
      answeredAt: x.answeredAt?.toISOString() ?? null,
    })),
    abilities: {
      comment: can(principal.actor, 'consultations.comment') && mayComment({ ...c, state }, f.today),
      answer: manages && state === 'dibuka',
      open: manages && open.allowed && open.needs.length === 0,
      close: manages && close.allowed && close.needs.length === 0,
    },
    closeNeeds:
      manages && close.allowed
        ? describeIssues(lang, close.needs).map((n) => ({ issue: n.issue, message: n.message }))
        : [],
  };
}

/** Opens or closes the consultation by core's machine; the step happens once (a compare-and-set). */
export async function stepConsultation(
  ctx: AppContext,
  principal: Principal,
  id: string,
  action: 'buka' | 'tutup',
) {
  const c = await mustFind(ctx, id);
  const outline = await outlineOf(ctx, c.planId);
  const unanswered = await repo.countUnanswered(ctx.database.db, id);
  const from = c.state as ConsultationState;
  const to = takeStep(consultationMachine, from, action, facts(ctx, c, outline.items.length, unanswered));
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.setState(tx, id, from, to, ctx.clock()))) throw new AppError('STALE');
    await appendAudit(tx, principal, {
      action: `consultation.${action}`,
      entity: 'consultation',
      entityId: id,
      before: { state: from },
      after: { state: to, ...(action === 'tutup' ? { unanswered } : {}) },
    });
  });
  return { id };
}

/** A comment on the plan or one of its items, while the consultation is open and in its window. */
export async function addComment(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: { nodeId?: string | undefined; body: string },
) {
  const c = await mustFind(ctx, id);
  if (!mayComment({ ...c, state: c.state as ConsultationState }, today(ctx)))
    throw new AppError('VALIDATION', { issues: [{ field: 'body.body', issue: 'consultation_closed' }] });
  if (body.nodeId) {
    const outline = await outlineOf(ctx, c.planId);
    if (!outline.items.some((i) => i.id === body.nodeId))
      throw new AppError('VALIDATION', { issues: [{ field: 'body.nodeId', issue: 'node_not_in_plan' }] });
  }
  const userId = principal.actor.userId!;
  const author =
    principal.actor.role === 'warga' ? await authorName(ctx, userId) : await actorLabel(ctx, principal.actor);
  const row = await repo.insertComment(ctx.database.db, {
    consultationId: id,
    nodeId: body.nodeId ?? null,
    authorUserId: userId,
    authorName: author,
    body: body.body,
  });
  return { id: row.id };
}

/** Bappeda's answer to a comment, recorded once: a second answer is refused, not written over. */
export async function answerComment(
  ctx: AppContext,
  principal: Principal,
  commentId: string,
  answer: string,
  lang: Language,
) {
  const comment = await repo.findComment(ctx.database.db, commentId);
  if (!comment) throw new AppError('NOT_FOUND', { details: { what: commentId } });
  const c = await mustFind(ctx, comment.consultationId);
  if (c.state !== 'dibuka')
    throw new AppError('INVALID_STATE', { details: { action: 'jawab', state: c.state } });
  const by = await actorLabel(ctx, principal.actor);
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.answerComment(tx, commentId, { text: answer, by, at: ctx.clock() })))
      throw new AppError('INVALID_STATE', { details: { action: 'jawab', state: 'dijawab' } });
    await appendAudit(tx, principal, {
      action: 'consultation.answered',
      entity: 'consultation',
      entityId: c.id,
      after: { comment: commentId },
    });
  });
  return getConsultation(ctx, principal, c.id, lang);
}

export const windowText = (c: { opensOn: string; closesOn: string }) =>
  `${formatDate(c.opensOn)} s.d. ${formatDate(c.closesOn)}`;

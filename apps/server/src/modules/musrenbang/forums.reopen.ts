import { AppError, canReopenForum, type FieldIssue, forumMachine, takeStep } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './forums.repository.ts';
import { getForum } from './forums.service.ts';
import { returnProposal } from './musrenbang.decisions.ts';
import * as proposals from './musrenbang.repository.ts';
import { actorLabel } from './musrenbang.service.ts';

/**
 * Reopening a closed forum (core's forum machine, step `buka_kembali`): only the level above, and
 * only with a reason, which the berita acara then shows. The forum's decisions are taken back:
 * each proposal returns to the forum's step, state and plan year, with the reason in its history.
 * A proposal decided again since (at the next step, or rolled over) cannot be taken back, so the
 * forum then stays closed and the refusal names those proposals.
 */
export async function reopenForum(ctx: AppContext, principal: Principal, id: string, reason: string) {
  const f = await repo.findForum(ctx.database.db, id);
  if (!f) throw new AppError('NOT_FOUND', { details: { what: id } });
  if (!canReopenForum(principal.actor, f)) throw new AppError('OUT_OF_SCOPE');
  takeStep(forumMachine, f.state as 'draf' | 'selesai', 'buka_kembali', {
    participants: 0,
    quorum: null,
    items: [],
    reason,
  });
  const items = await repo.findItems(ctx.database.db, id);
  const events = await proposals.findEventsOf(
    ctx.database.db,
    items.map((i) => i.p.id),
  );
  const issues: FieldIssue[] = [];
  const back: { p: (typeof items)[number]['p']; fromYear: number }[] = [];
  items.forEach((it, i) => {
    const own = events.filter((e) => e.proposalId === it.p.id);
    const decision = own.findLast((e) => e.forumId === id && e.kind !== 'menerima_gabungan');
    if (!decision) return;
    if (own.some((e) => e.id > decision.id && e.forumId !== id))
      issues.push({
        field: `agenda.${i}`,
        issue: 'forum_later_decided',
        params: { code: it.p.trackingCode },
      });
    else back.push({ p: it.p, fromYear: decision.fromYear ?? it.p.planYear });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  const label = await actorLabel(ctx, principal.actor);
  const now = ctx.clock();
  const entry = { at: now.toISOString(), by: label, reason: reason.trim() };
  await ctx.database.db.transaction(async (tx) => {
    if (
      !(await repo.updateForumFrom(
        tx,
        id,
        'selesai',
        { state: 'draf', reopenings: [...f.reopenings, entry] },
        now,
      ))
    )
      throw new AppError('STALE');
    const note = `Forum "${f.title}" dibuka kembali: ${reason.trim()}`;
    for (const { p, fromYear } of back)
      await returnProposal(tx, ctx, principal, label, p, { stage: f.level, planYear: fromYear }, note, id);
    await repo.setDecisions(tx, id, new Map(items.map((i) => [i.p.id, null])));
    await appendAudit(tx, principal, {
      action: 'forum.reopened',
      entity: 'forum',
      entityId: id,
      before: { state: 'selesai' },
      after: { state: 'draf', reason: reason.trim(), returned: back.length },
    });
  });
  return getForum(ctx, principal, id);
}

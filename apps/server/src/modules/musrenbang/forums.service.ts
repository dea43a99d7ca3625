import type {
  agendaBody,
  forumBody,
  forumCloseBody,
  forumScoresBody,
  participantsBody,
} from '@sinergi/contracts';
import {
  type Actor,
  AppError,
  canActInRegion,
  canReopenForum,
  type FieldIssue,
  type ForumFacts,
  documentNumber as formatDocumentNumber,
  forumDateFindings,
  forumMachine,
  isWithin,
  parseRegionCode,
  rankAgenda,
  settleFindings,
  stepNeeds,
  takeStep,
  todayIn,
} from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { supportCounts } from '../citizens/citizens.facade.ts';
import { findRegion, namesOf } from '../regions/regions.service.ts';
import { getDocumentSettings } from '../system/documents.service.ts';
import { nextDocumentNo } from '../system/settings.service.ts';
import * as repo from './forums.repository.ts';
import { type PreparedDecision, prepareDecision, recordDecision } from './musrenbang.decisions.ts';
import { summaryOf } from './musrenbang.service.ts';

const depthOf = { desa: 4, kecamatan: 3, kabupaten: 2 } as const;
type Level = keyof typeof depthOf;

/** Who holds a forum: the desa its own, the kecamatan its own, Bappeda (and admin) the kabupaten's. */
function canManage(actor: Actor, f: { level: string; regionCode: string }): boolean {
  if (actor.role === 'admin') return true;
  const region = parseRegionCode(f.regionCode);
  if (f.level === 'desa') return actor.role === 'desa' && canActInRegion(actor, region);
  if (f.level === 'kecamatan') return actor.role === 'kecamatan' && canActInRegion(actor, region);
  return actor.role === 'perencana';
}

async function mustFind(ctx: AppContext, id: string) {
  const f = await repo.findForum(ctx.database.db, id);
  if (!f) throw new AppError('NOT_FOUND', { details: { what: id } });
  return f;
}

function assertOpen(f: repo.ForumRow) {
  if (f.state !== 'draf') throw new AppError('INVALID_STATE', { details: { state: f.state } });
}

/** A forum the principal holds and that is still in session: what every change starts from. */
async function openForumOf(ctx: AppContext, principal: Principal, id: string) {
  const f = await mustFind(ctx, id);
  assertManager(principal, f);
  assertOpen(f);
  return f;
}

function assertManager(principal: Principal, f: { level: string; regionCode: string }) {
  if (!canManage(principal.actor, f)) throw new AppError('OUT_OF_SCOPE');
}

export async function createForum(ctx: AppContext, principal: Principal, body: z.infer<typeof forumBody>) {
  const region = parseRegionCode(body.regionCode);
  const inKab = isWithin(region, parseRegionCode(ctx.config.activeKabupaten));
  if (region.split('.').length !== depthOf[body.level as Level] || !inKab || !(await findRegion(ctx, region)))
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body.regionCode', issue: 'forum_level', params: { level: body.level } }],
    });
  assertManager(principal, body);
  if (body.method === 'skor' && body.criteria.length === 0)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.criteria', issue: 'required' }] });
  const { confirmWarnings, ...values } = body;
  const warnings = settleFindings(
    forumDateFindings(body.heldOn, body.planYear, todayIn(undefined, ctx.clock())),
    confirmWarnings,
  );
  return ctx.database.db.transaction(async (tx) => {
    const f = await repo.insertForum(tx, {
      ...values,
      participants: { total: 0, perempuan: 0, pemuda: 0, disabilitas: 0, daftar: [] },
      state: 'draf',
      createdBy: principal.actor.userId ?? null,
    });
    await appendAudit(tx, principal, {
      action: 'forum.created',
      entity: 'forum',
      entityId: f.id,
      after: {
        level: f.level,
        regionCode: f.regionCode,
        planYear: f.planYear,
        heldOn: f.heldOn,
        ...(warnings.length ? { confirmedWarnings: warnings } : {}),
      },
    });
    return { id: f.id };
  });
}

export async function listForums(ctx: AppContext, year: number | undefined) {
  const rows = await repo.listForums(ctx.database.db, year);
  const names = await namesOf(
    ctx,
    rows.map((r) => r.f.regionCode),
  );
  return { items: rows.map((r) => summary(r.f, names.get(r.f.regionCode) ?? r.f.regionCode, r.agenda)) };
}

function summary(f: repo.ForumRow, regionName: string, agenda: number) {
  return {
    id: f.id,
    level: f.level as Level,
    regionCode: f.regionCode,
    regionName,
    planYear: f.planYear,
    heldOn: f.heldOn,
    title: f.title,
    method: f.method as 'skor' | 'suara',
    state: f.state as 'draf' | 'selesai',
    agenda,
  };
}

type Criteria = { code: string; label: string; weight: number }[];
type Participants = z.infer<typeof participantsBody>;

export async function getForum(ctx: AppContext, principal: Principal, id: string) {
  const f = await mustFind(ctx, id);
  const items = await repo.findItems(ctx.database.db, id);
  const onAgenda = new Set(items.map((i) => i.p.id));
  const candidates =
    f.state === 'draf'
      ? (
          await repo.findAtStep(ctx.database.db, { stage: f.level, year: f.planYear, within: f.regionCode })
        ).filter((c) => !onAgenda.has(c.p.id))
      : [];
  const names = await namesOf(ctx, [
    f.regionCode,
    ...items.map((i) => i.p.regionCode),
    ...candidates.map((c) => c.p.regionCode),
  ]);
  const criteria = f.criteria as Criteria;
  const weights = Object.fromEntries(criteria.map((c) => [c.code, c.weight]));
  const totals = new Map(
    rankAgenda(
      items.map((i) => ({ id: i.p.id, scores: i.item.scores, votes: i.item.votes })),
      f.method as 'skor' | 'suara',
      weights,
    ).map((r) => [r.id, r.total]),
  );
  const present = (p: (typeof items)[number]['p'], org: { id: string; shortName: string } | null) =>
    summaryOf(p, org, names.get(p.regionCode) ?? p.regionCode);
  const decided = f.state === 'selesai' ? await repo.findForumDecisions(ctx.database.db, id) : new Map();
  const supports = await supportCounts(
    ctx,
    items.map((i) => i.p.id),
  );
  const participants = f.participants as Participants;
  return {
    ...summary(f, names.get(f.regionCode) ?? f.regionCode, items.length),
    criteria,
    participants: { ...participants, penandatangan: participants.penandatangan ?? [] },
    documentNumber: f.documentNumber,
    items: items.map((i) => ({
      position: i.item.position,
      proposal: present(i.p, i.org?.id ? i.org : null),
      scores: i.item.scores,
      votes: i.item.votes,
      total: totals.get(i.p.id) ?? 0,
      rank: i.item.rank,
      decision: i.item.decision,
      supports: supports.get(i.p.id) ?? 0,
      decisionDetail: (() => {
        const d = decided.get(i.p.id);
        return d ? { reason: d.reason, toYear: d.toYear, into: d.into, note: d.note } : null;
      })(),
    })),
    candidates: candidates.map((c) => present(c.p, c.org?.id ? c.org : null)),
    quorum: f.quorum,
    reopenings: f.reopenings,
    canManage: f.state === 'draf' && canManage(principal.actor, f),
    canReopen: f.state === 'selesai' && canReopenForum(principal.actor, f),
    closeNeeds:
      f.state === 'draf'
        ? (stepNeeds(forumMachine, 'draf', 'tutup', closeFacts(f, items, null)) as { needs: FieldIssue[] })
            .needs
        : [],
  };
}

/** What the forum machine checks before closing: attendance, quorum, saved scores, a decision per item. */
function closeFacts(
  f: repo.ForumRow,
  items: Awaited<ReturnType<typeof repo.findItems>>,
  decided: ReadonlySet<string> | null,
): ForumFacts {
  return {
    participants: (f.participants as Participants).total,
    quorum: f.quorum,
    items: items.map((i) => ({
      code: i.p.trackingCode,
      scored: i.item.rank !== null,
      // Without the decisions (the page shows the forum), only what the forum has saved is checked.
      decided: decided ? decided.has(i.p.id) : true,
    })),
  };
}

export async function setParticipants(ctx: AppContext, principal: Principal, id: string, body: Participants) {
  await openForumOf(ctx, principal, id);
  const { quorum, ...attendance } = body;
  const issues: FieldIssue[] = (['perempuan', 'pemuda', 'disabilitas'] as const)
    .filter((k) => body[k] > body.total)
    .map((k) => ({ field: `body.${k}`, issue: 'counts_exceed_total' }));
  if (issues.length) throw new AppError('VALIDATION', { issues });
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateForum(
      tx,
      id,
      { participants: attendance, ...(quorum !== undefined ? { quorum } : {}) },
      ctx.clock(),
    );
    await appendAudit(tx, principal, {
      action: 'forum.participants',
      entity: 'forum',
      entityId: id,
      // Counts only: the attendance list holds names.
      after: {
        total: body.total,
        perempuan: body.perempuan,
        pemuda: body.pemuda,
        disabilitas: body.disabilitas,
        listed: body.daftar.length,
        ...(quorum !== undefined ? { quorum } : {}),
      },
    });
  });
  return getForum(ctx, principal, id);
}

/** Sets the agenda: proposals at this forum's step, of its plan year, inside its region. */
export async function setAgenda(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: z.infer<typeof agendaBody>,
) {
  const f = await openForumOf(ctx, principal, id);
  const ids = [...new Set(body.proposalIds)];
  const found = new Map((await repo.proposalsByIds(ctx.database.db, ids)).map((p) => [p.id, p]));
  const issues: FieldIssue[] = [];
  ids.forEach((pid, i) => {
    const p = found.get(pid);
    const fits =
      p &&
      p.state === 'aktif' &&
      p.stage === f.level &&
      p.planYear === f.planYear &&
      isWithin(parseRegionCode(p.regionCode), parseRegionCode(f.regionCode));
    if (!fits) issues.push({ field: `body.proposalIds.${i}`, issue: p ? 'not_on_this_step' : 'not_found' });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  await ctx.database.db.transaction(async (tx) => {
    await repo.replaceAgenda(tx, id, ids);
    await appendAudit(tx, principal, {
      action: 'forum.agenda',
      entity: 'forum',
      entityId: id,
      after: { proposals: ids.length },
    });
  });
  return getForum(ctx, principal, id);
}

/** Records the forum's scores or votes and ranks the agenda (core's rankAgenda, ties share a rank). */
export async function setScores(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: z.infer<typeof forumScoresBody>,
) {
  const f = await openForumOf(ctx, principal, id);
  const items = await repo.findItems(ctx.database.db, id);
  const onAgenda = new Set(items.map((i) => i.p.id));
  const criteria = f.criteria as Criteria;
  const known = new Set(criteria.map((c) => c.code));
  const issues: FieldIssue[] = [];
  body.items.forEach((item, i) => {
    if (!onAgenda.has(item.proposalId))
      issues.push({ field: `body.items.${i}.proposalId`, issue: 'not_on_agenda' });
    for (const k of Object.keys(item.scores))
      if (!known.has(k)) issues.push({ field: `body.items.${i}.scores.${k}`, issue: 'unknown_criterion' });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  const given = new Map(body.items.map((i) => [i.proposalId, i]));
  const merged = items.map((i) => ({
    id: i.p.id,
    scores: given.get(i.p.id)?.scores ?? i.item.scores,
    votes: given.get(i.p.id)?.votes ?? i.item.votes,
  }));
  const ranked = new Map(
    rankAgenda(
      merged,
      f.method as 'skor' | 'suara',
      Object.fromEntries(criteria.map((c) => [c.code, c.weight])),
    ).map((r) => [r.id, r.rank]),
  );
  await ctx.database.db.transaction(async (tx) => {
    await repo.setScores(
      tx,
      id,
      merged.map((m) => ({ proposalId: m.id, scores: m.scores, votes: m.votes, rank: ranked.get(m.id)! })),
    );
    await appendAudit(tx, principal, {
      action: 'forum.ranked',
      entity: 'forum',
      entityId: id,
      after: { items: merged.length },
    });
  });
  return getForum(ctx, principal, id);
}

/**
 * Closes the forum with a decision on every item of its agenda: each is taken as on a single
 * proposal (same rules, same history, with the forum named), all in one transaction.
 */
export async function closeForum(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: z.infer<typeof forumCloseBody>,
) {
  const f = await openForumOf(ctx, principal, id);
  const items = await repo.findItems(ctx.database.db, id);
  const byId = new Map(body.decisions.map((d, i) => [d.proposalId, { ...d, index: i }]));
  const issues: FieldIssue[] = [];
  body.decisions.forEach((d, i) => {
    if (!items.some((it) => it.p.id === d.proposalId))
      issues.push({ field: `body.decisions.${i}.proposalId`, issue: 'not_on_agenda' });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  // Core's forum machine: attendance (and quorum), saved scores and a decision on every item.
  takeStep(forumMachine, 'draf', 'tutup', closeFacts(f, items, new Set(byId.keys())));
  const prepared: PreparedDecision[] = [];
  try {
    for (const it of items) {
      const { decision, index } = byId.get(it.p.id)!;
      const field = `body.decisions.${index}.decision`;
      prepared.push({ ...(await prepareDecision(ctx, principal, it.p, decision, field)), forumId: id });
    }
  } catch (error) {
    throw await closedMeanwhile(ctx, id, error);
  }
  // Read before the transaction: on PGlite a read outside it would wait for it to end.
  const { numberPattern } = await getDocumentSettings(ctx);
  await ctx.database.db
    .transaction(async (tx) => {
      for (const d of prepared) await recordDecision(tx, ctx, principal, d);
      await repo.setDecisions(tx, id, new Map(prepared.map((d) => [d.p.id, d.body.kind])));
      // The berita acara is numbered when the forum first closes (a reopened forum keeps its number);
      // the running number is the office's, per year, taken in this transaction.
      const documentNumber =
        f.documentNumber ??
        formatDocumentNumber(numberPattern, {
          no: await nextDocumentNo(ctx, tx, `forum:${f.regionCode}:${f.heldOn.slice(0, 4)}`),
          isoDate: f.heldOn,
          regionCode: f.regionCode,
        });
      // Closed once: a second close of the same forum at the same moment finds it closed.
      if (!(await repo.updateForumFrom(tx, id, 'draf', { state: 'selesai', documentNumber }, ctx.clock())))
        throw new AppError('STALE');
      await appendAudit(tx, principal, {
        action: 'forum.closed',
        entity: 'forum',
        entityId: id,
        after: { decisions: prepared.length },
      });
    })
    .catch(async (error: unknown) => {
      throw await closedMeanwhile(ctx, id, error);
    });
  return getForum(ctx, principal, id);
}

/** Closed meanwhile by another request, whose decisions moved the proposals on: 409, not this one's refusal. */
const closedMeanwhile = async (ctx: AppContext, id: string, error: unknown) =>
  (await mustFind(ctx, id)).state !== 'draf' ? new AppError('STALE') : error;

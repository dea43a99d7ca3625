import { createHash, randomBytes } from 'node:crypto';
import { type citizenRegisterBody, fillWords, verifyMailWords } from '@sinergi/contracts';
import { AppError, canActInRegion, parseRegionCode } from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { assertAcceptablePassword } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { queueMail } from '../inbox/inbox.facade.ts';
import { actorLabel, proposalByCode, proposalById } from '../musrenbang/musrenbang.facade.ts';
import {
  accountById,
  accountByUsername,
  insertCitizenAccount,
  setAccountActive,
} from '../users/users.facade.ts';
import * as repo from './citizens.repository.ts';

/** How long a verification link works, and how many an account may be sent a day. */
export const VERIFY_HOURS = 48;
const VERIFY_MAILS_PER_DAY = 3;
/** Comments an account may write in a day (abuse limit; the route also limits per address). */
export const COMMENTS_PER_DAY = 20;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * A citizen registers (issue 20): an inactive account named by its e-mail address, and a link by
 * e-mail that activates it. The answer is the same whether the address was new or known, so the
 * form does not tell who has an account; a known active account gets no mail, an inactive one a
 * new link (at most three a day).
 */
export async function register(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof citizenRegisterBody>,
) {
  if (!ctx.config.mail)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.email', issue: 'mail_unavailable' }] });
  assertAcceptablePassword(ctx.config, body.email, body.password);
  const now = ctx.clock();
  const known = await accountByUsername(ctx, body.email);
  if (known && (known.active || known.role !== 'warga')) return { sent: true } as const;
  if (
    known &&
    (await repo.countVerificationsSince(ctx.database.db, known.id, new Date(now.getTime() - 86_400_000))) >=
      VERIFY_MAILS_PER_DAY
  )
    return { sent: true } as const;
  const passwordHash = await hashPassword(body.password);
  const token = randomBytes(32).toString('base64url');
  const lang = body.language === 'en' ? 1 : 0;
  await ctx.database.db.transaction(async (tx) => {
    const account =
      known ??
      (await insertCitizenAccount(tx, {
        username: body.email,
        displayName: body.name,
        passwordHash,
        language: body.language,
      }));
    await repo.insertVerification(tx, {
      tokenHash: hashOf(token),
      userId: account.id,
      expiresAt: new Date(now.getTime() + VERIFY_HOURS * 3_600_000),
    });
    await queueMail(tx, {
      recipient: body.email,
      subject: verifyMailWords.subject[lang],
      body: fillWords(verifyMailWords.body[lang], {
        name: body.name,
        hours: VERIFY_HOURS,
        url: `${ctx.config.publicUrl}/warga/verifikasi?token=${token}`,
      }),
    });
    if (!known)
      await appendAudit(tx, principal, {
        action: 'citizen.registered',
        entity: 'user',
        entityId: account.id,
      });
  });
  return { sent: true } as const;
}

/** Opens the e-mailed link: the account becomes active once; a used or expired link is refused by field. */
export async function verify(ctx: AppContext, principal: Principal, token: string) {
  const now = ctx.clock();
  const tokenHash = hashOf(token);
  const found = await repo.findVerification(ctx.database.db, tokenHash, now);
  const invalid = () =>
    new AppError('VALIDATION', { issues: [{ field: 'body.token', issue: 'verification_invalid' }] });
  if (!found) throw invalid();
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.useVerification(tx, tokenHash, now))) throw invalid();
    await setAccountActive(tx, found.userId, true);
    await appendAudit(tx, principal, { action: 'citizen.verified', entity: 'user', entityId: found.userId });
  });
  return { verified: true } as const;
}

async function proposalOf(ctx: AppContext, code: string) {
  const p = await proposalByCode(ctx, code);
  // Supports and comments begin once the desa has let the proposal through moderation.
  if (!p || p.stage === 'moderasi') throw new AppError('NOT_FOUND', { details: { what: code } });
  return p;
}

export async function supportStateOf(ctx: AppContext, principal: Principal, code: string) {
  return supportState(ctx, principal, await proposalOf(ctx, code));
}

async function supportState(ctx: AppContext, principal: Principal, p: { id: string }) {
  const [row] = await repo.countSupports(ctx.database.db, [p.id]);
  const userId = principal.actor.userId;
  return {
    supports: row?.n ?? 0,
    supported: userId !== undefined && (await repo.hasSupport(ctx.database.db, p.id, userId)),
  };
}

/** One support per account per proposal: a second one changes nothing; withdrawing removes it. */
export async function setSupport(ctx: AppContext, principal: Principal, code: string, on: boolean) {
  const p = await proposalOf(ctx, code);
  const userId = principal.actor.userId!;
  await ctx.database.db.transaction(async (tx) => {
    const changed = on
      ? await repo.insertSupport(tx, p.id, userId)
      : await repo.deleteSupport(tx, p.id, userId);
    if (changed)
      await appendAudit(tx, principal, {
        action: on ? 'proposal.supported' : 'proposal.support_withdrawn',
        entity: 'proposal',
        entityId: p.id,
      });
  });
  return supportState(ctx, principal, p);
}

/** The name a citizen chose to show, as their comments and site reports keep it. */
export async function authorName(ctx: AppContext, userId: string) {
  return (await accountById(ctx, userId))?.user.displayName ?? 'Warga';
}

/** Supports per proposal id (the public list and the forums read them). */
export async function supportCounts(ctx: AppContext, proposalIds: readonly string[]) {
  const rows = await repo.countSupports(ctx.database.db, proposalIds);
  return new Map(rows.map((r) => [r.proposalId, r.n]));
}

const mayModerate = (principal: Principal, regionCode: string) =>
  principal.actor.role !== 'warga' &&
  principal.actor.role !== 'public' &&
  canActInRegion(principal.actor, parseRegionCode(regionCode));

export async function listComments(ctx: AppContext, principal: Principal, code: string) {
  const p = await proposalOf(ctx, code);
  const rows = await repo.findComments(ctx.database.db, p.id);
  const moderator = mayModerate(principal, p.regionCode);
  return {
    items: rows.map((c) => ({
      id: c.id,
      author: c.author,
      body: c.hiddenAt ? null : c.body,
      at: c.createdAt.toISOString(),
      hidden:
        c.hiddenAt && c.hiddenReason && c.hiddenBy
          ? { reason: c.hiddenReason, by: c.hiddenBy, at: c.hiddenAt.toISOString() }
          : null,
      mayHide: moderator && !c.hiddenAt,
    })),
  };
}

export async function addComment(ctx: AppContext, principal: Principal, code: string, body: string) {
  const p = await proposalOf(ctx, code);
  const userId = principal.actor.userId!;
  const since = new Date(ctx.clock().getTime() - 86_400_000);
  if ((await repo.countCommentsSince(ctx.database.db, userId, since)) >= COMMENTS_PER_DAY)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body.comment', issue: 'comment_limit', params: { max: COMMENTS_PER_DAY } }],
    });
  const author = await authorName(ctx, userId);
  await ctx.database.db.transaction(async (tx) => {
    const c = await repo.insertComment(tx, { proposalId: p.id, userId, author, body });
    await appendAudit(tx, principal, {
      action: 'comment.added',
      entity: 'proposal',
      entityId: p.id,
      after: { commentId: c.id },
    });
  });
  return listComments(ctx, principal, code);
}

/**
 * The desa (or its kecamatan, or Bappeda) hides a comment with a reason; the text is kept and the
 * public sees that it was hidden, by which office and why. Hidden once: a second hide is refused.
 */
export async function hideComment(ctx: AppContext, principal: Principal, id: string, reason: string) {
  const c = await repo.findComment(ctx.database.db, id);
  if (!c) throw new AppError('NOT_FOUND', { details: { what: id } });
  const p = await proposalById(ctx, c.proposalId);
  if (!p || !mayModerate(principal, p.regionCode)) throw new AppError('OUT_OF_SCOPE');
  const by = await actorLabel(ctx, principal.actor);
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.hideComment(tx, id, reason, by, ctx.clock())))
      throw new AppError('VALIDATION', { issues: [{ field: 'params.id', issue: 'already_hidden' }] });
    await appendAudit(tx, principal, {
      action: 'comment.hidden',
      entity: 'proposal',
      entityId: p.id,
      after: { commentId: id, reason },
    });
  });
  return listComments(ctx, principal, p.trackingCode);
}

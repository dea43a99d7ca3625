import { type Actor, diffWaiting, digestDue, type StaffRole, type WaitingKind } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { activeAccounts } from '../users/users.facade.ts';
import * as repo from './inbox.repository.ts';
import { inboxOf, type WaitingSource } from './inbox.service.ts';
import { type Lang, type MailSender, notificationMail } from './mail.ts';

type Account = Awaited<ReturnType<typeof activeAccounts>>[number];

/** An active account as the principal its inbox is worked out for. */
export const principalOf = (a: Account): Principal => ({
  actor: {
    role: a.role as StaffRole,
    userId: a.id,
    organisationId: a.organisationId,
    regionCode: a.regionCode,
  } as Actor,
  name: a.displayName,
});
const langOf = (a: Account): Lang => (a.language === 'en' ? 'en' : 'id');

/**
 * One account's sweep: what waits for it now against what it was told, and a notification per
 * kind for the items that started waiting (mailed at once when it asked for that). The keys
 * recorded by this transaction decide: a key another sweep recorded first is not told twice, and
 * a sweep whose view is older than one already applied changes nothing.
 */
export async function sweepAccount(ctx: AppContext, account: Account, sources: readonly WaitingSource[]) {
  const startedAt = ctx.clock();
  const groups = await inboxOf(ctx, principalOf(account), sources);
  return ctx.database.db.transaction(async (tx) => {
    if (!(await repo.claimSweep(tx, account.id, startedAt))) return 0;
    const seen = await repo.findSeen(tx, account.id);
    const { added, gone } = diffWaiting(seen, groups);
    await repo.deleteSeen(tx, account.id, gone);
    const recorded = await repo.insertSeen(
      tx,
      account.id,
      added.flatMap((a) => a.items.map((i) => `${a.kind}:${i.key}`)),
    );
    const rows = added
      .map((a) => ({ ...a, items: a.items.filter((i) => recorded.has(`${a.kind}:${i.key}`)) }))
      .filter((a) => a.items.length)
      .map((a) => ({
        userId: account.id,
        kind: a.kind,
        count: a.items.length,
        title: a.items.length === 1 ? a.items[0]!.title : null,
        link: a.items.length === 1 ? a.items[0]!.link : a.link,
        createdAt: startedAt,
      }));
    const created = await repo.insertNotifications(tx, rows);
    const settings = await repo.findSettings(tx, account.id);
    if (settings?.emailMode === 'each' && settings.email && created.length)
      await repo.queueMail(
        tx,
        created.map((n) =>
          notificationMail(
            { email: settings.email!, name: account.displayName, lang: langOf(account) },
            [{ kind: n.kind as WaitingKind, count: n.count, link: n.link }],
            ctx.config.publicUrl,
          ),
        ),
      );
    return created.length;
  });
}

/** Every active account's sweep; returns the notifications made. */
export async function sweepAll(ctx: AppContext, sources: readonly WaitingSource[]): Promise<number> {
  let made = 0;
  for (const account of await activeAccounts(ctx)) made += await sweepAccount(ctx, account, sources);
  return made;
}

/**
 * The daily digests that are due (DIGEST_HOUR, kabupaten time): the unread notifications since the
 * last digest, in one e-mail, claimed so that one server sends each account's digest once a day.
 */
export async function queueDigests(ctx: AppContext): Promise<number> {
  const now = ctx.clock();
  const accounts = new Map((await activeAccounts(ctx)).map((a) => [a.id, a]));
  let queued = 0;
  for (const s of await repo.findSettingsWithMail(ctx.database.db)) {
    const account = accounts.get(s.userId);
    if (s.emailMode !== 'daily' || !s.email || !account) continue;
    if (!digestDue(now, s.digestSentAt, ctx.config.digestHour, ctx.config.utcOffsetHours)) continue;
    queued += await ctx.database.db.transaction(async (tx) => {
      if (!(await repo.claimDigest(tx, s.userId, s.digestSentAt, now))) return 0;
      const unread = await repo.findUnreadSince(tx, s.userId, s.digestSentAt);
      if (!unread.length) return 0;
      await repo.queueMail(tx, [
        notificationMail(
          { email: s.email!, name: account.displayName, lang: langOf(account) },
          unread.map((n) => ({ kind: n.kind as WaitingKind, count: n.count, link: n.link })),
          ctx.config.publicUrl,
        ),
      ]);
      return 1;
    });
  }
  return queued;
}

/** How long a claimed message is left to its sender before another may try it. */
const LEASE_SECONDS = 120;
/** Retries wait 1, 2, 4... minutes, at most an hour. */
const retryDelayMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

/**
 * Sends what the outbox holds. A message is marked sent only after the SMTP server accepted it; a
 * refusal or a lost connection leaves it for a later try (the error is kept, without the address).
 */
export async function deliverMail(ctx: AppContext, sender: MailSender, batch = 50) {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const now = ctx.clock();
    const claimed = await ctx.database.db.transaction((tx) => repo.claimMail(tx, now, batch, LEASE_SECONDS));
    if (!claimed.length) break;
    for (const m of claimed) {
      try {
        await sender.send({ to: m.recipient, subject: m.subject, text: m.body });
        await repo.markSent(ctx.database.db, m.id, ctx.clock());
        sent++;
      } catch (error) {
        const code =
          (error as { code?: string; responseCode?: number }).responseCode ??
          (error as { code?: string }).code;
        await repo.markFailed(
          ctx.database.db,
          m.id,
          `SMTP ${code ?? 'error'}`,
          new Date(ctx.clock().getTime() + retryDelayMs(m.attempts)),
        );
        failed++;
      }
    }
    if (failed) break;
  }
  return { sent, failed };
}

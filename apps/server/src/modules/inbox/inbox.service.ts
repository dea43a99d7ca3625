import { AppError, type EmailMode, type WaitingGroup, waitingKinds } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import * as repo from './inbox.repository.ts';

/** A module's list of what waits for an account (Module.waiting). */
export type WaitingSource = (ctx: AppContext, principal: Principal) => Promise<WaitingGroup[]>;

const order = new Map(waitingKinds.map((k, i) => [k, i]));

/** What waits for the account, from every module, in the order of the planning year's work. */
export async function inboxOf(
  ctx: AppContext,
  principal: Principal,
  sources: readonly WaitingSource[],
): Promise<WaitingGroup[]> {
  if (principal.actor.role === 'public') return [];
  const groups: WaitingGroup[] = [];
  // One after the other: on PGlite every query waits its turn anyway.
  for (const source of sources) groups.push(...(await source(ctx, principal)));
  return groups.sort((a, b) => order.get(a.kind)! - order.get(b.kind)!);
}

const userOf = (principal: Principal) => {
  if (!principal.actor.userId) throw new AppError('UNAUTHENTICATED');
  return principal.actor.userId;
};

/** The bell: the latest notifications and how many are unread. */
export async function listNotifications(ctx: AppContext, principal: Principal, limit = 30) {
  const userId = userOf(principal);
  const db = ctx.database.db;
  const [items, unread] = await Promise.all([
    repo.findNotifications(db, userId, limit),
    repo.countUnread(db, userId),
  ]);
  return { unread, items };
}

/** Marks one of the account's notifications read (NOT_FOUND for another's), or all of them. */
export async function readNotifications(ctx: AppContext, principal: Principal, id: string | null) {
  const userId = userOf(principal);
  const changed = await repo.markRead(ctx.database.db, userId, id, ctx.clock());
  // Nothing changed: already read, or not this account's (which is not found, as any other id).
  if (id && changed === 0 && !(await repo.isNotificationOf(ctx.database.db, userId, id)))
    throw new AppError('NOT_FOUND');
  return listNotifications(ctx, principal);
}

export async function getSettings(ctx: AppContext, principal: Principal) {
  const row = await repo.findSettings(ctx.database.db, userOf(principal));
  const emailMode = (row?.emailMode ?? 'off') as EmailMode;
  return { email: row?.email ?? null, emailMode, mailEnabled: ctx.config.mail !== null };
}

/** An e-mail mode needs an address; an empty address turns e-mail off. */
export async function saveSettings(
  ctx: AppContext,
  principal: Principal,
  body: { email: string | null; emailMode: string },
) {
  const email = body.email?.trim() || null;
  if (body.emailMode !== 'off' && !email)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.email', issue: 'required' }] });
  await repo.upsertSettings(
    ctx.database.db,
    { userId: userOf(principal), email, emailMode: email ? body.emailMode : 'off' },
    ctx.clock(),
  );
  return getSettings(ctx, principal);
}

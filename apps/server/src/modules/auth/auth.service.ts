import type { SessionInfo } from '@sinergi/contracts';
import {
  type Actor,
  AppError,
  can,
  citizenRole,
  lockoutMinutes,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
  permissions,
} from '@sinergi/core';
import type { Config } from '../../config.ts';
import type { AppContext, Principal } from '../../context.ts';
import { ChangeAwareCache } from '../../db/change-aware-cache.ts';
import type { ChangeFeed } from '../../db/changes.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { presentSessionUser } from './auth.presenter.ts';
import * as repo from './auth.repository.ts';
import { dummyPasswordHash, hashPassword, newToken, sessionIdOf, verifyPassword } from './password-hash.ts';

/** Shown on the login page in demo mode, refused in production mode. */
export const DEMO_PASSWORD = 'sinergi-demo';

export interface ResolvedSession {
  principal: Principal;
  sessionId: string;
  csrfToken: string;
  info: SessionInfo;
}

/** Refuses a password that breaks the rules; in production the demo password too. */
export function assertAcceptablePassword(
  config: Config,
  username: string,
  password: string,
  field = 'password',
) {
  const problem = passwordProblem(password, username);
  if (problem) {
    const issue = problem === 'too_short' ? 'too_short_password' : problem;
    throw new AppError('WEAK_PASSWORD', {
      issues: [{ field: `body.${field}`, issue, params: { minimum: PASSWORD_MIN_LENGTH } }],
    });
  }
  if (config.mode === 'production' && password === DEMO_PASSWORD) throw new AppError('DEMO_PASSWORD_REFUSED');
}

export function sessionInfoFor(
  config: Config,
  actor: Actor,
  user: SessionInfo['user'],
  csrfToken: string | null,
) {
  return {
    user,
    csrfToken,
    permissions: permissions.filter((p) => can(actor, p)),
    mode: config.mode,
    demoPassword: config.mode === 'demo' ? DEMO_PASSWORD : null,
  } satisfies SessionInfo;
}

export async function login(ctx: AppContext, input: { username: string; password: string }) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const user = await repo.findUserByUsername(db, input.username);
  if (!user?.active) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const principal: Principal = { actor: actorOf(user), name: user.username };
  // A locked account answers as an unknown one does (same words, same work), so the answer does
  // not tell which usernames exist; the message says an account may be locked for a while.
  if (user.lockedUntil && user.lockedUntil > now) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    await failedAttempt(ctx, principal, user.id);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  await db.transaction(async (tx) => {
    await repo.setLoginOutcome(tx, user.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: now });
    await repo.insertSession(tx, { id: sessionIdOf(token), userId: user.id, csrfToken, expiresAt });
    await appendAudit(tx, principal, {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
    });
  });
  return { token, expiresAt };
}

interface KnownSession {
  session: ResolvedSession;
  expiresAt: number;
  readAt: number;
}

/** What a resolved session is read from: a change to any of them drops every remembered session. */
const SESSION_TABLES: ReadonlySet<string> = new Set([
  'sessions',
  'users',
  'organisations',
  'regions',
  'region_editions',
]);
/** A remembered session is read again after this long, so last_seen_at still moves. */
const REMEMBER_SESSION_MS = 30_000;
const knownSessions = new WeakMap<ChangeFeed, ChangeAwareCache<KnownSession>>();

function knownSessionsOf(ctx: AppContext) {
  const feed = ctx.database.changes;
  const known = knownSessions.get(feed);
  if (known) return known;
  const cache = new ChangeAwareCache<KnownSession>(feed, { max: 10_000 });
  knownSessions.set(feed, cache);
  return cache;
}

/**
 * The session a cookie names, remembered for up to 30 s (by the app's clock) so a request costs no
 * query; a sign-out, a changed account or role, a deactivation drops it at once (db/changes.ts).
 */
export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession | null> {
  const { db } = ctx.database;
  const now = ctx.clock();
  const id = sessionIdOf(token);
  const known = knownSessionsOf(ctx);
  const hit = known.get(id);
  if (hit && now.getTime() < hit.expiresAt && now.getTime() - hit.readAt < REMEMBER_SESSION_MS)
    return hit.session;
  const ticket = known.ticket();
  const row = await repo.findLiveSession(db, id, now);
  if (!row) return null;
  // Refresh last_seen_at at most once a minute: a read should not cost a write every time.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) await repo.touchSession(db, row.sessionId, now);
  const user = presentSessionUser(row.user, row.organisationName, row.regionName);
  const actor = actorOf(row.user);
  const session: ResolvedSession = {
    principal: { actor, name: row.user.username },
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    info: sessionInfoFor(ctx.config, actor, user, row.csrfToken),
  };
  const remembered = { session, expiresAt: row.expiresAt.getTime(), readAt: now.getTime() };
  known.set(id, remembered, SESSION_TABLES, ticket);
  return session;
}

export function actorOf(user: repo.UserRow): Actor {
  if (user.role === citizenRole) return { role: citizenRole, userId: user.id };
  return {
    role: user.role as Exclude<Actor['role'], 'public' | typeof citizenRole>,
    userId: user.id,
    organisationId: user.organisationId,
    regionCode: user.regionCode as never,
  };
}

export async function logout(ctx: AppContext, session: ResolvedSession): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    await repo.deleteSession(tx, session.sessionId);
    await appendAudit(tx, session.principal, {
      action: 'auth.logout',
      entity: 'user',
      entityId: session.principal.actor.userId ?? '',
    });
  });
}

/** One wrong password (at sign-in or when changing it), counted atomically, locking at the threshold. */
async function failedAttempt(ctx: AppContext, principal: Principal, userId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const outcome = await repo.recordFailedLogin(tx, userId, ctx.clock(), lockoutMinutes);
    await appendAudit(tx, principal, {
      action: outcome.lockedUntil ? 'auth.locked' : 'auth.login_failed',
      entity: 'user',
      entityId: userId,
      after: {
        failedAttempts: outcome.failedAttempts,
        lockedUntil: outcome.lockedUntil?.toISOString() ?? null,
      },
    });
  });
}

export async function changePassword(
  ctx: AppContext,
  session: ResolvedSession,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { db } = ctx.database;
  const userId = session.principal.actor.userId!;
  const user = await repo.findUserById(db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  // The current password is guessed no faster here than at sign-in: the same counter and lockout.
  const locked = !!user.lockedUntil && user.lockedUntil > ctx.clock();
  if (locked || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    if (!locked) await failedAttempt(ctx, session.principal, userId);
    throw new AppError('INVALID_CREDENTIALS', {
      issues: [{ field: 'body.currentPassword', issue: 'custom' }],
    });
  }
  assertAcceptablePassword(ctx.config, user.username, input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.setPasswordHash(tx, userId, passwordHash, ctx.clock());
    // Every other session of this user ends: a changed password must lock out whoever had the old one.
    await repo.deleteSessionsOfUser(tx, userId, session.sessionId);
    await appendAudit(tx, session.principal, {
      action: 'auth.password_changed',
      entity: 'user',
      entityId: userId,
    });
  });
}

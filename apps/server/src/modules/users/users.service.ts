import {
  AppError,
  type FieldIssue,
  isWithin,
  levelOf,
  parseRegionCode,
  type Role,
  scopeRequiredFor,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { deleteSessionsOfUser } from '../auth/auth.repository.ts';
import { assertAcceptablePassword } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { getOrganisation } from '../organisations/organisations.service.ts';
import { findRegion } from '../regions/regions.service.ts';
import { auditView } from './users.presenter.ts';
import * as repo from './users.repository.ts';

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  role: Exclude<Role, 'public'>;
  organisationId?: string | null | undefined;
  regionCode?: string | null | undefined;
}

/**
 * An account's scope must fit its role: opd needs an organisation; kecamatan and desa need a
 * region of that level inside the active kabupaten; other roles take neither.
 */
async function checkScope(
  ctx: AppContext,
  role: Role,
  scope: { organisationId: string | null; regionCode: string | null },
): Promise<void> {
  const need = scopeRequiredFor(role);
  const issues: FieldIssue[] = [];
  if (need === 'organisation') {
    if (!scope.organisationId) issues.push({ field: 'body.organisationId', issue: 'scope_required' });
    else if (!(await getOrganisation(ctx, scope.organisationId).catch(() => null)))
      issues.push({ field: 'body.organisationId', issue: 'not_found' });
  } else if (scope.organisationId) {
    issues.push({ field: 'body.organisationId', issue: 'scope_not_allowed' });
  }
  if (need === 'kecamatan' || need === 'desa') {
    if (!scope.regionCode) {
      issues.push({ field: 'body.regionCode', issue: 'scope_required' });
    } else {
      const code = parseRegionCode(scope.regionCode);
      const region = await findRegion(ctx, code);
      const kab = parseRegionCode(ctx.config.activeKabupaten);
      if (!region || !isWithin(code, kab)) issues.push({ field: 'body.regionCode', issue: 'not_found' });
      else if (levelOf(code) !== need)
        issues.push({ field: 'body.regionCode', issue: 'wrong_level', params: { level: need } });
    }
  } else if (scope.regionCode) {
    issues.push({ field: 'body.regionCode', issue: 'scope_not_allowed' });
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
}

export async function findUsers(ctx: AppContext, filter: Parameters<typeof repo.findUsers>[1]) {
  return repo.findUsers(ctx.database.db, filter);
}

export async function getUser(ctx: AppContext, id: string) {
  const row = await repo.findUserWithNames(ctx.database.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createUser(ctx: AppContext, principal: Principal, input: UserInput) {
  const organisationId = input.organisationId ?? null;
  const regionCode = input.regionCode ?? null;
  assertAcceptablePassword(ctx.config, input.username, input.password);
  await checkScope(ctx, input.role, { organisationId, regionCode });
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.database.db.transaction(async (tx) => {
    if (await repo.usernameTaken(tx, input.username)) {
      throw new AppError('CONFLICT', {
        details: { what: input.username },
        issues: [{ field: 'body.username', issue: 'taken' }],
      });
    }
    const row = await repo.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      organisationId,
      regionCode,
    });
    await appendAudit(tx, principal, {
      action: 'user.created',
      entity: 'user',
      entityId: row.id,
      after: auditView(row),
    });
    return row.id;
  });
  return getUser(ctx, id);
}

export interface UserPatch {
  displayName?: string | undefined;
  role?: Exclude<Role, 'public'> | undefined;
  organisationId?: string | null | undefined;
  regionCode?: string | null | undefined;
  active?: boolean | undefined;
  unlock?: true | undefined;
  password?: string | undefined;
}

export async function updateUser(ctx: AppContext, principal: Principal, id: string, patch: UserPatch) {
  const { user: before } = await getUser(ctx, id);
  const role = patch.role ?? (before.role as UserPatch['role'])!;
  // Changing the role resets a scope the new role does not take, unless a new scope is given.
  const need = scopeRequiredFor(role);
  const organisationId =
    patch.organisationId !== undefined
      ? patch.organisationId
      : need === 'organisation'
        ? before.organisationId
        : null;
  const regionCode =
    patch.regionCode !== undefined
      ? patch.regionCode
      : need === 'kecamatan' || need === 'desa'
        ? before.regionCode
        : null;
  await checkScope(ctx, role, { organisationId, regionCode });
  if (patch.password !== undefined) assertAcceptablePassword(ctx.config, before.username, patch.password);
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  const demotesAdmin = before.role === 'admin' && (role !== 'admin' || patch.active === false);
  await ctx.database.db.transaction(async (tx) => {
    if (demotesAdmin && (await repo.countAdmins(tx)) <= 1) {
      throw new AppError('CONFLICT', {
        details: { what: before.username },
        issues: [{ field: patch.active === false ? 'body.active' : 'body.role', issue: 'last_admin' }],
      });
    }
    const after = await repo.updateUser(tx, id, {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      role,
      organisationId,
      regionCode,
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.unlock ? { lockedUntil: null, failedAttempts: 0 } : {}),
      ...(passwordHash ? { passwordHash } : {}),
      updatedAt: ctx.clock(),
    });
    // A changed role, scope, password or a deactivation ends the account's sessions at once.
    const endsSessions =
      passwordHash ||
      patch.active === false ||
      role !== before.role ||
      organisationId !== before.organisationId ||
      regionCode !== before.regionCode;
    if (endsSessions) await deleteSessionsOfUser(tx, id);
    await appendAudit(tx, principal, {
      action: passwordHash ? 'user.updated_password_reset' : 'user.updated',
      entity: 'user',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
  });
  return getUser(ctx, id);
}

import type { User } from '@sinergi/contracts';
import type { UserRow } from './users.repository.ts';

/** Whitelists what an admin sees of an account: never the password hash. */
export function presentUser(
  row: { user: UserRow; organisationName: string | null; regionName: string | null },
  now: Date,
): User {
  const u = row.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as User['role'],
    organisationId: u.organisationId,
    organisationName: row.organisationName,
    regionCode: u.regionCode,
    regionName: row.regionName,
    active: u.active,
    locked: u.lockedUntil != null && u.lockedUntil > now,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** What the audit log keeps of an account: no password hash. */
export function auditView(u: UserRow) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    organisationId: u.organisationId,
    regionCode: u.regionCode,
    active: u.active,
  };
}

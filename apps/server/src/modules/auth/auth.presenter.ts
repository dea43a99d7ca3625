import type { SessionUser } from '@sinergi/contracts';
import type { UserRow } from './auth.repository.ts';

export function presentSessionUser(
  user: UserRow,
  organisationName: string | null,
  regionName: string | null,
): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as SessionUser['role'],
    organisationId: user.organisationId,
    organisationName,
    regionCode: user.regionCode,
    regionName,
    language: user.language === 'en' ? 'en' : 'id',
  };
}

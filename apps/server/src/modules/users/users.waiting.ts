import type { WaitingGroup } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { WAITING_LIMIT } from '../module.ts';
import * as repo from './users.repository.ts';

/** For the admin: accounts locked by failed sign-ins (someone may be locked out, or tried). */
export async function waitingInUsers(ctx: AppContext, principal: Principal): Promise<WaitingGroup[]> {
  if (principal.actor.role !== 'admin') return [];
  const rows = await repo.findLocked(ctx.database.db, ctx.clock());
  if (!rows.length) return [];
  return [
    {
      kind: 'accounts.locked',
      link: '/pengguna',
      total: rows.length,
      items: rows.slice(0, WAITING_LIMIT).map((u) => ({
        key: `${u.id}:${u.lockedUntil?.toISOString()}`,
        title: u.username,
        link: '/pengguna',
      })),
    },
  ];
}

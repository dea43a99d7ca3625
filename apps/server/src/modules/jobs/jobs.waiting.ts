import type { WaitingGroup } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { WAITING_LIMIT } from '../module.ts';
import * as repo from './jobs.repository.ts';

/** How far back a failed job still waits for the admin to look at it. */
const FAILED_WITHIN_DAYS = 7;

/** For the admin: background jobs (imports, loads, backups) that failed in the last week. */
export async function waitingInJobs(ctx: AppContext, principal: Principal): Promise<WaitingGroup[]> {
  if (principal.actor.role !== 'admin') return [];
  const since = new Date(ctx.clock().getTime() - FAILED_WITHIN_DAYS * 86_400_000);
  const rows = await repo.findFailedSince(ctx.database.db, since);
  if (!rows.length) return [];
  return [
    {
      kind: 'jobs.failed',
      link: '/pekerjaan',
      total: rows.length,
      items: rows.slice(0, WAITING_LIMIT).map((j) => ({ key: j.id, title: j.kind, link: '/pekerjaan' })),
    },
  ];
}

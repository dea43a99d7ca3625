import type { WaitingGroup } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { WAITING_LIMIT } from '../module.ts';
import { proposalsAtStep } from '../musrenbang/musrenbang.facade.ts';
import * as repo from './citizens.repository.ts';

/**
 * A citizen's bell (issue 20): each proposal the account supports, keyed by where it stands on its
 * path, so the notification sweep tells the citizen every time one takes a step (forwarded,
 * deferred, rejected, funded), with its public page one click away.
 */
export async function waitingForCitizen(ctx: AppContext, principal: Principal): Promise<WaitingGroup[]> {
  const { actor } = principal;
  if (actor.role !== 'warga' || !actor.userId) return [];
  const ids = await repo.findSupportedIds(ctx.database.db, actor.userId);
  if (ids.length === 0) return [];
  const rows = await proposalsAtStep(ctx, ids);
  return [
    {
      kind: 'supports.moved',
      link: '/usulan-publik',
      total: rows.length,
      items: rows.slice(0, WAITING_LIMIT).map((p) => ({
        key: `${p.id}:${p.version}`,
        title: `${p.title} (${p.trackingCode})`,
        link: `/lacak/${p.trackingCode}`,
      })),
    },
  ];
}

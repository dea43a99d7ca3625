import type { WaitingGroup } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { WAITING_LIMIT } from '../module.ts';
import * as repo from './allocation.repository.ts';

/** Bappeda's scenarios still in draft; for the council, each scenario adopted (what the year funds). */
export async function waitingInAllocation(ctx: AppContext, principal: Principal): Promise<WaitingGroup[]> {
  const role = principal.actor.role;
  const step =
    role === 'perencana'
      ? { kind: 'scenarios.draft' as const, state: 'draf' }
      : role === 'dprd'
        ? { kind: 'scenarios.adopted' as const, state: 'diadopsi' }
        : null;
  if (!step) return [];
  const rows = await repo.findScenariosInState(ctx.database.db, step.state);
  if (!rows.length) return [];
  return [
    {
      kind: step.kind,
      link: '/skenario',
      total: rows.length,
      items: rows.slice(0, WAITING_LIMIT).map((s) => ({
        key: s.id,
        title: `${s.name} (${s.planYear})`,
        link: `/skenario/${s.id}`,
      })),
    },
  ];
}

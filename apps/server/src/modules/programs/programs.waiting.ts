import { canActInRegion, canManageProgram, parseRegionCode, type WaitingGroup } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { WAITING_LIMIT } from '../module.ts';
import * as repo from './programs.repository.ts';

/**
 * What waits in programs: payment cycles submitted for Bappeda's approval, cycles returned to the
 * agency that runs them, and grievances not yet settled (for the agency of the program, and for the
 * desa and kecamatan where the complaint was made). Titles name the program, never the person.
 */
export async function waitingInPrograms(ctx: AppContext, principal: Principal): Promise<WaitingGroup[]> {
  const actor = principal.actor;
  const db = ctx.database.db;
  const groups: WaitingGroup[] = [];
  const push = (kind: WaitingGroup['kind'], list: { key: string; title: string; link: string }[]) => {
    if (list.length)
      groups.push({ kind, link: '/program', total: list.length, items: list.slice(0, WAITING_LIMIT) });
  };
  const cycleItem = (c: Awaited<ReturnType<typeof repo.findCyclesInState>>[number]) => ({
    key: `${c.id}:${(c.steps as unknown[]).length}`,
    title: `${c.programName}, ${c.period}`,
    link: `/program/${c.programId}`,
  });
  if (actor.role === 'perencana')
    push('cycles.approve', (await repo.findCyclesInState(db, 'diajukan')).map(cycleItem));
  if (actor.role === 'opd') {
    const returned = (await repo.findCyclesInState(db, 'draf')).filter(
      (c) => canManageProgram(actor, c) && (c.steps as { action: string }[]).at(-1)?.action === 'kembalikan',
    );
    push('cycles.returned', returned.map(cycleItem));
  }
  if (actor.role === 'opd' || actor.role === 'desa' || actor.role === 'kecamatan') {
    const open = (await repo.findOpenGrievances(db)).filter((g) =>
      actor.role === 'opd'
        ? canManageProgram(actor, g)
        : canActInRegion(actor, parseRegionCode(g.regionCode)),
    );
    push(
      'grievances.open',
      open.map((g) => ({ key: g.id, title: g.programName, link: `/program/${g.programId}` })),
    );
  }
  return groups;
}

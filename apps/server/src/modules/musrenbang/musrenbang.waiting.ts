import type { WaitingGroup, WaitingKind } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { WAITING_LIMIT } from '../module.ts';
import * as forumsRepo from './forums.repository.ts';
import { mineFilter } from './musrenbang.list.ts';
import * as repo from './musrenbang.repository.ts';

const kindOf = (stage: string): WaitingKind =>
  stage === 'moderasi' ? 'aspirations.moderate' : (`proposals.${stage}` as WaitingKind);

/**
 * What waits in Musrenbang: the proposals at the step this account decides (by stage, the list the
 * "menunggu keputusan saya" filter shows), the forums of its area still to hold, and a council
 * member's own pokir while they travel. The admin may decide anywhere but waits for none of it.
 */
export async function waitingInMusrenbang(ctx: AppContext, principal: Principal): Promise<WaitingGroup[]> {
  const actor = principal.actor;
  const db = ctx.database.db;
  const groups: WaitingGroup[] = [];
  if (actor.role === 'public' || actor.role === 'admin') return groups;
  const mine = mineFilter(actor);
  for (const stage of mine.stages ?? []) {
    const { rows, total } = await repo.listProposals(db, {
      ...mine,
      stages: undefined,
      stage,
      state: 'aktif',
      limit: WAITING_LIMIT,
      offset: 0,
    });
    if (!total) continue;
    groups.push({
      kind: kindOf(stage),
      link: `/usulan?tahap=${stage}&saya=1`,
      total,
      items: rows.map(({ p }) => ({
        key: p.id,
        title: `${p.title} (${p.trackingCode})`,
        link: `/usulan/${p.id}`,
      })),
    });
  }
  if (actor.role === 'desa' || actor.role === 'kecamatan') {
    const forums = await forumsRepo.findOpenForums(db, actor.regionCode ?? '-');
    if (forums.length)
      groups.push({
        kind: 'forums.hold',
        link: '/forum',
        total: forums.length,
        items: forums
          .slice(0, WAITING_LIMIT)
          .map((f) => ({ key: f.id, title: f.title, link: `/forum/${f.id}` })),
      });
  }
  if (actor.role === 'dprd') {
    const { rows, total } = await repo.listProposals(db, {
      track: 'pokir',
      state: 'aktif',
      proposer: actor.userId,
      limit: WAITING_LIMIT,
      offset: 0,
    });
    // Keyed by step too, so each move of a pokir is news to the member who entered it.
    if (total)
      groups.push({
        kind: 'pokir.active',
        link: '/usulan',
        total,
        items: rows.map(({ p }) => ({
          key: `${p.id}:${p.stage}`,
          title: `${p.title} (${p.trackingCode})`,
          link: `/usulan/${p.id}`,
        })),
      });
  }
  return groups;
}

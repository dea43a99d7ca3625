import type { Actor } from '../auth/policy.ts';
import { canActInRegion } from '../auth/policy.ts';
import type { FieldIssue } from '../errors/app-error.ts';
import { parseRegionCode } from '../regions/region-code.ts';
import { defineMachine, reasonNeed } from './machine.ts';

/**
 * A Musrenbang forum (Permendagri 86/2017: musrenbang desa, kecamatan and kabupaten each end in a
 * berita acara): in session (draf) until it closes with a decision on every proposal of its
 * agenda; closed (selesai) it is the record. Only the level above may reopen it, with a reason
 * that the berita acara then shows.
 */
export const forumStates = ['draf', 'selesai'] as const;
export type ForumState = (typeof forumStates)[number];

export interface ForumItemFacts {
  /** The proposal's tracking code, to name it in a refusal. */
  code: string;
  /** Scores (or votes) are saved for it: the ranking the decisions rest on. */
  scored: boolean;
  decided: boolean;
}

export interface ForumFacts {
  /** Participants recorded in the attendance (the total the forum saved). */
  participants: number;
  /** The least attendance the office set for a valid forum, or null for "at least one". */
  quorum: number | null;
  items: readonly ForumItemFacts[];
  /** The reason for reopening. */
  reason?: string | null;
}

function closeNeeds(f: ForumFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.participants <= 0) issues.push({ field: 'forum.participants', issue: 'attendance_missing' });
  else if (f.quorum !== null && f.participants < f.quorum)
    issues.push({
      field: 'forum.participants',
      issue: 'below_quorum',
      params: { quorum: f.quorum, total: f.participants },
    });
  f.items.forEach((it, i) => {
    const field = `agenda.${i}`;
    if (!it.scored) issues.push({ field, issue: 'not_scored', params: { code: it.code } });
    if (!it.decided) issues.push({ field, issue: 'decision_missing', params: { code: it.code } });
  });
  return issues;
}

export const forumMachine = defineMachine<ForumState, 'tutup' | 'buka_kembali', ForumFacts>({
  name: 'forum',
  states: forumStates,
  steps: {
    tutup: { from: ['draf'], to: 'selesai', needs: closeNeeds },
    buka_kembali: { from: ['selesai'], to: 'draf', backwards: true, needs: (f) => reasonNeed(f.reason) },
  },
});

/**
 * The level above a forum, who alone may reopen it: the kecamatan (or Bappeda) for a desa forum,
 * Bappeda for a kecamatan forum, the admin for the kabupaten forum. The admin may reopen any.
 */
export function canReopenForum(actor: Actor, f: { level: string; regionCode: string }): boolean {
  if (actor.role === 'admin') return true;
  if (f.level === 'desa')
    return (
      actor.role === 'perencana' ||
      (actor.role === 'kecamatan' && canActInRegion(actor, parseRegionCode(f.regionCode)))
    );
  if (f.level === 'kecamatan') return actor.role === 'perencana';
  return false;
}

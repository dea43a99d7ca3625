import type { Actor } from '../auth/policy.ts';
import { defineMachine, reasonNeed } from '../workflow/machine.ts';

/**
 * The payment cycle of a repeating program (issue 7): made as a draft, submitted for approval,
 * approved by the kabupaten (not by whoever submitted it), distributed, ended. A submitted cycle
 * may be returned to draft with a note.
 */
export const cycleStates = ['draf', 'diajukan', 'disetujui', 'disalurkan', 'selesai'] as const;
export type CycleState = (typeof cycleStates)[number];
export const cycleActions = ['ajukan', 'setujui', 'kembalikan', 'salurkan', 'tutup'] as const;
export type CycleAction = (typeof cycleActions)[number];

/** Who takes each step: the program's agency runs the cycle, the kabupaten approves or returns it. */
const takenBy: Record<CycleAction, 'pelaksana' | 'penyetuju'> = {
  ajukan: 'pelaksana',
  setujui: 'penyetuju',
  kembalikan: 'penyetuju',
  salurkan: 'pelaksana',
  tutup: 'pelaksana',
};

/** The cycle as a machine: returning a submitted cycle moves it back and needs a note. */
export const cycleMachine = defineMachine<CycleState, CycleAction, { note?: string | null }>({
  name: 'payment_cycle',
  states: cycleStates,
  steps: {
    ajukan: { from: ['draf'], to: 'diajukan' },
    setujui: { from: ['diajukan'], to: 'disetujui' },
    kembalikan: {
      from: ['diajukan'],
      to: 'draf',
      backwards: true,
      needs: (f) => reasonNeed(f.note, 'body.note'),
    },
    salurkan: { from: ['disetujui'], to: 'disalurkan' },
    tutup: { from: ['disalurkan'], to: 'selesai' },
  },
});

export interface CycleStep {
  action: CycleAction;
  from: CycleState;
  to: CycleState;
  by: string;
  byUserId: string | null;
  at: string;
  note: string;
}

/**
 * Whether `actor` may take `action` on a cycle in `state`: the program's agency (or Bappeda) runs
 * it; approval is Bappeda's or the admin's, and never by the account that submitted it.
 */
export function cycleMove(
  action: CycleAction,
  state: CycleState,
  actor: Actor,
  runsProgram: boolean,
  submittedBy: string | null,
): { ok: true; to: CycleState } | { ok: false; reason: 'state' | 'role' | 'four_eyes' } {
  const m = { ...cycleMachine.steps[action], who: takenBy[action] };
  if (!m.from.includes(state)) return { ok: false, reason: 'state' };
  if (m.who === 'pelaksana' && !runsProgram) return { ok: false, reason: 'role' };
  if (m.who === 'penyetuju') {
    if (actor.role !== 'perencana' && actor.role !== 'admin') return { ok: false, reason: 'role' };
    if (submittedBy && actor.userId === submittedBy) return { ok: false, reason: 'four_eyes' };
  }
  return { ok: true, to: m.to };
}

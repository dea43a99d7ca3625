import { type Actor, canActInRegion, type Permission } from '../auth/policy.ts';
import type { RegionCode } from '../types.ts';
import { defineMachine, reasonNeed, takeStep } from '../workflow/machine.ts';

/**
 * The sign-off chain of a year's index for one desa (berita acara penetapan status desa):
 * the desa enters and submits, the kecamatan verifies, the kabupaten approves; either may send it
 * back. Approved years are locked. Official results imported from Kemendesa arrive approved.
 */
export const entryStates = ['draft', 'submitted', 'verified', 'approved'] as const;
export type EntryState = (typeof entryStates)[number];
export type EntryAction = 'save' | 'submit' | 'verify' | 'approve' | 'return';

/**
 * The chain as a machine: "null" is a desa that has entered nothing yet. Returning an entry moves
 * it back and so needs a reason, which the desa then reads.
 */
export const entryMachine = defineMachine<EntryState | 'kosong', EntryAction, { note?: string | null }>({
  name: 'village_index',
  states: ['kosong', ...entryStates],
  steps: {
    save: { from: ['kosong', 'draft'], to: 'draft' },
    submit: { from: ['draft'], to: 'submitted' },
    verify: { from: ['submitted'], to: 'verified' },
    approve: { from: ['verified'], to: 'approved' },
    return: {
      from: ['submitted', 'verified'],
      to: 'draft',
      backwards: true,
      needs: (f) => reasonNeed(f.note, 'body.note'),
    },
  },
});
const allowed = entryMachine.steps;

/** The state after `action`, or INVALID_STATE when the chain does not allow it (VALIDATION for a return without a reason). */
export function nextEntryState(
  state: EntryState | null,
  action: EntryAction,
  note?: string | null,
): EntryState {
  return takeStep(entryMachine, state ?? 'kosong', action, { note: note ?? null }) as EntryState;
}

/** The permission each step needs. */
export const entryStepPermission: Record<EntryAction, Permission> = {
  save: 'index.enter',
  submit: 'index.enter',
  verify: 'index.verify',
  approve: 'index.approve',
  return: 'index.return',
};

/**
 * Whether an office may take this step for this desa, whatever the state: the desa enters and
 * submits its own scores, its kecamatan verifies, the kabupaten (Bappeda, the admin) approves; the
 * kecamatan or the kabupaten returns. `out_of_scope` is the right office for another area.
 */
export function entryStep(
  actor: Actor,
  action: EntryAction,
  desa: RegionCode,
): 'ok' | 'forbidden' | 'out_of_scope' {
  const kabupaten = actor.role === 'admin' || actor.role === 'perencana';
  const office =
    action === 'save' || action === 'submit'
      ? actor.role === 'desa'
      : action === 'verify'
        ? actor.role === 'kecamatan'
        : action === 'approve'
          ? kabupaten
          : kabupaten || actor.role === 'kecamatan';
  if (!office) return 'forbidden';
  if (kabupaten) return 'ok';
  return canActInRegion(actor, desa) ? 'ok' : 'out_of_scope';
}

/** The steps this actor can take now on a desa's entry in this state (for the page to offer them). */
export function entryAbilities(actor: Actor, desa: RegionCode, state: EntryState | null) {
  const may = (action: EntryAction) =>
    entryStep(actor, action, desa) === 'ok' && allowed[action].from.includes(state ?? 'kosong');
  return {
    save: may('save'),
    submit: may('submit'),
    verify: may('verify'),
    approve: may('approve'),
    return: may('return'),
  };
}

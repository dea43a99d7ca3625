import { AppError } from '../errors/app-error.ts';

/**
 * The sign-off chain of a year's index for one desa (berita acara penetapan status desa):
 * the desa enters and submits, the kecamatan verifies, the kabupaten approves; either may send it
 * back. Approved years are locked. Official results imported from Kemendesa arrive approved.
 */
export const entryStates = ['draft', 'submitted', 'verified', 'approved'] as const;
export type EntryState = (typeof entryStates)[number];
export type EntryAction = 'save' | 'submit' | 'verify' | 'approve' | 'return';

const allowed: Record<EntryAction, { from: readonly (EntryState | null)[]; to: EntryState }> = {
  save: { from: [null, 'draft'], to: 'draft' },
  submit: { from: ['draft'], to: 'submitted' },
  verify: { from: ['submitted'], to: 'verified' },
  approve: { from: ['verified'], to: 'approved' },
  return: { from: ['submitted', 'verified'], to: 'draft' },
};

/** The state after `action`, or INVALID_STATE when the chain does not allow it. */
export function nextEntryState(state: EntryState | null, action: EntryAction): EntryState {
  const rule = allowed[action];
  if (!rule.from.includes(state))
    throw new AppError('INVALID_STATE', { details: { action, state: state ?? 'kosong' } });
  return rule.to;
}

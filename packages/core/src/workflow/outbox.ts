import { defineMachine } from './machine.ts';

/**
 * A write kept on a device without a connection (the web app's outbox, issue 20). It waits until
 * sent; the server's answer decides what follows: done, changed meanwhile (stale: someone edited
 * the record since the operator loaded it), refused (a rule says no), or the session ended. Only the
 * operator takes a write out of the queue unsent (discard), and only once the server has said why
 * it cannot go as it is: a waiting write is never dropped.
 */
export const outgoingStates = ['waiting', 'stale', 'refused', 'signin', 'sent', 'discarded'] as const;
export type OutgoingStatus = (typeof outgoingStates)[number];
export type OutgoingAction = 'deliver' | 'find_stale' | 'refuse' | 'expire_session' | 'send_mine' | 'discard';

export const outgoingMachine = defineMachine<OutgoingStatus, OutgoingAction, Record<string, never>>({
  name: 'outgoing',
  states: outgoingStates,
  steps: {
    deliver: { from: ['waiting'], to: 'sent' },
    find_stale: { from: ['waiting'], to: 'stale' },
    refuse: { from: ['waiting'], to: 'refused' },
    expire_session: { from: ['waiting'], to: 'signin' },
    // Sent again as the operator chose: based on the version there is now, confirmed, signed in.
    send_mine: { from: ['stale', 'refused', 'signin'], to: 'waiting' },
    discard: { from: ['stale', 'refused', 'signin'], to: 'discarded' },
  },
});

/**
 * What an answer to a send means for the write: the step it takes, or null to keep it waiting and
 * try later (no answer at all, the server failing or busy, the same write still under way).
 */
export function deliveryStep(answer: { status: number; code?: string | undefined }): OutgoingAction | null {
  const { status, code } = answer;
  if (status >= 200 && status < 300) return 'deliver';
  if (status === 0 || status >= 500 || status === 429 || code === 'IN_PROGRESS') return null;
  if (status === 401) return 'expire_session';
  if (code === 'STALE') return 'find_stale';
  return 'refuse';
}

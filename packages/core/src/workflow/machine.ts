import { AppError, type FieldIssue } from '../errors/app-error.ts';

/**
 * One shape for every workflow of Sinergi (issue 16): a step names the states it may start from,
 * the state it leads to, and what it needs, as field issues a person can act on ("tulis alasan",
 * "daftar hadir kosong"). A step from the wrong state is INVALID_STATE; a step whose needs are not
 * met is VALIDATION with every unmet need, so a page can say all of them at once.
 */
export interface StepRule<S extends string, F> {
  readonly from: readonly S[];
  readonly to: S;
  /** What the step needs, checked against the facts the caller gathered; empty when it may go. */
  readonly needs?: (facts: F) => FieldIssue[];
  /** A step that moves a status back (a reopening, a return) must record why. */
  readonly backwards?: boolean;
}

export type Machine<S extends string, A extends string, F> = {
  readonly name: string;
  readonly states: readonly S[];
  readonly steps: Readonly<Record<A, StepRule<S, F>>>;
};

export function defineMachine<S extends string, A extends string, F>(
  machine: Machine<S, A, F>,
): Machine<S, A, F> {
  return machine;
}

/** What a step still needs, or that it cannot start from `state` at all. */
export function stepNeeds<S extends string, A extends string, F>(
  m: Machine<S, A, F>,
  state: S,
  action: A,
  facts: F,
): { allowed: false } | { allowed: true; needs: FieldIssue[] } {
  const rule = m.steps[action];
  if (!rule.from.includes(state)) return { allowed: false };
  return { allowed: true, needs: rule.needs?.(facts) ?? [] };
}

/** The state after `action`, or the error that names why it cannot be taken. */
export function takeStep<S extends string, A extends string, F>(
  m: Machine<S, A, F>,
  state: S,
  action: A,
  facts: F,
): S {
  const check = stepNeeds(m, state, action, facts);
  if (!check.allowed) throw new AppError('INVALID_STATE', { details: { action, state } });
  if (check.needs.length) throw new AppError('VALIDATION', { issues: check.needs });
  return m.steps[action].to;
}

/** The steps open from `state` whose needs the facts meet (for a page to offer them). */
export function openSteps<S extends string, A extends string, F>(
  m: Machine<S, A, F>,
  state: S,
  facts: F,
): A[] {
  return (Object.keys(m.steps) as A[]).filter((a) => {
    const c = stepNeeds(m, state, a, facts);
    return c.allowed && c.needs.length === 0;
  });
}

/** A required reason: empty or blank text is a missing one. */
export function reasonNeed(reason: string | null | undefined, field = 'body.reason'): FieldIssue[] {
  return reason && reason.trim().length >= 3 ? [] : [{ field, issue: 'reason_required' }];
}

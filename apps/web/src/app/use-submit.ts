import { type FormEvent, useState } from 'react';
import type { ApiError } from './api.ts';
import { asProblem } from './check.ts';

/**
 * The one way a form sends: prevents the page submit, tracks busy, keeps the server's problem
 * (its message and per-field issues) for the form to show, and calls `onDone` on success.
 */
export function useSubmit(
  action: (confirmed: boolean) => Promise<unknown>,
  onDone?: () => void | Promise<void>,
) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (confirmed: boolean, event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action(confirmed);
      await onDone?.();
    } catch (e) {
      const problem = await asProblem(e);
      // Warnings to confirm ("is this cost right?"): the form offers to send again, confirmed.
      if (problem.code === 'NEEDS_CONFIRMATION') problem.confirm = () => void run(true);
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  return { submit: (event?: FormEvent) => run(false, event), error, busy };
}

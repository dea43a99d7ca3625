import { type FormEvent, useState } from 'react';
import { ApiError } from './api.ts';

/**
 * The one way a form sends: prevents the page submit, tracks busy, keeps the server's problem
 * (its message and per-field issues) for the form to show, and calls `onDone` on success.
 */
export function useSubmit(action: () => Promise<unknown>, onDone?: () => void | Promise<void>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
      await onDone?.();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', String(e)));
    } finally {
      setBusy(false);
    }
  };
  return { submit, error, busy };
}

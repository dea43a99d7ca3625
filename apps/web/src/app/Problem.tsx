import { Alert } from '@mantine/core';
import type { ApiError } from './api.ts';
import { useErrorText } from './QueryState.tsx';

/** The server's problem under a form: every named field's message, or the general message. */
export function Problem({ error, testId }: { error: ApiError | null; testId?: string }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" data-testid={testId}>
      {error.issues.length ? error.issues.map((i) => i.message).join(' · ') : text(error)}
    </Alert>
  );
}

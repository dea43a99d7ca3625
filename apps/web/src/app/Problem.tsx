import { Alert } from '@mantine/core';
import type { ApiError } from './api.ts';

/** The server's problem under a form: every named field's message, or the general message. */
export function Problem({ error, testId }: { error: ApiError | null; testId?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" data-testid={testId}>
      {error.issues.length ? error.issues.map((i) => i.message).join(' · ') : error.message}
    </Alert>
  );
}

import { Alert, Button, Group, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api.ts';
import { useErrorText } from './QueryState.tsx';

/**
 * The server's problem under a form: every named field's message, or the general message. Warnings
 * the server asks to confirm ("the cost is ten times the kamus estimate") come with a button that
 * saves once more, confirmed; the confirmation is recorded with the record.
 */
export function Problem({ error, testId }: { error: ApiError | null; testId?: string }) {
  const text = useErrorText();
  const { t } = useTranslation();
  if (!error) return null;
  if (error.code === 'NEEDS_CONFIRMATION' && error.confirm)
    return (
      <Alert color="orange" title={t('problem.checkTitle')} data-testid="form-warnings">
        <List size="sm">
          {error.issues.map((i) => (
            <List.Item key={`${i.field} ${i.issue}`}>{i.message}</List.Item>
          ))}
        </List>
        <Group justify="end" mt="xs">
          <Button size="xs" color="orange" onClick={error.confirm} data-testid="confirm-warnings">
            {t('problem.confirm')}
          </Button>
        </Group>
      </Alert>
    );
  return (
    <Alert color="red" data-testid={testId}>
      {error.issues.length ? error.issues.map((i) => i.message).join(' · ') : text(error)}
    </Alert>
  );
}

import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { hashKey, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dismiss, markShown, useUnshownErrors } from './query-errors.ts';

/** A failed request's message in the reader's language: the server's, or ours when it never answered. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: Error) =>
    'status' in error && typeof error.status === 'number' && error.status > 0
      ? error.message || t('common.error')
      : t('common.networkError');
}

/**
 * The state of a query that a page waits on: loading, its error (with "try again"), or empty.
 * Render it where the content would be, e.g. `if (!q.data) return <QueryState query={q} queryKey={key} />`.
 */
export function QueryState({
  query,
  queryKey,
  empty = false,
}: {
  query: Pick<UseQueryResult, 'isPending' | 'isError' | 'error' | 'refetch'>;
  queryKey: QueryKey;
  /** The query answered with nothing to show. */
  empty?: boolean;
}) {
  const { t } = useTranslation();
  const text = useErrorText();
  const hash = hashKey(queryKey);
  useEffect(() => markShown(hash), [hash]);
  if (query.isError && query.error)
    return (
      <Alert color="red" title={t('common.loadFailed')} data-testid="query-error">
        <Group justify="space-between">
          <Text size="sm">{text(query.error)}</Text>
          <Button size="compact-sm" variant="light" color="red" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        </Group>
      </Alert>
    );
  if (query.isPending)
    return (
      <Group gap="xs" data-testid="query-loading">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      </Group>
    );
  if (empty)
    return (
      <Text size="sm" c="dimmed" data-testid="query-empty">
        {t('common.empty')}
      </Text>
    );
  return null;
}

/** The errors of queries no page shows in place (a list, a side card): one line each, with "try again". */
export function QueryErrors() {
  const { t } = useTranslation();
  const text = useErrorText();
  const errors = useUnshownErrors();
  if (!errors.length) return null;
  return errors.map((f) => (
    <Alert
      key={f.hash}
      color="red"
      mb="sm"
      title={t('common.loadFailed')}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={() => dismiss(f.hash)}
      data-testid="query-error"
    >
      <Group justify="space-between">
        <Text size="sm">{text(f.error)}</Text>
        <Button size="compact-sm" variant="light" color="red" onClick={f.retry}>
          {t('common.retry')}
        </Button>
      </Group>
    </Alert>
  ));
}

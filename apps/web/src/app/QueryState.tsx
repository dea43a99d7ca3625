import { Group, Loader, Text } from '@mantine/core';
import { hashKey, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dismiss, markShown, useUnshownErrors } from './query-errors.ts';

// The red line of a failed query, with its Alert, comes when a query fails, not with every page.
const QueryAlert = lazy(() => import('./QueryAlert.tsx'));

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
  const hash = hashKey(queryKey);
  useEffect(() => markShown(hash), [hash]);
  if (query.isError && query.error)
    return (
      <Suspense fallback={null}>
        <QueryAlert error={query.error} retry={() => void query.refetch()} />
      </Suspense>
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
  const errors = useUnshownErrors();
  if (!errors.length) return null;
  return (
    <Suspense fallback={null}>
      {errors.map((f) => (
        <QueryAlert key={f.hash} error={f.error} retry={f.retry} close={() => dismiss(f.hash)} />
      ))}
    </Suspense>
  );
}

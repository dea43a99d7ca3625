import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './QueryState.tsx';

/**
 * A failed query's line with "try again" (and a close button where it may be dismissed). Loaded
 * only when a query fails: every first page saved its script (QueryState.tsx).
 */
export default function QueryAlert({
  error,
  retry,
  close,
}: {
  error: Error;
  retry: () => void;
  close?: () => void;
}) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Alert
      color="red"
      mb={close ? 'sm' : undefined}
      title={t('common.loadFailed')}
      withCloseButton={!!close}
      closeButtonLabel={close ? t('common.close') : undefined}
      onClose={close}
      data-testid="query-error"
    >
      <Group justify="space-between">
        <Text size="sm">{text(error)}</Text>
        <Button size="compact-sm" variant="light" color="red" onClick={retry}>
          {t('common.retry')}
        </Button>
      </Group>
    </Alert>
  );
}

import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { formatDateTime, formatFileSize } from '../../app/format.ts';
import { useLanguage } from '../../app/session.ts';
import { useBackups, useJobs } from './api.ts';

/** Backups the server writes while it keeps serving; an administrator starts one and downloads it. */
export function BackupsCard({ act }: { act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const client = useQueryClient();
  const backups = useBackups(true);
  const jobs = useJobs();
  const writing = jobs.data?.items.some(
    (j) => j.kind === 'backup.write' && (j.status === 'queued' || j.status === 'running'),
  );
  // The list refreshes when a backup job has just finished.
  useEffect(() => {
    if (!writing) void client.invalidateQueries({ queryKey: ['backups'] });
  }, [writing, client]);
  return (
    <Card withBorder data-testid="backups">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('jobs.backups')}</Title>
        <Button
          variant="light"
          loading={writing}
          onClick={() => act(() => post('/api/backups'))}
          data-testid="backup-now"
        >
          {t('jobs.backupNow')}
        </Button>
      </Group>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('jobs.backupHint')}
        </Text>
        {backups.data?.items.length === 0 && <Text size="sm">{t('jobs.backupsEmpty')}</Text>}
        {backups.data?.items.map((b) => (
          <Group key={b.name} justify="space-between" gap="xs" wrap="wrap" data-testid="backup">
            <Text size="sm">
              {formatDateTime(b.createdAt, lang)} · {formatFileSize(b.bytes)}
            </Text>
            <Anchor size="sm" href={`/api/backups/${b.name}`} download={b.name}>
              {t('jobs.download')}
            </Anchor>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

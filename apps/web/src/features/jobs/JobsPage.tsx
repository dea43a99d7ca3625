import { Alert, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../app/api.ts';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { useLanguage, useSession } from '../../app/session.ts';
import { useJobs } from './api.ts';
import { BackupsCard } from './BackupsCard.tsx';

const colour: Record<string, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
  cancelled: 'orange',
};

/** Jobs live in the database, so this page shows the same progress after a reload or from another tab. */
export default function JobsPage() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { can } = useSession();
  const client = useQueryClient();
  const jobs = useJobs();
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      alert(e.message);
    }
    await client.invalidateQueries({ queryKey: ['jobs'] });
  };
  return (
    <Stack maw={900}>
      <Group justify="space-between">
        <Title order={2}>{t('jobs.title')}</Title>
        {can('regions.load') && (
          <Button
            variant="light"
            onClick={() => act(() => post('/api/regions/load', { force: true }))}
            data-testid="reload-regions"
          >
            {t('jobs.loadRegions')}
          </Button>
        )}
      </Group>
      {can('backups.manage') && <BackupsCard act={act} />}
      {jobs.data?.items.length === 0 && <Alert>{t('jobs.empty')}</Alert>}
      {jobs.data?.items.map((job) => {
        const pct = job.progressTotal
          ? Math.round((job.progressDone / job.progressTotal) * 100)
          : job.status === 'succeeded'
            ? 100
            : 0;
        const open = job.status === 'queued' || job.status === 'running';
        return (
          <Card withBorder key={job.id} data-testid="job">
            <Group justify="space-between" mb={4}>
              <Text fw={600}>{t(`jobs.kinds.${job.kind}`, { defaultValue: job.kind })}</Text>
              <Badge color={colour[job.status]}>{vocab('jobs.statuses', job.status)}</Badge>
            </Group>
            <Progress value={pct} animated={job.status === 'running'} aria-label={t('jobs.progress')} />
            <Group justify="space-between" mt={4}>
              <Text size="xs" c="dimmed">
                {formatNumber(job.progressDone)}
                {job.progressTotal ? ` / ${formatNumber(job.progressTotal)} (${pct}%)` : ''}
                {job.message ? ` · ${t(`jobs.messages.${job.message}`, { defaultValue: job.message })}` : ''}{' '}
                · {formatDateTime(job.createdAt, lang)}
                {job.errorCode ? ` · ${errorMessage(lang, job.errorCode)}` : ''}
              </Text>
              {open && can('jobs.cancel') && (
                <Button
                  size="compact-xs"
                  color="red"
                  variant="subtle"
                  onClick={() => act(() => post(`/api/jobs/${job.id}/cancel`))}
                >
                  {t('jobs.cancel')}
                </Button>
              )}
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}

import type { BackupFile, Job } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../app/api.ts';

/** The background jobs as a typed hook. */
export const jobKeys = { all: ['jobs'] as const };

/** The jobs, polled quickly while one is queued or running. */
export const useJobs = () =>
  useQuery({
    queryKey: jobKeys.all,
    queryFn: () => get<{ items: Job[] }>('/api/jobs'),
    refetchInterval: (q) =>
      q.state.data?.items.some((j) => j.status === 'queued' || j.status === 'running') ? 700 : 5000,
  });

/** The backups the server has written (administrators). */
export const useBackups = (enabled: boolean) =>
  useQuery({
    queryKey: ['backups'],
    queryFn: () => get<{ items: BackupFile[] }>('/api/backups'),
    enabled,
  });

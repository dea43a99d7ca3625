import { Progress } from '@mantine/core';
import type { Job } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { get } from './api.ts';

const ended = (status: string) => ['succeeded', 'failed', 'cancelled'].includes(status);

/**
 * Follows a job the page started: polls it until it ends, then calls `onEnd` (usually to reload
 * what the job changed). `bar` is the progress bar to show while it runs.
 */
export function useJob(onEnd: (job: Job) => void, testId = 'job-progress') {
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => get<Job>(`/api/jobs/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && ended(q.state.data.status) ? false : 500),
  });
  const data = job.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: onEnd runs once per ended job, not when the caller re-renders
  useEffect(() => {
    if (data && ended(data.status)) onEnd(data);
  }, [data]);
  const running = !!data && !ended(data.status);
  const bar = running ? (
    <Progress
      value={data.progressTotal ? (data.progressDone / data.progressTotal) * 100 : 5}
      animated
      data-testid={testId}
    />
  ) : null;
  return { start: setJobId, job: data, running, bar };
}

import type { Job } from '@sinergi/contracts';
import type { JobRow } from './jobs.repository.ts';

export function presentJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as Job['status'],
    progressDone: row.progressDone,
    progressTotal: row.progressTotal,
    message: row.message,
    result: row.result,
    errorCode: row.errorCode,
    cancelRequested: row.cancelRequested,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

import { jobStatuses } from '@sinergi/core';
import { z } from 'zod';

export const jobStatus = z.enum(jobStatuses);
export const job = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: jobStatus,
    progressDone: z.number().int(),
    progressTotal: z.number().int().nullable(),
    message: z.string().nullable(),
    result: z.unknown(),
    errorCode: z.string().nullable(),
    cancelRequested: z.boolean(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof job>;
export const jobList = z.object({ items: z.array(job) });
export const jobParams = z.strictObject({ id: z.uuid() });
export const regionLoadBody = z.strictObject({ force: z.boolean().default(false) });

/** A backup file the server wrote into its backup directory. */
export const backupFile = z
  .object({ name: z.string(), bytes: z.number().int(), createdAt: z.string() })
  .meta({ id: 'BackupFile' });
export type BackupFile = z.infer<typeof backupFile>;
export const backupList = z.object({ items: z.array(backupFile) });
export const backupParams = z.strictObject({ name: z.string().regex(/^sinergi-\d{8}-\d{6}\.zip$/) });

import { randomUUID } from 'node:crypto';
import { AppError, isFinished, type JobStatus } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { JobHandler, JobRun } from '../module.ts';
import * as repo from './jobs.repository.ts';

export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
  }
}

export async function enqueueJob(
  ctx: AppContext,
  principal: Principal,
  job: { kind: string; params: unknown },
): Promise<repo.JobRow> {
  return ctx.database.db.transaction((tx) => insertJob(tx, principal, job));
}

/**
 * Queues a job of a kind that runs one at a time, or returns the one of that kind already queued or
 * running. The check and the insert hold a lock on the kind, so two server processes asked at the
 * same moment (two admins, or two processes starting on a fresh database) queue it once.
 */
export async function enqueueJobOnce(
  ctx: AppContext,
  principal: Principal,
  job: { kind: string; params: unknown },
): Promise<repo.JobRow> {
  return ctx.database.db.transaction(async (tx) => {
    await repo.lockKind(tx, job.kind);
    return (await repo.findOpenJobOfKind(tx, job.kind)) ?? (await insertJob(tx, principal, job));
  });
}

/** A queued job and its audit line, in the caller's transaction. */
async function insertJob(tx: Db, principal: Principal, job: { kind: string; params: unknown }) {
  const row = await repo.insertJob(tx, { ...job, createdBy: principal.actor.userId ?? null });
  await appendAudit(tx, principal, { action: 'job.enqueued', entity: 'job', entityId: row.id, after: job });
  return row;
}

export async function getJob(ctx: AppContext, principal: Principal, id: string): Promise<repo.JobRow> {
  const job = await repo.findJob(ctx.database.db, id);
  if (!job || !canSee(principal, job)) throw new AppError('NOT_FOUND');
  return job;
}

function canSee(principal: Principal, job: repo.JobRow): boolean {
  return principal.actor.role === 'admin' || job.createdBy === principal.actor.userId;
}

export async function findJobs(ctx: AppContext, principal: Principal): Promise<repo.JobRow[]> {
  const all = principal.actor.role === 'admin';
  return repo.findJobs(ctx.database.db, {
    ...(all ? {} : { createdBy: principal.actor.userId ?? '' }),
    limit: 50,
  });
}

export async function cancelJob(ctx: AppContext, principal: Principal, id: string): Promise<repo.JobRow> {
  const job = await getJob(ctx, principal, id);
  if (isFinished(job.status as JobStatus)) throw new AppError('JOB_NOT_CANCELLABLE');
  return ctx.database.db.transaction(async (tx) => {
    const row = await repo.requestCancel(tx, id);
    await appendAudit(tx, principal, { action: 'job.cancel_requested', entity: 'job', entityId: id });
    return row!;
  });
}

/** A running job beats every 5 seconds; one silent for 15 seconds (three beats) has lost its worker. */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_SECONDS = 15;

/** Runs one claimed job to its end, recording progress, result, failure or cancellation. */
export async function runClaimedJob(
  ctx: AppContext,
  job: repo.JobRow,
  handlers: Readonly<Record<string, JobHandler>>,
  principal: Principal,
  onProgress?: (done: number, total: number | null, message: string | null) => void,
): Promise<repo.JobRow> {
  const db = ctx.database.db;
  const handler = handlers[job.kind];
  if (!handler) {
    await repo.finishJob(db, job.id, { status: 'failed', errorCode: 'UNKNOWN_JOB_KIND' });
    return (await repo.findJob(db, job.id))!;
  }
  let lastWrite = 0;
  // A beat every few seconds while the job runs, so a killed worker is seen within half a minute.
  const workerId = job.claimedBy ?? '';
  const beating = setInterval(() => {
    repo.beat(db, job.id, workerId).catch(() => {});
  }, HEARTBEAT_MS);
  beating.unref();
  const run: JobRun = {
    jobId: job.id,
    params: job.params,
    principal,
    async progress(done, total, message) {
      onProgress?.(done, total, message ?? null);
      const now = Date.now();
      if (now - lastWrite < 250 && done !== total) return;
      lastWrite = now;
      const { cancelRequested } = await repo.setProgress(db, job.id, {
        done,
        total,
        message: message ?? null,
      });
      if (cancelRequested) throw new JobCancelled();
    },
    async checkCancelled() {
      if (await repo.isCancelRequested(db, job.id)) throw new JobCancelled();
    },
  };
  try {
    const result = await handler(ctx, run);
    await repo.finishJob(db, job.id, { status: 'succeeded', result }, workerId);
  } catch (error) {
    if (error instanceof JobCancelled) {
      await repo.finishJob(db, job.id, { status: 'cancelled' }, workerId);
    } else {
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      ctx.log.error({ err: error, jobId: job.id, kind: job.kind }, 'job failed');
      await repo.finishJob(db, job.id, { status: 'failed', errorCode: code }, workerId);
    }
  } finally {
    clearInterval(beating);
  }
  return (await repo.findJob(db, job.id))!;
}

/** Enqueues and runs a job in this process, now (the CLI's way: same table, same records). */
export async function runJobNow(
  ctx: AppContext,
  principal: Principal,
  job: { kind: string; params: unknown },
  handlers: Readonly<Record<string, JobHandler>>,
  onProgress?: (done: number, total: number | null, message: string | null) => void,
): Promise<repo.JobRow> {
  const row = await enqueueJob(ctx, principal, job);
  const claimed = await repo.claimJob(ctx.database.db, `cli-${process.pid}`, row.id);
  if (!claimed) throw new Error(`job ${row.id} was claimed by another worker`);
  return runClaimedJob(ctx, claimed, handlers, principal, onProgress);
}

/**
 * Polls the jobs table and runs what it claims, one job at a time. Several processes may run a
 * worker against one PostgreSQL database.
 */
export function startJobWorker(
  ctx: AppContext,
  handlers: Readonly<Record<string, JobHandler>>,
  principalOf: (job: repo.JobRow) => Promise<Principal>,
  intervalMs = 500,
): { stop(): Promise<void> } {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (stopped) return;
    try {
      // Idle, a poll is one read: the two updates below ran every 500 ms for nothing before.
      if (!(await repo.hasWork(ctx.database.db, STALE_AFTER_SECONDS))) {
        if (!stopped) timer = setTimeout(tick, intervalMs);
        return;
      }
      await repo.requeueStale(ctx.database.db, STALE_AFTER_SECONDS);
      const job = await repo.claimJob(ctx.database.db, workerId);
      if (job) {
        current = runClaimedJob(ctx, job, handlers, await principalOf(job));
        await current;
      }
    } catch (error) {
      ctx.log.error({ err: error }, 'job worker tick failed');
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current.catch(() => undefined);
    },
  };
}

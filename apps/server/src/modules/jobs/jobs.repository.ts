import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { jobs } from './jobs.schema.ts';

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(
  db: Db,
  job: { kind: string; params: unknown; createdBy: string | null },
): Promise<JobRow> {
  const [row] = await db.insert(jobs).values(job).returning();
  return row!;
}

export async function findJob(db: Db, id: string): Promise<JobRow | null> {
  const rows = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findJobs(db: Db, filter: { createdBy?: string; limit: number }): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(filter.createdBy ? eq(jobs.createdBy, filter.createdBy) : undefined)
    .orderBy(desc(jobs.createdAt))
    .limit(filter.limit);
}

export async function findOpenJobOfKind(db: Db, kind: string): Promise<JobRow | null> {
  const rows = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, kind), sql`${jobs.status} in ('queued', 'running')`))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Claims the oldest queued job (or the one named) for this worker. SKIP LOCKED lets several
 * server processes share one table without two of them taking the same job. A region load or a backup
 * (the exclusive kinds of the schema's unique index) waits while one of its kind runs anywhere; should two workers still
 * reach for two of them at once, the database's unique index lets one through and the other
 * claims nothing this time.
 */
export async function claimJob(db: Db, workerId: string, onlyId?: string): Promise<JobRow | null> {
  try {
    const result = await db.execute(sql`
      update jobs set status = 'running', claimed_by = ${workerId}, started_at = now(), heartbeat_at = now(),
        attempts = attempts + 1
      where id = (
        select j.id from jobs j
        where j.status = 'queued' ${onlyId ? sql`and j.id = ${onlyId}` : sql``}
          and not (j.kind in ('regions.load', 'backup.write') and exists (
            select 1 from jobs r where r.kind = j.kind and r.status = 'running'))
        order by j.created_at
        for update skip locked
        limit 1
      )
      returning id`);
    const id = (result as unknown as { rows: { id: string }[] }).rows[0]?.id;
    return id ? findJob(db, id) : null;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function setProgress(
  db: Db,
  id: string,
  progress: { done: number; total: number | null; message: string | null },
): Promise<{ cancelRequested: boolean }> {
  const rows = await db
    .update(jobs)
    .set({
      progressDone: progress.done,
      progressTotal: progress.total,
      message: progress.message,
      heartbeatAt: sql`now()`,
    })
    .where(eq(jobs.id, id))
    .returning({ cancelRequested: jobs.cancelRequested });
  return { cancelRequested: rows[0]?.cancelRequested ?? false };
}

export async function isCancelRequested(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ c: jobs.cancelRequested }).from(jobs).where(eq(jobs.id, id));
  return rows[0]?.c ?? false;
}

/**
 * Records how a job ended. With `workerId`, only while that worker still holds it: a worker
 * presumed dead whose job went back to the queue cannot finish it a second time.
 */
export async function finishJob(
  db: Db,
  id: string,
  outcome: {
    status: 'succeeded' | 'failed' | 'cancelled';
    result?: unknown;
    errorCode?: string;
    message?: string;
  },
  workerId?: string,
): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: outcome.status,
      result: outcome.result ?? null,
      errorCode: outcome.errorCode ?? null,
      ...(outcome.message !== undefined ? { message: outcome.message } : {}),
      finishedAt: sql`now()`,
    })
    .where(
      workerId
        ? and(eq(jobs.id, id), eq(jobs.claimedBy, workerId), eq(jobs.status, 'running'))
        : eq(jobs.id, id),
    );
}

/** The worker is alive: a beat every few seconds while a job runs, whatever the job is doing. */
export async function beat(db: Db, id: string, workerId: string): Promise<void> {
  await db
    .update(jobs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.claimedBy, workerId), eq(jobs.status, 'running')));
}

/** Asks a job to stop. A queued job is cancelled at once; a running one at its next check. */
export async function requestCancel(db: Db, id: string): Promise<JobRow | null> {
  await db
    .update(jobs)
    .set({ status: 'cancelled', cancelRequested: true, finishedAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'queued')));
  await db
    .update(jobs)
    .set({ cancelRequested: true })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
  return findJob(db, id);
}

/**
 * Jobs whose worker stopped beating (a killed process) go back to the queue, to be run again by
 * the next worker; one that has already been claimed `maxAttempts` times is failed (WORKER_LOST).
 */
/**
 * Whether a worker has anything to do: a queued job, or a running one whose worker went silent.
 * A read, so an idle worker's poll writes nothing (and wakes no change notice).
 */
export async function hasWork(db: Db, olderThanSeconds: number): Promise<boolean> {
  const result = await db.execute(sql`
    select exists (select 1 from jobs where status = 'queued')
      or exists (select 1 from jobs where status = 'running'
        and heartbeat_at < now() - make_interval(secs => ${olderThanSeconds})) as work`);
  return (result as unknown as { rows: { work: boolean }[] }).rows[0]?.work === true;
}

export async function requeueStale(db: Db, olderThanSeconds: number, maxAttempts = 3): Promise<number> {
  const failed = await db.execute(sql`
    update jobs set status = 'failed', error_code = 'WORKER_LOST', claimed_by = null, finished_at = now()
    where status = 'running' and heartbeat_at < now() - make_interval(secs => ${olderThanSeconds})
      and attempts >= ${maxAttempts}
    returning id`);
  const result = await db.execute(sql`
    update jobs set status = 'queued', claimed_by = null
    where status = 'running' and heartbeat_at < now() - make_interval(secs => ${olderThanSeconds})
    returning id`);
  return (
    (result as unknown as { rows: unknown[] }).rows.length +
    (failed as unknown as { rows: unknown[] }).rows.length
  );
}

/** Jobs that failed since a moment, newest first. */
export function findFailedSince(db: Db, since: Date) {
  return db
    .select({ id: jobs.id, kind: jobs.kind, finishedAt: jobs.finishedAt })
    .from(jobs)
    .where(and(eq(jobs.status, 'failed'), gte(jobs.createdAt, since)))
    .orderBy(desc(jobs.createdAt));
}

/** Holds the kind for this transaction (see enqueueJobOnce). */
export async function lockKind(tx: Db, kind: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(current_schema() || ${`:job:${kind}`}))`);
}

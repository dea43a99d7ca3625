import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type TestApp } from '../../../test/harness.ts';
import { systemPrincipal } from '../../context.ts';
import { claimJob, findJob, finishJob, requeueStale } from './jobs.repository.ts';
import { enqueueJob, runClaimedJob, STALE_AFTER_SECONDS, startJobWorker } from './jobs.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('jobs', () => {
  it('two workers never claim the same job', async () => {
    const a = await enqueueJob(t.ctx, systemPrincipal, { kind: 'x', params: {} });
    const b = await enqueueJob(t.ctx, systemPrincipal, { kind: 'x', params: {} });
    const [first, second, third] = await Promise.all([
      claimJob(t.ctx.database.db, 'w1'),
      claimJob(t.ctx.database.db, 'w2'),
      claimJob(t.ctx.database.db, 'w3'),
    ]);
    const claimed = [first, second, third]
      .filter(Boolean)
      .map((j) => j!.id)
      .sort();
    expect(claimed).toEqual([a.id, b.id].sort());
    // Finish both, or a slow run reaches the idle-worker test after they went stale and the
    // worker's requeue of them would be a write there.
    for (const job of [first, second, third].filter(Boolean)) {
      await finishJob(t.ctx.database.db, job!.id, { status: 'succeeded' }, job!.claimedBy!);
    }
  });

  it('runs one backup (or region load) at a time, whichever worker asks, and queues the next', async () => {
    const a = await enqueueJob(t.ctx, systemPrincipal, { kind: 'backup.write', params: {} });
    const b = await enqueueJob(t.ctx, systemPrincipal, { kind: 'backup.write', params: {} });
    const other = await enqueueJob(t.ctx, systemPrincipal, { kind: 'x', params: {} });
    const db = t.ctx.database.db;
    const first = await claimJob(db, 'w1');
    expect(first?.id).toBe(a.id);
    // While it runs, the second backup waits and the next worker takes the other kind's job.
    expect((await claimJob(db, 'w2'))?.id).toBe(other.id);
    expect(await claimJob(db, 'w3')).toBeNull();
    expect(await claimJob(db, 'w3', b.id)).toBeNull();
    await finishJob(db, a.id, { status: 'succeeded' }, 'w1');
    expect((await claimJob(db, 'w3'))?.id).toBe(b.id);
    await finishJob(db, b.id, { status: 'succeeded' }, 'w3');
    await finishJob(db, other.id, { status: 'succeeded' }, 'w2');
  });

  it('records progress and the result of a run; a cancel request stops it at the next step', async () => {
    const handlers = {
      count: async (_ctx: unknown, run: { progress: (d: number, t: number) => Promise<void> }) => {
        for (let i = 1; i <= 3; i++) await run.progress(i, 3);
        return { counted: 3 };
      },
      slow: async (_ctx: unknown, run: { checkCancelled: () => Promise<void> }) => {
        for (;;) {
          await new Promise((r) => setTimeout(r, 20));
          await run.checkCancelled();
        }
      },
    };
    const job = await enqueueJob(t.ctx, systemPrincipal, { kind: 'count', params: {} });
    const claimed = await claimJob(t.ctx.database.db, 'w', job.id);
    const done = await runClaimedJob(t.ctx, claimed!, handlers as never, systemPrincipal);
    expect(done).toMatchObject({
      status: 'succeeded',
      progressDone: 3,
      progressTotal: 3,
      result: { counted: 3 },
    });

    const admin = await login(t.app, 'admin');
    const slow = await enqueueJob(t.ctx, systemPrincipal, { kind: 'slow', params: {} });
    const running = runClaimedJob(
      t.ctx,
      (await claimJob(t.ctx.database.db, 'w', slow.id))!,
      handlers as never,
      systemPrincipal,
    );
    const cancel = await call(t.app, admin, { method: 'POST', url: `/api/jobs/${slow.id}/cancel` });
    expect(cancel.statusCode).toBe(200);
    expect((await running).status).toBe('cancelled');
    const again = await call(t.app, admin, { method: 'POST', url: `/api/jobs/${slow.id}/cancel` });
    expect(again.statusCode).toBe(409);
  });

  it('cancels a queued job at once', async () => {
    const admin = await login(t.app, 'admin');
    const job = await enqueueJob(t.ctx, systemPrincipal, { kind: 'never-run', params: {} });
    const res = await call(t.app, admin, { method: 'POST', url: `/api/jobs/${job.id}/cancel` });
    expect(res.json().status).toBe('cancelled');
  });

  it('a second regions load of the same edition is skipped, not duplicated', async () => {
    const { runJobNow } = await import('./jobs.service.ts');
    const { jobHandlers } = await import('../index.ts');
    const job = await runJobNow(t.ctx, systemPrincipal, { kind: 'regions.load', params: {} }, jobHandlers);
    expect(job.result).toMatchObject({ skipped: true, regions: 91_599, boundaries: 270 });
  });

  it('a job whose worker died is seen within seconds, run again, never finished twice, and failed after three deaths', async () => {
    const db = t.ctx.database.db;
    const job = await enqueueJob(t.ctx, systemPrincipal, { kind: 'never-run', params: {} });
    const silence = () =>
      t.ctx.database.bulk((tx) =>
        tx.query(`update jobs set heartbeat_at = now() - interval '40 seconds' where id = $1`, [job.id]),
      );
    const status = async () => (await findJob(db, job.id))!;
    for (const worker of ['w1', 'w2']) {
      expect((await claimJob(db, worker, job.id))?.claimedBy).toBe(worker);
      // Still beating: not taken away.
      expect(await requeueStale(db, STALE_AFTER_SECONDS)).toBe(0);
      await silence();
      expect(await requeueStale(db, STALE_AFTER_SECONDS)).toBe(1);
      expect((await status()).status).toBe('queued');
      // The worker presumed dead comes back and tries to finish: nothing changes.
      await finishJob(db, job.id, { status: 'succeeded' }, worker);
      expect((await status()).status).toBe('queued');
    }
    await claimJob(db, 'w3', job.id);
    await silence();
    await requeueStale(db, STALE_AFTER_SECONDS);
    expect(await status()).toMatchObject({ status: 'failed', errorCode: 'WORKER_LOST', attempts: 3 });
  });
});

describe('an idle worker', () => {
  it('polls without writing: no change notice while there is nothing to do, and runs a job once queued', async () => {
    const changed: string[] = [];
    const unsubscribe = t.ctx.database.changes.subscribe((table) => changed.push(table));
    const ran: string[] = [];
    const worker = startJobWorker(
      t.ctx,
      { 'test.idle': async (_ctx, run) => void ran.push(run.jobId) },
      async () => systemPrincipal,
      20,
    );
    try {
      // A notice of the tests before may still be on its way from PostgreSQL: let it land first.
      await new Promise((r) => setTimeout(r, 100));
      changed.length = 0;
      await new Promise((r) => setTimeout(r, 400));
      expect(changed.filter((x) => x === 'jobs')).toEqual([]);
      const job = await enqueueJob(t.ctx, systemPrincipal, { kind: 'test.idle', params: {} } as never);
      for (let i = 0; i < 100 && !ran.length; i++) await new Promise((r) => setTimeout(r, 20));
      expect(ran).toEqual([job.id]);
    } finally {
      unsubscribe();
      await worker.stop();
    }
  });
});

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appWithAccounts, openEmptyDatabase } from '../../../test/harness.ts';
import { systemPrincipal } from '../../context.ts';
import { restoreBackupFile } from '../../db/backup-restore.ts';
import { claimJob } from '../jobs/jobs.repository.ts';
import { runClaimedJob } from '../jobs/jobs.service.ts';
import { backupsModule } from './backups.module.ts';
import { backupName } from './backups.service.ts';

const h = appWithAccounts(['admin', 'perencana', 'desa.jaten']);

describe('backups written by the server', () => {
  it('an administrator starts one as a job, lists it and downloads a file that restores', async () => {
    const started = await h.as('admin', 'POST', '/api/backups');
    expect(started.statusCode, started.body).toBe(202);
    // Asking again while it waits gives the same job, not a second backup.
    expect((await h.as('admin', 'POST', '/api/backups')).json().id).toBe(started.json().id);
    // What a backup killed half-way left behind is cleared away by the next one.
    const dir = h.t.ctx.config.backupDir;
    writeFileSync(join(dir, 'sinergi-20261201-010101.zip.partial'), 'half');
    mkdirSync(join(dir, '.sinergi-backup-abc123'));
    const claimed = await claimJob(h.t.ctx.database.db, 'test', started.json().id);
    const done = await runClaimedJob(h.t.ctx, claimed!, backupsModule.jobs!, systemPrincipal);
    expect(done.status).toBe('succeeded');
    const result = done.result as { name: string; bytes: number; rows: number };
    expect(result.rows).toBeGreaterThan(91_599);
    const list = await h.as('admin', 'GET', '/api/backups');
    expect(list.json().items).toEqual([
      { name: result.name, bytes: result.bytes, createdAt: expect.any(String) },
    ]);
    // Nothing half-written is left beside it.
    expect(readdirSync(h.t.ctx.config.backupDir)).toEqual([result.name]);
    const file = await h.as('admin', 'GET', `/api/backups/${result.name}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/zip');
    expect(file.rawPayload.length).toBe(result.bytes);
    const target = await openEmptyDatabase();
    try {
      const counts = await restoreBackupFile(target.database, `${h.t.ctx.config.backupDir}/${result.name}`);
      expect(counts.regions).toBe(91_599);
    } finally {
      await target.close();
    }
  });

  it('is for administrators only, and a name outside the pattern is not a path', async () => {
    for (const user of ['perencana', 'desa.jaten', null]) {
      expect((await h.as(user, 'GET', '/api/backups')).statusCode).toBe(user ? 403 : 401);
      expect((await h.as(user, 'POST', '/api/backups')).statusCode).toBe(user ? 403 : 401);
    }
    expect((await h.as('admin', 'GET', '/api/backups/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(400);
    expect(
      (await h.as('admin', 'GET', `/api/backups/${backupName(new Date('2020-01-01T00:00:00Z'))}`)).statusCode,
    ).toBe(404);
  });
});

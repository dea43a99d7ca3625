import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { createBackupFile } from '../../db/backup.ts';
import { enqueueJobOnce } from '../jobs/jobs.service.ts';
import type { JobRun } from '../module.ts';

const NAME = /^sinergi-\d{8}-\d{6}\.zip$/;

/** `sinergi-20261203-174501.zip`: the time in UTC, so names sort in the order they were written. */
export function backupName(now: Date): string {
  const iso = now.toISOString();
  return `sinergi-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.zip`;
}

/**
 * Starts a backup job, or returns the one already queued or running. The server writes it, so a
 * PGlite installation (one process per data directory) is backed up while it keeps serving.
 */
export async function requestBackup(ctx: AppContext, principal: Principal) {
  return enqueueJobOnce(ctx, principal, { kind: 'backup.write', params: {} });
}

export async function writeBackup(ctx: AppContext, run: JobRun) {
  await mkdir(ctx.config.backupDir, { recursive: true });
  // What a backup killed half-way left behind (one backup job runs at a time).
  for (const name of await readdir(ctx.config.backupDir))
    if (name.endsWith('.partial') || name.startsWith('.sinergi-backup-'))
      await rm(join(ctx.config.backupDir, name), { recursive: true, force: true });
  // One reading of the clock, so the file's name and its manifest tell the same time.
  const now = ctx.clock();
  const name = backupName(now);
  const summary = await createBackupFile(
    ctx.database,
    join(ctx.config.backupDir, name),
    now,
    (done, total) => {
      void run.progress(done, total, 'backup.writing').catch(() => undefined);
    },
  );
  return { name, bytes: summary.bytes, rows: summary.rows, photos: summary.photos };
}

/** The finished backups, newest first (a `.partial` being written is not one). */
export async function listBackups(ctx: AppContext) {
  const names = await readdir(ctx.config.backupDir).catch(() => [] as string[]);
  const files = await Promise.all(
    names
      .filter((n) => NAME.test(n))
      .map(async (name) => {
        const info = await stat(join(ctx.config.backupDir, name));
        return { name, bytes: info.size, createdAt: info.mtime.toISOString() };
      }),
  );
  return files.sort((a, b) => b.name.localeCompare(a.name));
}

/** One backup as a stream; the name is checked against the pattern, so no path leaves the folder. */
export async function openBackup(ctx: AppContext, name: string) {
  if (!NAME.test(name)) throw new AppError('NOT_FOUND');
  const file = join(ctx.config.backupDir, name);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('NOT_FOUND');
  return { stream: createReadStream(file), bytes: info.size };
}

import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One process per PGlite data directory (issue 17: a second server on the same directory was not
 * refused, and two writers corrupt it). The lock file holds the owner's pid; a lock whose process
 * is gone (a kill -9) is taken over. Returns the release.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'sinergi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid))
          rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner))
        throw new ConfigError(
          `Another Sinergi process (pid ${owner}) is using the data directory ${dir}. Stop it first, or give this one its own DATA_DIR. To back up a running server, sign in as an administrator and use Pekerjaan → Buat cadangan sekarang (POST /api/backups).`,
        );
      rmSync(file, { force: true });
    }
  }
  throw new ConfigError(`The data directory ${dir} could not be locked.`);
}

/** Whether a PGlite database exists in the directory (a backup of nothing is refused, not written empty). */
export function hasPgliteDatabase(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

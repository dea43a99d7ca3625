import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasPgliteDatabase, lockDataDir } from './data-dir-lock.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'sinergi-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('one process per data directory (issue 17)', () => {
  it('refuses a directory another live process holds, naming it', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'sinergi.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(`Another Sinergi process (pid ${process.ppid})`);
  });

  it('takes over the lock of a process that is gone (a kill -9), and gives it back on release', () => {
    const dir = fresh();
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    writeFileSync(join(dir, 'sinergi.lock'), String(gone));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'sinergi.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(() => readFileSync(join(dir, 'sinergi.lock'))).toThrow();
  });

  it('finds no database in an empty directory', () => {
    expect(hasPgliteDatabase(fresh())).toBe(false);
  });
});

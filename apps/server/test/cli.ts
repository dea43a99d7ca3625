import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

/** Runs `sinergi` as a user would (a child process), with its exit code and output. */
export function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'apps/server/bin/sinergi.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A folder of input files for one test file, removed when it ends; `file` writes one and gives its path. */
export function inputFiles(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundled } from './bundle.mjs';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function project() {
  dir = mkdtempSync(join(tmpdir(), 'sinergi-bundle-'));
  writeFileSync(
    join(dir, 'main.ts'),
    "import { word } from './word.ts';\nconst later = await import('./later.ts');\nconsole.log(word, later.n, import.meta.url);\n",
  );
  writeFileSync(join(dir, 'word.ts'), "export const word: string = 'one';\n");
  writeFileSync(join(dir, 'later.ts'), 'export const n: number = 1;\n');
  return { entry: pathToFileURL(join(dir, 'main.ts')), out: join(dir, 'dist') };
}

const run = (main: string) => execFileSync(process.execPath, [main], { encoding: 'utf8' }).trim();

describe('the CLI bundle', () => {
  it('is built once, reused while its sources are unchanged and rebuilt when one changes', async () => {
    const { entry, out } = project();
    const first = await bundled(entry, out);
    expect(first).toBeDefined();
    // import.meta.url is the source file's, so files found relative to it are found as under tsx.
    expect(run(first!)).toBe(`one 1 ${entry.href}`);
    expect(await bundled(entry, out)).toBe(first);

    writeFileSync(join(dir, 'later.ts'), 'export const n: number = 2;\n');
    const soon = new Date(Date.now() + 2000);
    utimesSync(join(dir, 'later.ts'), soon, soon);
    const second = await bundled(entry, out);
    expect(second).not.toBe(first);
    expect(run(second!)).toBe(`one 2 ${entry.href}`);
    // The superseded bundle stays whole for a process still running from it.
    expect(run(first!)).toBe(`one 1 ${entry.href}`);
  });

  it('is not tried where nothing can be written', async () => {
    const { entry } = project();
    writeFileSync(join(dir, 'file'), '');
    // A directory that cannot be made: the caller runs the sources through tsx.
    expect(await bundled(entry, join(dir, 'file', 'dist'))).toBeUndefined();
  });

  it('is not built from a file esbuild refuses, and leaves nothing behind', async () => {
    const { entry, out } = project();
    writeFileSync(join(dir, 'word.ts'), 'export const word = ;\n');
    expect(await bundled(entry, out)).toBeUndefined();
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

// The `sinergi` command runs from a bundle of its TypeScript, built by esbuild on its first run and
// again whenever a file it was built from has changed. Through tsx, which loads each of the ~380
// files on its own, `sinergi --help` took 0.75 s before it printed; bundled it takes 0.16-0.21 s
// (issue 18). Plain JavaScript: bin/sinergi.mjs loads it before anything TypeScript can run.
import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A bundle superseded this long ago is removed; until then a process started from it can still load its parts. */
const KEEP_MS = 86_400_000;

/**
 * The path of the bundle of `entry` (a .ts file) under the directory `outRoot`: the one there when
 * no file it was built from has changed since, else a new one. Each build goes to a directory of
 * its own, never rewritten, so a server running from an older one still finds its lazily loaded
 * parts, and two commands building at once do not collide. Undefined when no bundle can be built
 * (a read-only install, a file esbuild refuses): the caller then runs the sources through tsx,
 * which reports a broken file better.
 */
export async function bundled(entry, outRoot) {
  const manifest = join(outRoot, 'current.json');
  return current(manifest) ?? build(entry, outRoot, manifest).catch(() => undefined);
}

/** The bundle named by the manifest, when every file it was built from (and this one) is as it was. */
function current(manifest) {
  let m;
  try {
    m = JSON.parse(readFileSync(manifest, 'utf8'));
    for (const file of [...m.inputs, fileURLToPath(import.meta.url)]) {
      if (statSync(file).mtimeMs > m.builtAt) return undefined;
    }
    statSync(m.main);
  } catch {
    return undefined;
  }
  return m.main;
}

async function build(entry, outRoot, manifest) {
  // Where nothing can be written (a read-only install) the command goes on through tsx at once,
  // not after a build it could not keep.
  mkdirSync(outRoot, { recursive: true });
  accessSync(outRoot, constants.W_OK);
  const { build: esbuild } = await import('esbuild');
  // Taken before the sources are read: a file saved during the build makes the next run rebuild.
  const builtAt = Date.now();
  const dir = join(outRoot, `${builtAt}-${process.pid}`);
  try {
    const result = await esbuild({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      // Each command's code is its own part, loaded when the command runs (`sinergi allocate`
      // never loads Fastify or the database drivers), as the dynamic imports in cli/main.ts say.
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: dir,
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'silent',
      plugins: [ownSources],
    });
    const inputs = Object.keys(result.metafile.inputs).map((file) => join(process.cwd(), file));
    // The entry's own output (each lazily loaded part names its first file as an entry point too).
    const from = relative(process.cwd(), fileURLToPath(entry));
    const out = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === from)?.[0];
    if (!out) throw new Error('esbuild wrote no entry');
    const main = join(process.cwd(), out);
    retire(manifest);
    const tmp = `${manifest}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ builtAt, main, inputs }));
    renameSync(tmp, manifest);
    sweep(outRoot, dir);
    return main;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Marks the bundle being superseded with the time it was, for sweep. */
function retire(manifest) {
  try {
    const now = new Date();
    utimesSync(dirname(JSON.parse(readFileSync(manifest, 'utf8')).main), now, now);
  } catch {
    // There was none, or it is gone.
  }
}

/**
 * Our own files are bundled, installed packages are not (they stay where node finds them, with their
 * WebAssembly and data files). `import.meta.url` in our files becomes the URL of the source file,
 * so the files found relative to it (workers, migrations, reference data) are found as under tsx.
 */
const ownSources = {
  name: 'sinergi-own-sources',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@sinergi/') ? undefined : { path: args.path, external: true },
    );
    b.onLoad({ filter: /\.(ts|mjs|js)$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: args.path.endsWith('.ts') ? 'ts' : 'js',
    }));
  },
};

/** Removes the bundles superseded more than a day ago (and any left by a build that failed half-way). */
function sweep(outRoot, keep) {
  for (const entry of readdirSync(outRoot, { withFileTypes: true })) {
    const path = join(outRoot, entry.name);
    if (!entry.isDirectory() || path === keep) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another command removed it first.
    }
  }
}

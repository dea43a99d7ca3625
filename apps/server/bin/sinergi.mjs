#!/usr/bin/env node
// The `sinergi` command: a bundle of the TypeScript CLI, built on the first run and whenever a
// source changed (src/cli/bundle.mjs); through tsx, with no bundle, when none can be built.
import { pathToFileURL } from 'node:url';
import { bundled } from '../src/cli/bundle.mjs';

const main = await bundled(
  new URL('../src/cli/main.ts', import.meta.url),
  new URL('../dist/cli/', import.meta.url).pathname,
);
if (main) {
  // Stack traces name the source files, not the bundle's parts.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(main).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}

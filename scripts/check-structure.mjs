#!/usr/bin/env node
// The structure checks `npm test` runs first: no source file over 400 lines (data tables listed
// below are the only exceptions), and no query building outside a module's repository. Biome's
// noRestrictedImports (biome.json) enforces the imports; this counts what slips past imports.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_LINES = 400;
/** Files that are data rather than code, allowed past the limit, each with why. */
const EXCEPTIONS = {
  'packages/core/src/village-index/schemes/idm-2016.ts':
    'the IDM 2016 scheme as data: 50 indicators with their rubrics (Permendesa 2/2016)',
};

const root = new URL('..', import.meta.url).pathname;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter(
    (f) =>
      /\.(ts|tsx|mjs|js|cjs)$/.test(f) &&
      !f.includes('node_modules/') &&
      !f.includes('/dist/') &&
      !f.includes('/dist-ssr/'),
  );

const problems = [];
let largest = { file: '', lines: 0 };
for (const file of files) {
  let text;
  try {
    text = readFileSync(new URL(file, `file://${root}`), 'utf8');
  } catch {
    continue; // deleted in the work tree
  }
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_LINES && !(file in EXCEPTIONS))
    problems.push(`${file}: ${lines} lines (at most ${MAX_LINES})`);
  if (!(file in EXCEPTIONS) && lines > largest.lines) largest = { file, lines };
}

// Query building: db./tx. select, insert, update, delete, execute, and sql`` templates.
const query =
  /\b(?:db|tx|database\.db)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute)\s*\(|\bsql\s*`/g;
const isDataLayer = (f) =>
  /\.repository\.ts$|\.schema\.ts$|\.test\.ts$/.test(f) || f.startsWith('apps/server/src/db/');
let inRepositories = 0;
const repositories = new Set();
for (const file of files.filter((f) => f.startsWith('apps/server/src/') && f.endsWith('.ts'))) {
  let text;
  try {
    text = readFileSync(new URL(file, `file://${root}`), 'utf8');
  } catch {
    continue;
  }
  const n = (text.match(query) ?? []).length;
  if (!n) continue;
  if (isDataLayer(file)) {
    inRepositories += n;
    if (file.endsWith('.repository.ts')) repositories.add(file);
  } else problems.push(`${file}: ${n} query-building call(s) outside a repository`);
}

console.log(
  `structure: ${files.length} source files, none over ${MAX_LINES} lines but ${Object.keys(EXCEPTIONS).length} listed data file(s); largest ${largest.file} (${largest.lines})`,
);
console.log(
  `layering: ${inRepositories} query-building calls, all in ${repositories.size} repositories (and schema, db, tests); ${problems.filter((p) => p.includes('query')).length} outside`,
);
if (problems.length) {
  console.error(`\n${problems.length} structure problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}

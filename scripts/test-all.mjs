#!/usr/bin/env node
// Runs every test of the project and ends with one line "N passed, N failed":
// structure (file sizes, SQL only in repositories), lint, typecheck, unit tests, integration tests on PGlite, on PostgreSQL and on Citus, browser tests.
// PostgreSQL and Chromium are installed when missing (scripts/ensure-tools.sh, as root).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'sinergi-test-'));
const results = [];
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`--- ${label}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

/** One check that is not a test runner (lint, typecheck) counts as one test. */
function check(label, command, args) {
  results.push({ label, passed: run(label, command, args) ? 1 : 0, failed: 0 });
  if (!results.at(-1).passed) results.at(-1).failed = 1;
}

function vitest(label, project, wrapper = [], env = {}) {
  const file = join(out, `${label.replace(/\W+/g, '-')}.json`);
  const args = [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ];
  const ok = wrapper.length
    ? run(label, wrapper[0], [...wrapper.slice(1), 'npx', ...args], env)
    : run(label, 'npx', args, env);
  let passed = 0;
  let failed = 0;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0);
    for (const file of report.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status !== 'failed') continue;
        const why = (test.failureMessages?.[0] ?? '').split('\n').slice(0, 3).join(' / ');
        failures.push(
          `${label}: ${file.name.replace(`${process.cwd()}/`, '')} > ${test.fullName}\n    ${why.slice(0, 400)}`,
        );
      }
    }
  }
  // A crash before any report (or a failing setup) still counts as a failure.
  if (!ok && failed === 0) failed = 1;
  results.push({ label, passed, failed });
}

const toolsOk = run('tools', 'bash', ['scripts/ensure-tools.sh']);
check('structure (sizes, layering)', 'node', ['scripts/check-structure.mjs']);
check('lint (biome)', 'npx', ['biome', 'check', '.']);
check('typecheck (tsc)', 'npm', ['run', '--silent', 'typecheck']);
vitest('unit', 'unit');
vitest('integration on PGlite', 'int');
if (toolsOk) {
  vitest('integration on PostgreSQL', 'int', ['bash', 'scripts/with-postgres.sh']);
  vitest('integration on Citus', 'int', ['bash', 'scripts/with-citus.sh']);
  check('web build', 'npm', ['run', '--silent', 'build:web']);
  vitest('browser (Chromium)', 'e2e');
} else {
  results.push({ label: 'PostgreSQL and Chromium tests (tools missing)', passed: 0, failed: 1 });
}
rmSync(out, { recursive: true, force: true });

if (failures.length > 0) console.log(`\n=== failed tests ===\n${failures.join('\n')}`);
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.label.padEnd(32)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

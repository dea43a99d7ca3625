/**
 * Benchmarks of the foundation, written to bench/results/<date>.md:
 * 1. time to load the 91,599 national regions, on PGlite and (when TEST_DATABASE_URL is set) PostgreSQL;
 * 2. requests per second of the region lookup and search routes against a bare Fastify
 *    hello-world on the same machine in the same run (the ratio is what to compare across runs);
 * 3. core scoring and planning time for a national-size set of desa;
 * 4. import of a national composites file against a bare COPY of the same rows;
 * 5. the gzip size of the JavaScript the first page loads.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { computeIndex, idm2016, planNextStatus } from '@sinergi/core';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config.ts';
import { systemPrincipal } from '../apps/server/src/context.ts';
import { type Database, openDatabase } from '../apps/server/src/db/client.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { closeParsePool } from '../apps/server/src/http/table-file.ts';
import { jobHandlers } from '../apps/server/src/modules/index.ts';
import { runJobNow } from '../apps/server/src/modules/jobs/jobs.service.ts';
import { seed } from '../apps/server/src/seed/seed.ts';
import { createContext, createLogger } from '../apps/server/src/server.ts';
import { importAgainstCopy, nationalCompositesCsv, seededIndicatorScores } from './national-file.ts';

const root = new URL('..', import.meta.url).pathname;
const config = loadConfig({ LOG_LEVEL: 'silent', JOB_WORKER: 'false' });
const log = createLogger({ logLevel: 'silent' });
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

async function timeLoad(database: Database): Promise<number> {
  const ctx = createContext(config, database, log);
  await database.migrate();
  await seed(ctx);
  const started = performance.now();
  const job = await runJobNow(
    ctx,
    systemPrincipal,
    { kind: 'regions.load', params: { force: true } },
    jobHandlers,
  );
  const ms = performance.now() - started;
  if (job.status !== 'succeeded') throw new Error(`load ${job.status}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function rps(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: 10, duration: DURATION });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function loadBench() {
  say('## 1. Loading the national regions (91,599 rows: 38 + 514 + 7,285 + 83,762)');
  say();
  say('COPY in chunks of 10,000 rows, then boundaries (270 shapes); three runs each, migrate excluded.');
  say();
  say('| engine | runs (s) | median (s) |');
  say('|---|---|---|');
  const pglite: number[] = [];
  for (let i = 0; i < 3; i++) {
    const db = await openDatabase({ dataDir: 'memory://' });
    pglite.push(await timeLoad(db));
    await db.close();
  }
  say(
    `| PGlite (in-process) | ${pglite.map((m) => (m / 1000).toFixed(2)).join(', ')} | ${(median(pglite) / 1000).toFixed(2)} |`,
  );
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('drop database if exists sinergi_bench');
      await admin.query('create database sinergi_bench');
      await admin.end();
      const u = new URL(url);
      u.pathname = '/sinergi_bench';
      const db = await openDatabase({ databaseUrl: u.toString() });
      runs.push(await timeLoad(db));
      await db.close();
    }
    say(
      `| PostgreSQL (local, loopback) | ${runs.map((m) => (m / 1000).toFixed(2)).join(', ')} | ${(median(runs) / 1000).toFixed(2)} |`,
    );
  } else {
    say('| PostgreSQL | not run (no TEST_DATABASE_URL) | |');
  }
  say();
}

async function httpBench() {
  say(`## 2. Requests per second (autocannon, 10 connections, ${DURATION} s each, same process layout)`);
  say();
  const bare = Fastify();
  bare.get('/hello', async () => ({ hello: 'world' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
  const engines: [string, () => Promise<Database>][] = [
    ['PGlite', () => openDatabase({ dataDir: 'memory://' })],
  ];
  if (process.env.TEST_DATABASE_URL) {
    const u = new URL(process.env.TEST_DATABASE_URL);
    u.pathname = '/sinergi_bench';
    engines.push(['PostgreSQL', () => openDatabase({ databaseUrl: u.toString() })]);
  }
  say('| route | engine | req/s | p99 latency (ms) | errors | ratio to hello-world |');
  say('|---|---|---|---|---|---|');
  const hello = await rps(`${bareUrl}/hello`);
  say(
    `| bare Fastify \`GET /hello\` (baseline) | – | ${hello.rps.toFixed(0)} | ${hello.p99} | ${hello.errors} | 1.00 |`,
  );
  for (const [name, open] of engines) {
    const database = await open();
    const ctx = createContext(config, database, log);
    if (name === 'PGlite') await timeLoad(database);
    const { app } = await buildApp(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    for (const [label, path] of [
      ['region lookup `GET /api/regions/35.05.01.2001`', '/api/regions/35.05.01.2001'],
      ['region search `GET /api/regions/search?q=jaten`', '/api/regions/search?q=jaten'],
    ] as const) {
      const r = await rps(`${base}${path}`);
      say(
        `| ${label} | ${name} | ${r.rps.toFixed(0)} | ${r.p99} | ${r.errors} | ${(r.rps / hello.rps).toFixed(3)} |`,
      );
    }
    await app.close();
    await database.close();
  }
  await bare.close();
  say();
}

/** Core scoring of a national-size set: 75,000 desa with random scores (seeded, so every run scores the same). */
function scoringBench() {
  say('## 3. Core scoring of 75,000 desa (IDM 2016)');
  say();
  const desa = seededIndicatorScores(75_000, 20_261_123);
  const runs: number[] = [];
  const planRuns: number[] = [];
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    for (const scores of desa) computeIndex(idm2016, scores);
    runs.push(performance.now() - t);
    t = performance.now();
    for (const scores of desa.slice(0, 5_000)) planNextStatus(idm2016, scores);
    planRuns.push(performance.now() - t);
  }
  say('| what | runs (ms) | median (ms) | per desa (µs) |');
  say('|---|---|---|---|');
  say(
    `| score 75,000 desa | ${runs.map((x) => x.toFixed(0)).join(', ')} | ${median(runs).toFixed(0)} | ${((median(runs) / 75_000) * 1000).toFixed(1)} |`,
  );
  say(
    `| exact next-status plan for 5,000 desa | ${planRuns.map((x) => x.toFixed(0)).join(', ')} | ${median(planRuns).toFixed(0)} | ${((median(planRuns) / 5_000) * 1000).toFixed(0)} |`,
  );
  say();
}

/** Import of a national composites file against a bare COPY of the same rows into a plain table. */
async function importBench() {
  const { csv, rows } = nationalCompositesCsv(2030);
  say(`## 4. Importing a national IDM composites file (${rows.toLocaleString('en')} desa, synthetic values)`);
  say();
  say(
    "Import = in one transaction, the file read and every row checked on a parse thread in parts of whole lines, each part COPYed as it comes while the thread reads on: a year's first import straight into the table, a later one into a temporary table, then one upsert; audit. Again = the same file imported once more (every row compared, nothing changes).",
  );
  say(
    'Baselines, the same rows already as CSV: a bare COPY into a temporary table with the same columns (no keys, not logged), and a bare COPY into an ordinary table made like the real one (its primary key and index, logged). The year is emptied and the table vacuumed before each run.',
  );
  say();
  say('| engine | import (s) | again (s) | COPY, temporary (s) | ratio | COPY, like the table (s) | ratio |');
  say('|---|---|---|---|---|---|---|');
  const engines: [string, () => Promise<Database>][] = [
    ['PGlite', () => openDatabase({ dataDir: 'memory://' })],
  ];
  if (process.env.TEST_DATABASE_URL) {
    const u = new URL(process.env.TEST_DATABASE_URL);
    u.pathname = '/sinergi_bench';
    engines.push(['PostgreSQL', () => openDatabase({ databaseUrl: u.toString() })]);
  }
  for (const [name, open] of engines) {
    const database = await open();
    const ctx = createContext(config, database, log);
    await database.migrate();
    const runs = await importAgainstCopy(ctx, csv, 2030);
    const [mi, ma, mc, ml] = [runs.importRuns, runs.againRuns, runs.copyRuns, runs.likeRuns].map(median) as [
      number,
      number,
      number,
      number,
    ];
    const s = (ms: number) => (ms / 1000).toFixed(2);
    say(
      `| ${name} | ${s(mi)} | ${s(ma)} | ${s(mc)} | ${(mi / mc).toFixed(1)} | ${s(ml)} | ${(mi / ml).toFixed(1)} |`,
    );
    await database.close();
  }
  say();
}

function bundleBench() {
  say('## 5. JavaScript of the first page (gzip)');
  say();
  const dist = join(root, 'apps/web/dist');
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }
  >;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const keyOf = (name: string) => Object.keys(manifest).find((k) => k.includes(name));
  // A chunk with everything it imports statically, except what `loaded` already holds.
  const closure = (key: string, loaded: Set<string> = new Set()) => {
    const seen = new Set<string>();
    const walk = (k: string) => {
      if (seen.has(k) || loaded.has(k)) return;
      seen.add(k);
      for (const i of manifest[k]!.imports ?? []) walk(i);
    };
    walk(key);
    return seen;
  };
  // Each file gzipped once: the pages share most of theirs.
  const gzipped = new Map<string, number>();
  const gz = (file: string) => {
    const known = gzipped.get(file);
    if (known !== undefined) return known;
    const n = gzipSync(readFileSync(join(dist, file))).length;
    gzipped.set(file, n);
    return n;
  };
  const size = (keys: Set<string>) => [...keys].reduce((sum, k) => sum + gz(manifest[k]!.file), 0);
  const kB = (keys: Set<string>) => (size(keys) / 1024).toFixed(1);
  // The entry loads its steps (React's DOM renderer, then boot.tsx; main.tsx) on every page.
  const steps = [entryKey, ...(manifest[entryKey]!.dynamicImports ?? [])];
  const entry = new Set(steps.flatMap((k) => [...closure(k)]));
  // A first page is the entry with the page's own chunk and what that chunk imports: every page,
  // the home and the sign-in page among them, is loaded when shown.
  const pages = [
    ['`/` for a visitor (the public portal)', 'PortalPage'],
    ['`/` once signed in (the home)', 'HomePage'],
    ['`/masuk` (sign-in)', 'LoginPage'],
  ] as const;
  say('| what | files | gzip kB |');
  say('|---|---|---|');
  say(
    `| the entry, its steps and their static imports, common to every page | ${entry.size} | ${kB(entry)} |`,
  );
  let largest = entry;
  for (const [what, name] of pages) {
    const key = keyOf(name);
    if (!key) continue;
    const page = new Set([...entry, ...closure(key, entry)]);
    if (size(page) > size(largest)) largest = page;
    say(`| first page ${what} | ${page.size} | ${kB(page)} |`);
  }
  const mapKey = keyOf('RegionMap');
  if (mapKey) {
    const map = closure(mapKey, largest);
    say(
      `| a map on top of it (d3-geo and the map component, loaded only when a map is shown) | ${map.size} | ${kB(map)} |`,
    );
  }
  say();
  // What the server sends for the largest first page: the files as built (the baseline: the server
  // sent them so before 2026-12-03), or the .gz and .br copies written at build time.
  // A file under 1 kB has no compressed copy and goes as it is, as the server sends it.
  const sent = (suffix: string) =>
    [...largest].reduce((sum, k) => {
      const file = join(dist, manifest[k]!.file);
      return sum + readFileSync(existsSync(`${file}${suffix}`) ? `${file}${suffix}` : file).length;
    }, 0);
  const plain = sent('');
  say('| the largest first page as sent | kB | ratio to uncompressed |');
  say('|---|---|---|');
  for (const [what, suffix] of [
    ['uncompressed (baseline)', ''],
    ['gzip (.gz written at build)', '.gz'],
    ['brotli (.br written at build)', '.br'],
  ] as const)
    say(`| ${what} | ${(sent(suffix) / 1024).toFixed(1)} | ${(sent(suffix) / plain).toFixed(2)} |`);
  say();
}

const date = new Date().toISOString().slice(0, 10);
say(`# Sinergi benchmarks, ${date}`);
say();
say(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}.`,
);
say(
  'Baseline: a bare Fastify hello-world route served in the same run on the same machine; compare ratios, not raw numbers, across runs (the machine is shared and noisy).',
);
say();
await loadBench();
await httpBench();
scoringBench();
await importBench();
bundleBench();
const file = join(root, 'bench/results', `${date}.md`);
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`written: ${file}`);
await closeParsePool();

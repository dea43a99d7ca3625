/**
 * The API under load, written to bench/results/<date>-api.md: the real server (`sinergi serve`, as
 * a user runs it, request logging on) in its own process with the demo data, on PGlite and on
 * PostgreSQL when TEST_DATABASE_URL is set; autocannon at 50 connections from this process, and a
 * bare Fastify hello-world in its own process as the baseline, measured again just before each
 * route (the machine is shared: its speed moves between minutes, so each ratio is taken in turns).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { regionsLoaded, signIn, sleep, startServer } from './hostile-server.ts';

const root = new URL('..', import.meta.url).pathname;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/**
 * Each route is loaded this long before it is measured, not counted: a server just started is still
 * compiling (V8 optimises the hot JavaScript, and PGlite's WebAssembly, on background threads that
 * share the two cores), and the first requests fill the read cache. A region lookup on PGlite
 * measured cold ran at about half the rate of the same lookup a minute later.
 */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CONNECTIONS = 50;
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** What Chromium sends with every request: the server may answer compressed. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

async function load(url: string, headers: Record<string, string> = {}, duration = DURATION): Promise<Load> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: { ...BROWSER, ...headers },
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function startHello(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'bench/hello-server.mjs')], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'inherit',
  });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/hello`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await sleep(100);
  }
  throw new Error('hello-world did not start');
}

const row = (label: string, engine: string, l: Load, hello: number) =>
  `| ${label} | ${engine} | ${l.rps.toFixed(0)} | ${l.p50} | ${l.p99} | ${l.errors} | ${hello.toFixed(0)} | ${(l.rps / hello).toFixed(3)} |`;

async function freshPostgres(): Promise<string | null> {
  if (!process.env.TEST_DATABASE_URL) return null;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS sinergi_api_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE sinergi_api_bench');
  await admin.end();
  const u = new URL(process.env.TEST_DATABASE_URL);
  u.pathname = '/sinergi_api_bench';
  return u.toString();
}

async function main() {
  const date = new Date().toISOString().slice(0, 10);
  say(`# Sinergi API under load, ${date}`);
  say();
  say(
    `Machine: ${cpus()[0]?.model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  );
  say(
    `autocannon, ${CONNECTIONS} connections, ${DURATION} s per route after ${WARMUP} s of the same load not counted (the server's JIT warms and the read cache fills), from the bench process; the server (\`sinergi serve\`, LOG_LEVEL=info, the demo data and the national regions) and the baseline each in a process of their own. Every request says \`accept-encoding: ${BROWSER['accept-encoding']}\`, as Chromium does. Latencies in ms.`,
  );
  say();
  const hello = await startHello(3290);
  process.once('exit', () => hello.kill());
  /** The baseline, measured in the turn before each route. */
  const helloNow = () => load('http://127.0.0.1:3290/hello');
  const base = await helloNow();
  const bases = [base.rps];
  say(
    'Each route is loaded right after a hello-world load of the same length; its ratio is to that hello-world (its req/s in the column before).',
  );
  say();
  say(
    '| route | engine | req/s | p50 | p99 | errors | hello-world just before (req/s) | ratio to hello-world |',
  );
  say('|---|---|---|---|---|---|---|---|');
  say(row('bare Fastify `GET /hello` (baseline, first turn)', '–', base, base.rps));
  // The same server with its read cache off (READ_CACHE_ENTRIES=0) shows, in this run, what the
  // cache gains; the rest of this work (sessions remembered, helmet's headers once, one log line,
  // PGlite's parsers once) is in both.
  const engines: [string, string | null, string][] = [
    ['PGlite', null, '5000'],
    ['PGlite, cache off', null, '0'],
  ];
  const pgUrl = await freshPostgres();
  if (pgUrl) engines.push(['PostgreSQL', pgUrl, '5000'], ['PostgreSQL, cache off', pgUrl, '0']);
  for (const [engine, databaseUrl, cacheEntries] of engines) {
    const dir = mkdtempSync(join(tmpdir(), 'sinergi-api-bench-'));
    if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
    else delete process.env.DATABASE_URL;
    process.env.READ_CACHE_ENTRIES = cacheEntries;
    const server = await startServer(join(dir, 'data'), 3291, join(dir, 'server.log'));
    try {
      await regionsLoaded(server.url);
      const { cookie } = await signIn(server.url, 'perencana');
      const routes: [string, string, Record<string, string>][] = [
        ['`GET /api/health`', '/api/health', {}],
        ['public `GET /api/index/summary`', '/api/index/summary', {}],
        ['public `GET /api/regions/35.05.01.2001`', '/api/regions/35.05.01.2001', {}],
        ['public `GET /api/regions/search?q=jaten`', '/api/regions/search?q=jaten', {}],
        ['signed in `GET /api/proposals?limit=100`', '/api/proposals?limit=100', { cookie }],
        ['signed in `GET /api/projects`', '/api/projects', { cookie }],
      ];
      if (cacheEntries !== '0') {
        // What a browser receives of the largest list (it sends accept-encoding).
        const sizes: number[] = [];
        for (const encoding of ['identity', 'gzip', 'br'])
          sizes.push(
            await bytesOnTheWire(`${server.url}/api/projects`, { cookie, 'accept-encoding': encoding }),
          );
        sent.push(`| ${engine} | ${sizes.map((b) => (b / 1000).toFixed(1)).join(' | ')} |`);
      }
      if (cacheEntries === '0') {
        // 50 requests for the slowest list, abandoned by their client after 100 ms, then health.
        const abandoned = Array.from({ length: 50 }, () =>
          request(`${server.url}/api/projects`, { headers: { cookie } }).on('error', () => undefined),
        );
        for (const r of abandoned) r.end();
        await sleep(100);
        for (const r of abandoned) r.destroy();
        const t0 = performance.now();
        await fetch(`${server.url}/api/health`);
        abandonedRows.push(`| ${engine} | ${(performance.now() - t0).toFixed(0)} |`);
      }
      for (const [label, path, headers] of routes) {
        if (WARMUP > 0) await load(`${server.url}${path}`, headers, WARMUP);
        const before = (await helloNow()).rps;
        bases.push(before);
        const l = await load(`${server.url}${path}`, headers);
        const t0 = performance.now();
        await fetch(`${server.url}/api/health`);
        const after = performance.now() - t0;
        say(`${row(label, engine, l, before)}`);
        afterLoad.push(`| ${label} | ${engine} | ${after.toFixed(0)} |`);
      }
    } finally {
      server.process.kill('SIGTERM');
      await new Promise((r) => server.process.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  }
  hello.kill();
  const sorted = [...bases].sort((a, b) => a - b);
  say();
  say(
    `hello-world over the ${bases.length} turns: ${sorted[0]!.toFixed(0)} to ${sorted.at(-1)!.toFixed(0)} req/s, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)}.`,
  );
  say();
  say(
    "One `GET /api/health` sent the moment each load ended (autocannon waits for its last answers, so the load's requests in flight are ahead of it):",
  );
  say();
  say('| load | engine | health answered in (ms) |');
  say('|---|---|---|');
  for (const l of afterLoad) say(l);
  say();
  say(
    'Fifty `GET /api/projects` (the slowest list, read cache off) dropped by their client after 100 ms, then one `GET /api/health`: each dropped request gives up its turn at the database.',
  );
  say();
  say('| engine | health answered in (ms) |');
  say('|---|---|');
  for (const l of abandonedRows) say(l);
  say();
  say('`GET /api/projects` (signed in) as sent, in kB on the wire, by the encoding the client takes:');
  say();
  say('| engine | identity | gzip | brotli |');
  say('|---|---|---|---|');
  for (const l of sent) say(l);
  say();
  const file = join(root, 'bench/results', `${date}-api.md`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`written ${file}`);
}

/** The body's length as sent (node:http does not unpack, unlike fetch). */
function bytesOnTheWire(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => {
        n += chunk.length;
      });
      res.on('end', () => resolve(n));
    }).on('error', reject);
  });
}

const afterLoad: string[] = [];
const sent: string[] = [];
const abandonedRows: string[] = [];

await main();

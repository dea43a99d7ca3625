/**
 * One kabupaten's routes as its installation grows (issue 22, part 6), written to
 * bench/results/<date>-tenants-<engine>.md. The database (TEST_DATABASE_URL: PostgreSQL from
 * scripts/with-postgres.sh, or a Citus coordinator with two workers from scripts/with-citus.sh)
 * gets 1, then 10, then 38 kabupaten of Blitar's size: each a schema of its own, as `sinergi
 * kabupaten add` makes one (on Citus a distributed schema), migrated, with the regions of all
 * Indonesia and the demo's Blitar data (synthetic copies, seeded). At each size the real server
 * (`sinergi serve`, read cache off so every answer reads the database) serves the first, and
 * autocannon measures its main reads and a write. The baseline is the same routes with 1 kabupaten.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../apps/server/src/config.ts';
import { systemPrincipal } from '../apps/server/src/context.ts';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { jobHandlers } from '../apps/server/src/modules/index.ts';
import { runJobNow } from '../apps/server/src/modules/jobs/jobs.service.ts';
import { seed } from '../apps/server/src/seed/seed.ts';
import { createContext, createLogger } from '../apps/server/src/server.ts';
import { signIn, startServer } from './hostile-server.ts';

const root = new URL('..', import.meta.url).pathname;
const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error('run through scripts/with-postgres.sh or scripts/with-citus.sh');
const engine = process.env.TEST_CITUS === '1' ? 'citus' : 'postgres';
const SIZES = (process.env.BENCH_TENANTS ?? '1,10,38').split(',').map(Number);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
const schemaOf = (i: number) => `bench_k${String(i).padStart(2, '0')}`;

const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

/** A kabupaten of Blitar's size in a schema of its own; seconds taken. */
async function addKabupaten(i: number): Promise<number> {
  const t0 = performance.now();
  const schema = schemaOf(i);
  const config = loadConfig({
    SINERGI_MODE: 'demo',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    DATABASE_SCHEMA: schema,
  });
  const database = await openDatabase({ databaseUrl: url!, poolSize: 2, schema });
  try {
    await database.migrate();
    const ctx = createContext(config, database, createLogger({ logLevel: 'silent' }));
    await seed(ctx);
    const job = await runJobNow(ctx, systemPrincipal, { kind: 'regions.load', params: {} }, jobHandlers);
    if (job.status !== 'succeeded') throw new Error(`regions.load ${job.status}`);
  } finally {
    await database.close();
  }
  return (performance.now() - t0) / 1000;
}

/** The real server for the first kabupaten, read cache off, no job worker (bench/hostile-server.ts). */
function serveFirst(port: number, dir: string) {
  return startServer(dir, port, join(dir, 'server.log'), {
    DATABASE_URL: url!,
    DATABASE_SCHEMA: schemaOf(1),
    LOG_LEVEL: 'warn',
    READ_CACHE_ENTRIES: '0',
    JOB_WORKER: 'false',
  });
}

interface Row {
  route: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(base: string): Promise<Row[]> {
  const { cookie, csrf } = await signIn(base, 'admin');
  const documents = await (await fetch(`${base}/api/settings/documents`, { headers: { cookie } })).text();
  const routes: { route: string; opts: autocannon.Options }[] = [
    { route: 'public `GET /api/index/summary`', opts: { url: `${base}/api/index/summary` } },
    { route: 'public `GET /api/projects`', opts: { url: `${base}/api/projects` } },
    {
      route: 'signed in `GET /api/proposals?limit=100`',
      opts: { url: `${base}/api/proposals?limit=100`, headers: { cookie } },
    },
    {
      route: 'signed in write `PUT /api/settings/documents`',
      opts: {
        url: `${base}/api/settings/documents`,
        method: 'PUT',
        body: documents,
        headers: { cookie, 'x-csrf-token': csrf, origin: base, 'content-type': 'application/json' },
      },
    },
  ];
  const rows: Row[] = [];
  for (const { route, opts } of routes) {
    const r = await autocannon({ ...opts, connections: CONNECTIONS, duration: DURATION });
    rows.push({
      route,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.non2xx,
    });
  }
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), 'sinergi-bench-tenants-'));
const date = new Date().toISOString().slice(0, 10);
const results = new Map<number, Row[]>();
const setup: string[] = [];
let made = 0;
for (const size of SIZES) {
  const times: number[] = [];
  while (made < size) times.push(await addKabupaten(++made));
  if (times.length)
    setup.push(
      `${times.length} kabupaten added (${made} in all): ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)} s each on average`,
    );
  const server = (await serveFirst(4500 + size, dir)).process;
  try {
    await measure(`http://127.0.0.1:${4500 + size}`); // warm-up, not counted
    results.set(size, await measure(`http://127.0.0.1:${4500 + size}`));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

const label =
  engine === 'citus' ? 'Citus 13.2 (a coordinator and two workers on this machine)' : 'PostgreSQL 15';
say(`# One kabupaten's routes as the installation grows, on ${label}, ${date}`);
say();
say(
  `Machine: ${cpus()[0]?.model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
);
say(
  `Each kabupaten a schema of its own${engine === 'citus' ? ' (a Citus distributed schema: its tables together on one worker)' : ''}, with the national regions (91,599 rows) and the demo's Blitar data seeded (synthetic copies of one kabupaten). ` +
    `The real server serves the first kabupaten, read cache off (every answer reads the database), log level warn; autocannon, ${CONNECTIONS} connections, ${DURATION} s per route after one unmeasured round. ` +
    'Baseline: the same routes with 1 kabupaten in the database, measured in the same run. Latencies in ms.',
);
say();
for (const line of setup) say(`- ${line}`);
say();
say('| kabupaten in the database | route | req/s | p50 | p99 | errors | req/s against 1 kabupaten |');
say('|---|---|---|---|---|---|---|');
const base = results.get(1)!;
for (const [size, rows] of results)
  rows.forEach((row, i) => {
    say(
      `| ${size} | ${row.route} | ${Math.round(row.rps)} | ${row.p50} | ${row.p99} | ${row.errors} | ${(row.rps / base[i]!.rps).toFixed(2)} |`,
    );
  });
writeFileSync(join(root, `bench/results/${date}-tenants-${engine}.md`), `${lines.join('\n')}\n`);
process.exit(0);

/**
 * The national IDM scoring and dashboard (issue 22, part 6), written to
 * bench/results/<date>-national-<engine>.md. On PostgreSQL (scripts/with-postgres.sh) or Citus with
 * two workers (scripts/with-citus.sh): Kabupaten Blitar (the demo) with the national regions and the
 * province of Jawa Timur added (its own schema; on Citus a distributed one), into which:
 *
 * 1. scoring: core's IDM of every desa of Indonesia from 50 indicator scores (synthetic, seeded),
 *    and the import of a national composites file of every desa (the server's own path: each row
 *    checked, its status computed and compared, one transaction), against a bare COPY of the same
 *    rows in the same run;
 * 2. the dashboard (`GET /api/index/national`, at the province: Jawa Timur beside Indonesia, a row per
 *    province) served by the real server: its first read after a start, its read after a write,
 *    and autocannon's rate with the read cache and without, against a bare Fastify hello-world
 *    measured in the same run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { computeIndex, idm2016 } from '@sinergi/core';
import autocannon from 'autocannon';
import { loadConfig } from '../apps/server/src/config.ts';
import { type AppContext, systemPrincipal } from '../apps/server/src/context.ts';
import { addKabupaten } from '../apps/server/src/installation/installation.service.ts';
import { tenantConfig } from '../apps/server/src/installation/tenants.ts';
import { jobHandlers } from '../apps/server/src/modules/index.ts';
import { runJobNow } from '../apps/server/src/modules/jobs/jobs.service.ts';
import { importCompositesFile } from '../apps/server/src/modules/village-index/village-index.import.ts';
import { seed } from '../apps/server/src/seed/seed.ts';
import { createContext, createLogger, openConfiguredDatabase } from '../apps/server/src/server.ts';
import { startServer } from './hostile-server.ts';
import { importAgainstCopy, nationalCompositesCsv, seededIndicatorScores } from './national-file.ts';

const root = new URL('..', import.meta.url).pathname;
const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error('run through scripts/with-postgres.sh or scripts/with-citus.sh');
const engine = process.env.TEST_CITUS === '1' ? 'citus' : 'postgres';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const YEAR = 2030;

const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'sinergi-bench-national-'));
const config = loadConfig({ SINERGI_MODE: 'demo', LOG_LEVEL: 'silent', DATABASE_URL: url, DATA_DIR: dir });

const HOST = 'jatim.bench';
const provinceConfig = tenantConfig(config, { code: '35', hosts: [HOST] });

/** Blitar, then the province of Jawa Timur added (on Citus a distributed schema), whose data the dashboard reads. */
async function prepare(): Promise<AppContext> {
  const database = await openConfiguredDatabase(config);
  const blitar = createContext(config, database, createLogger({ logLevel: 'silent' }));
  await database.migrate();
  await seed(blitar);
  await runJobNow(blitar, systemPrincipal, { kind: 'regions.load', params: {} }, jobHandlers);
  await addKabupaten(blitar, '35', [HOST], jobHandlers);
  await database.close();
  return createContext(
    provinceConfig,
    await openConfiguredDatabase(provinceConfig),
    createLogger({ logLevel: 'silent' }),
  );
}

/** Core's scoring of `n` desa from 50 indicator scores each (seeded, so each run scores the same). */
function scoring(n: number): number[] {
  const desa = seededIndicatorScores(n, 20_261_204);
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    for (const scores of desa) computeIndex(idm2016, scores);
    runs.push(performance.now() - t);
  }
  return runs;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}
async function load(target: string, headers: Record<string, string> = {}): Promise<Load> {
  await autocannon({ url: target, headers, connections: CONNECTIONS, duration: 2 }); // warm-up, not counted
  const r = await autocannon({ url: target, headers, connections: CONNECTIONS, duration: DURATION });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function hello(port: number): Promise<Load> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bench/hello-server.mjs')], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/hello`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return await load(`http://127.0.0.1:${port}/hello`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('hello-world did not start');
  } finally {
    child.kill();
  }
}

/** One read sent to the province's host name (fetch would send the address's own), timed. */
function timed(target: string): Promise<{ ms: number; body: { nation: { desa: number } | null } }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(target, { headers: { host: HOST } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ ms: performance.now() - t, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const ctx = await prepare();
const scoreRuns = scoring(75_266);
const { csv } = nationalCompositesCsv(YEAR);
const imported = await importAgainstCopy(ctx, csv, YEAR);
await ctx.database.close();

const baseline = await hello(4790);
const served: { cache: string; first: number; afterWrite: number; load: Load }[] = [];
for (const cache of ['on', 'off']) {
  const server = await startServer(dir, cache === 'on' ? 4791 : 4792, join(dir, 'server.log'), {
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
    JOB_WORKER: 'false',
    ...(cache === 'off' ? { READ_CACHE_ENTRIES: '0' } : {}),
  });
  try {
    const target = `${server.url}/api/index/national`;
    const first = await timed(target);
    if (first.body.nation?.desa !== imported.rows)
      throw new Error(`the dashboard counts ${first.body.nation?.desa} desa, not ${imported.rows}`);
    // A write to the results (one desa's official value imported again): the next read is fresh.
    const after: number[] = [];
    const writer = await openConfiguredDatabase(provinceConfig);
    const wctx = createContext(provinceConfig, writer, createLogger({ logLevel: 'silent' }));
    const [header, line] = csv.split('\n', 2) as [string, string];
    for (let i = 0; i < 5; i++) {
      // One desa's value changed (low, then high, in turn), with the status that belongs to it.
      const cells = line.split(',');
      const [value, status] = i % 2 ? ['0.9', 'MANDIRI'] : ['0.4', 'SANGAT TERTINGGAL'];
      cells.splice(8, 5, value, value, value, value, status);
      const file = Buffer.from(`${header}\n${cells.join(',')}`);
      await importCompositesFile(wctx, systemPrincipal, file, 'satu.csv');
      await new Promise((r) => setTimeout(r, 100)); // the change notice's way back
      after.push((await timed(target)).ms);
    }
    await writer.close();
    served.push({
      cache,
      first: first.ms,
      afterWrite: median(after),
      load: await load(target, { host: HOST }),
    });
  } finally {
    server.process.kill('SIGTERM');
    await new Promise((r) => server.process.once('exit', r));
  }
}

const date = new Date().toISOString().slice(0, 10);
const label =
  engine === 'citus' ? 'Citus 13.2 (a coordinator and two workers on this machine)' : 'PostgreSQL 15';
say(`# The national IDM scoring and dashboard on ${label}, ${date}`);
say();
say(
  `Machine: ${cpus()[0]?.model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
);
say(
  `Kabupaten Blitar (the demo) with the 83,762 national regions; every desa of Indonesia in them (${imported.rows.toLocaleString('en')}: the 83,762 less the kelurahan, which IDM does not score), with synthetic values (bench/national-file.ts), imported into the province of Jawa Timur added to the installation (a schema of its own${engine === 'citus' ? ', a Citus distributed schema on one worker' : ''}), whose dashboard shows Jawa Timur beside Indonesia.`,
);
say();
say('## 1. Scoring');
say();
say('| what | runs (ms) | median (ms) | baseline in the same run |');
say('|---|---|---|---|');
say(
  `| core: IDM of 75,266 desa from 50 indicator scores each | ${scoreRuns.map((x) => x.toFixed(0)).join(', ')} | ${median(scoreRuns).toFixed(0)} | |`,
);
say(
  `| import of the national composites file (${imported.rows.toLocaleString('en')} rows: each checked, its status computed and compared, one transaction; the year's first import) | ${imported.importRuns.map((x) => x.toFixed(0)).join(', ')} | ${median(imported.importRuns).toFixed(0)} | bare COPY of the same rows into a temporary table: ${median(imported.copyRuns).toFixed(0)} ms (ratio ${(median(imported.importRuns) / median(imported.copyRuns)).toFixed(1)}); into a table made like the real one (keys, logged): ${median(imported.likeRuns).toFixed(0)} ms (ratio ${(median(imported.importRuns) / median(imported.likeRuns)).toFixed(1)}) |`,
);
say(
  `| the same file imported again (every row compared, nothing changes) | ${imported.againRuns.map((x) => x.toFixed(0)).join(', ')} | ${median(imported.againRuns).toFixed(0)} | |`,
);
say();
say('## 2. The dashboard: `GET /api/index/national`');
say();
say(
  `Jawa Timur beside Indonesia, a row per province, over the ${imported.rows.toLocaleString('en')} desa of ${YEAR}; the real server (\`sinergi serve\`, log level warn). autocannon, ${CONNECTIONS} connections, ${DURATION} s after 2 s unmeasured; the baseline is a bare Fastify hello-world in its own process, in the same run. After a write: one desa's value imported again, then the next read (median of 5). Latencies in ms.`,
);
say();
say(
  '| read cache | first read after the start | read after a write | req/s | p50 | p99 | errors | against hello-world |',
);
say('|---|---|---|---|---|---|---|---|');
for (const s of served)
  say(
    `| ${s.cache} | ${s.first.toFixed(0)} | ${s.afterWrite.toFixed(0)} | ${s.load.rps.toFixed(0)} | ${s.load.p50} | ${s.load.p99} | ${s.load.errors} | ${(s.load.rps / baseline.rps).toFixed(3)} |`,
  );
say(
  `| hello-world | | | ${baseline.rps.toFixed(0)} | ${baseline.p50} | ${baseline.p99} | ${baseline.errors} | 1 |`,
);
writeFileSync(join(root, `bench/results/${date}-national-${engine}.md`), `${lines.join('\n')}\n`);
process.exit(0);

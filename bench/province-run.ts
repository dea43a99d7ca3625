/**
 * The province's synchronisation as its installation grows (issue 22, parts 2 and 6), written to
 * bench/results/<date>-province-<engine>.md. On PostgreSQL (scripts/with-postgres.sh) or Citus
 * with two workers (scripts/with-citus.sh): Kabupaten Blitar first (the demo, its sample plans),
 * the province of Jawa Timur added with an RPJMD of one goal and six targets, then kabupaten/kota
 * of Jawa Timur added as `sinergi kabupaten add` does, each with a synthetic copy of Blitar's plans
 * (new ids), a copy of the province's plans taken, and its RPJMD targets linked to the province's.
 * At 1, 10 and 38 kabupaten the real server (`sinergi serve`, read cache off) serves them all, and
 * autocannon measures the province's routes; the baseline is Blitar's own synchronisation
 * (`GET /api/plans/sync`) in the same run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type Config, loadConfig } from '../apps/server/src/config.ts';
import { type AppContext, systemPrincipal } from '../apps/server/src/context.ts';
import { addKabupaten } from '../apps/server/src/installation/installation.service.ts';
import { tenantConfig } from '../apps/server/src/installation/tenants.ts';
import { jobHandlers } from '../apps/server/src/modules/index.ts';
import { runJobNow } from '../apps/server/src/modules/jobs/jobs.service.ts';
import { pullFromProvince } from '../apps/server/src/modules/plans/plans.province.ts';
import * as plans from '../apps/server/src/modules/plans/plans.repository.ts';
import { seed } from '../apps/server/src/seed/seed.ts';
import { createContext, createLogger, openConfiguredDatabase } from '../apps/server/src/server.ts';
import { startServer } from './hostile-server.ts';

const root = new URL('..', import.meta.url).pathname;
const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error('run through scripts/with-postgres.sh or scripts/with-citus.sh');
const engine = process.env.TEST_CITUS === '1' ? 'citus' : 'postgres';
const SIZES = (process.env.BENCH_TENANTS ?? '1,10,38').split(',').map(Number);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
// Each served kabupaten holds a pool of its own: 39 of them within the database's connections.
const POOL = '2';
const PROVINCE_HOST = 'jatim.bench';
const year = String(new Date().getUTCFullYear());
// The 38 kabupaten/kota of Jawa Timur (Blitar, 35.05, is the first).
const codes = [
  ...Array.from({ length: 29 }, (_, i) => `35.${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 9 }, (_, i) => `35.${71 + i}`),
].filter((c) => c !== '35.05');

const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};
const dir = mkdtempSync(join(tmpdir(), 'sinergi-bench-province-'));
const home = loadConfig({
  SINERGI_MODE: 'demo',
  LOG_LEVEL: 'silent',
  DATABASE_URL: url,
  DATA_DIR: dir,
  DATABASE_POOL_SIZE: POOL,
});

async function open(config: Config): Promise<AppContext> {
  const database = await openConfiguredDatabase(config);
  return createContext(config, database, createLogger({ logLevel: 'silent' }));
}

/** Blitar with its demo plans; the province with its RPJMD; returns the province's six targets. */
async function prepare() {
  const blitar = await open(home);
  await blitar.database.migrate();
  await seed(blitar);
  await runJobNow(blitar, systemPrincipal, { kind: 'regions.load', params: {} }, jobHandlers);
  await addKabupaten(blitar, '35', [PROVINCE_HOST], jobHandlers);
  const province = await open(tenantConfig(home, { code: '35', hosts: [PROVINCE_HOST] }));
  const planId = crypto.randomUUID();
  const goal = crypto.randomUUID();
  const targets = Array.from({ length: 6 }, () => crypto.randomUUID());
  await province.database.db.transaction((tx) =>
    plans.insertPlansInBulk(tx, {
      plans: [
        {
          id: planId,
          kind: 'RPJMD',
          level: 'provinsi',
          name: 'RPJMD Jawa Timur (bench)',
          startYear: 2025,
          endYear: 2029,
        },
      ],
      nodes: [
        { id: goal, planId, kind: 'tujuan', title: 'Tujuan provinsi', position: 0 },
        ...targets.map((id, i) => ({
          id,
          planId,
          parentId: goal,
          kind: 'sasaran',
          title: `Sasaran provinsi ${i + 1}`,
          position: i,
        })),
      ],
      links: [],
      indicators: [],
    }),
  );
  const source = await plans.findAllPlansNodesLinks(blitar.database.db);
  const indicators = await plans.findAllIndicators(blitar.database.db);
  await link(blitar, province, targets);
  await blitar.database.close();
  return { province, targets, source, indicators };
}

/** A kabupaten takes the province's copy and links its RPJMD targets to the province's, in turn. */
async function link(kabupaten: AppContext, province: AppContext, targets: string[]) {
  kabupaten.installation.province = { code: '35', ctx: province };
  await pullFromProvince(kabupaten, systemPrincipal);
  const { allPlans, nodes } = await plans.findAllPlansNodesLinks(kabupaten.database.db);
  const rpjmd = new Set(
    allPlans.filter((p) => p.kind === 'RPJMD' && p.level === 'kabupaten').map((p) => p.id),
  );
  const sasaran = nodes.filter((n) => rpjmd.has(n.planId) && n.kind === 'sasaran');
  await kabupaten.database.db.transaction(async (tx) => {
    for (const [i, n] of sasaran.entries()) await plans.insertLinks(tx, n.id, [targets[i % targets.length]!]);
  });
}

/** A kabupaten of Jawa Timur with a synthetic copy of Blitar's own plans; seconds taken. */
async function addOne(code: string, ready: Awaited<ReturnType<typeof prepare>>): Promise<number> {
  const t0 = performance.now();
  const blitar = await open(home);
  try {
    await addKabupaten(blitar, code, [`k${code.replace('.', '-')}.bench`], jobHandlers);
  } finally {
    await blitar.database.close();
  }
  const kabupaten = await open(tenantConfig(home, { code, hosts: [] }));
  try {
    const { allPlans, nodes, links } = ready.source;
    const own = allPlans.filter((p) => !p.source && p.level !== 'provinsi');
    const keep = new Set(own.map((p) => p.id));
    const ids = new Map<string, string>();
    const id = (old: string) => ids.get(old) ?? ids.set(old, crypto.randomUUID()).get(old)!;
    const mine = nodes.filter((n) => keep.has(n.planId));
    const mineIds = new Set(mine.map((n) => n.id));
    await kabupaten.database.db.transaction((tx) =>
      plans.insertPlansInBulk(tx, {
        plans: own.map(({ createdAt: _c, updatedAt: _u, ...p }) => ({ ...p, id: id(p.id) })),
        nodes: mine.map(({ createdAt: _c, updatedAt: _u, importKey: _k, ...n }) => ({
          ...n,
          id: id(n.id),
          planId: id(n.planId),
          parentId: n.parentId ? id(n.parentId) : null,
        })),
        links: links
          .filter((l) => mineIds.has(l.nodeId) && mineIds.has(l.supportsId))
          .map((l) => ({ nodeId: id(l.nodeId), supportsId: id(l.supportsId) })),
        indicators: ready.indicators
          .filter((i) => mineIds.has(i.nodeId))
          .map(({ importKey: _k, ...i }) => ({
            ...i,
            id: crypto.randomUUID(),
            nodeId: id(i.nodeId),
          })),
      }),
    );
    await link(kabupaten, ready.province, ready.targets);
  } finally {
    await kabupaten.database.close();
  }
  return (performance.now() - t0) / 1000;
}

/** A GET sent to the province's host name (fetch would send the address's own). */
function provinceGet(base: string, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { host: PROVINCE_HOST } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A write to one kabupaten's plans (Blitar's when null), as its Bappeda's edit would make. */
async function touchPlans(code: string | null) {
  const ctx = await open(code ? tenantConfig(home, { code, hosts: [] }) : home);
  try {
    const { nodes } = await plans.findAllPlansNodesLinks(ctx.database.db);
    await ctx.database.db.transaction((tx) => plans.updateNode(tx, nodes[0]!.id, { updatedAt: new Date() }));
  } finally {
    await ctx.database.close();
  }
}

interface Row {
  route: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}
async function measure(base: string): Promise<Row[]> {
  const province = { host: PROVINCE_HOST };
  const routes = [
    { route: 'baseline: Blitar `GET /api/plans/sync`', opts: { url: `${base}/api/plans/sync?year=${year}` } },
    {
      route: 'province `GET /api/plans/province/sync`',
      opts: { url: `${base}/api/plans/province/sync?year=${year}`, headers: province },
    },
    {
      route: 'province `GET /api/plans/province`',
      opts: { url: `${base}/api/plans/province`, headers: province },
    },
    {
      route: 'province `GET /api/plans/province/matrix.xlsx`',
      opts: { url: `${base}/api/plans/province/matrix.xlsx?year=${year}`, headers: province },
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

const ready = await prepare();
const results = new Map<number, { rows: Row[]; plans: number; cold: number; afterWrite: number }>();
const setup: string[] = [];
let made = 1;
for (const size of SIZES) {
  const times: number[] = [];
  while (made < size) times.push(await addOne(codes[made++ - 1]!, ready));
  if (times.length)
    setup.push(
      `${times.length} kabupaten added (${made} in all): ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)} s each on average`,
    );
  const server = await startServer(dir, 4600 + size, join(dir, 'server.log'), {
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: POOL,
    LOG_LEVEL: 'warn',
    READ_CACHE_ENTRIES: '0',
    JOB_WORKER: 'false',
  });
  try {
    const base = server.url;
    // Cold: the first read after the start reads every government; then, five times, a read after
    // a write to one kabupaten's plans (only that one is read again).
    const t0 = performance.now();
    const sync = (await provinceGet(base, `/api/plans/province/sync?year=${year}`)) as {
      kabupaten: { plans: number }[];
    };
    const cold = performance.now() - t0;
    if (sync.kabupaten.length !== size)
      throw new Error(`the province reads ${sync.kabupaten.length} kabupaten, not ${size}`);
    const afterWrite: number[] = [];
    for (let i = 0; i < 5; i++) {
      await touchPlans(size === 1 ? null : codes[i % (size - 1)]!);
      await new Promise((r) => setTimeout(r, 100)); // the change notice's way back
      const t = performance.now();
      await provinceGet(base, `/api/plans/province/sync?year=${year}`);
      afterWrite.push(performance.now() - t);
    }
    await measure(base); // warm-up, not counted
    results.set(size, {
      rows: await measure(base),
      plans: sync.kabupaten.reduce((s, k) => s + k.plans, 0),
      cold,
      afterWrite: afterWrite.sort((a, b) => a - b)[2]!,
    });
  } finally {
    server.process.kill('SIGTERM');
    await new Promise((r) => server.process.once('exit', r));
  }
}
await ready.province.database.close();

const date = new Date().toISOString().slice(0, 10);
const label =
  engine === 'citus' ? 'Citus 13.2 (a coordinator and two workers on this machine)' : 'PostgreSQL 15';
say(`# The province's synchronisation as its installation grows, on ${label}, ${date}`);
say();
say(
  `Machine: ${cpus()[0]?.model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
);
say(
  `Kabupaten Blitar (the demo) first, the province of Jawa Timur (RPJMD: one goal, six targets), then kabupaten/kota of Jawa Timur, each a schema of its own${engine === 'citus' ? ' (a Citus distributed schema)' : ''} with a synthetic copy of Blitar's ${ready.source.allPlans.filter((p) => !p.source && p.level !== 'nasional' && p.level !== 'provinsi').length} plans of a kabupaten's own levels, the province's plans taken and its RPJMD targets linked to the province's. ` +
    `The real server serves them all (read cache off, ${POOL} connections per kabupaten's pool, log level warn); autocannon, ${CONNECTIONS} connections, ${DURATION} s per route after one unmeasured round. ` +
    "The province keeps what it read of each government until that government's database tells of a write to its plans (plans.province-read.ts): the autocannon rates are those between writes, and the first table gives the reads that follow a start or a write. " +
    "Baseline: Blitar's own synchronisation, measured in the same run. Latencies in ms.",
);
say();
for (const line of setup) say(`- ${line}`);
say();
say(
  "| kabupaten | plans read | first read after the start (ms) | read after one kabupaten's write, median of 5 (ms) |",
);
say('|---|---|---|---|');
for (const [size, r] of results)
  say(`| ${size} | ${r.plans} | ${r.cold.toFixed(0)} | ${r.afterWrite.toFixed(0)} |`);
say();
say('Then, with nothing written, autocannon:');
say();
say('| kabupaten | plans read | route | req/s | p50 | p99 | errors | req/s against the baseline |');
say('|---|---|---|---|---|---|---|---|');
for (const [size, { rows, plans: read }] of results)
  for (const row of rows)
    say(
      `| ${size} | ${read} | ${row.route} | ${row.rps.toFixed(1)} | ${row.p50} | ${row.p99} | ${row.errors} | ${(row.rps / rows[0]!.rps).toFixed(3)} |`,
    );
writeFileSync(join(root, `bench/results/${date}-province-${engine}.md`), `${lines.join('\n')}\n`);
process.exit(0);

/**
 * The hostile-input run of docs/SECURITY.md, written to bench/results/<date>-hostile.md: the real
 * server on a fresh PGlite directory, then hostile uploads, a fuzz of every write operation with
 * planted values (and a search of the log for them), races, and kill -9 in the middle of work.
 * Every figure in the result is measured in this run, on this machine.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { bigPbFile, tallXlsx, xlsxBomb } from '../apps/server/test/hostile-files.ts';
import {
  type Client,
  healthDuring,
  logPath,
  type Server,
  signIn,
  sleep,
  startServer,
} from './hostile-server.ts';

const root = new URL('..', import.meta.url).pathname;
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const dir = mkdtempSync(join(tmpdir(), 'sinergi-hostile-'));
const dataDir = join(dir, 'data');
const port = 4100 + Math.floor(Math.random() * 500);

async function uploads(server: Server, desa: Client, admin: Client) {
  say('## Hostile uploads');
  say();
  say('| What | Answers | Time | Health during (answers, slowest) | Server memory (RSS) before → peak |');
  say('| --- | --- | --- | --- | --- |');
  const cases: [string, () => Promise<{ status: number; text: string }[]>][] = [];
  const bombFile = await xlsxBomb(300 * 1024 * 1024);
  cases.push([
    `two ${(bombFile.length / 1e6).toFixed(1)} MB XLSX inflating to 300 MB at once (desa, progress import)`,
    () =>
      Promise.all([1, 2].map(() => desa.request('POST', '/api/projects/import/progress', bombFile, XLSX))),
  ]);
  const tallFile = await tallXlsx(210_000);
  cases.push([
    `two ${(tallFile.length / 1e6).toFixed(1)} MB XLSX of 210,000 rows at once (desa)`,
    () =>
      Promise.all([1, 2].map(() => desa.request('POST', '/api/projects/import/progress', tallFile, XLSX))),
  ]);
  const csv = Buffer.from(`no_kk,desil\n${'3505012345678901,3\n'.repeat(2_400_000)}`);
  cases.push([
    `${(csv.length / 1e6).toFixed(0)} MB deciles CSV of 2,400,000 rows (admin)`,
    () => Promise.all([admin.request('POST', '/api/deciles?year=2026', csv, 'text/csv')]),
  ]);
  const valid = Buffer.from(
    `no_kk,desil\n${Array.from({ length: 1_200_000 }, (_, i) => `3505${String(i).padStart(12, '0')},${(i % 10) + 1}`).join('\n')}\n`,
  );
  cases.push([
    `${(valid.length / 1e6).toFixed(0)} MB deciles CSV of 1,200,000 valid rows (admin)`,
    () => Promise.all([admin.request('POST', '/api/deciles?year=2026', valid, 'text/csv')]),
  ]);
  const pb = bigPbFile(300_000);
  cases.push([
    `${(pb.length / 1e6).toFixed(1)} MB .pb file of 300,000 ballots (admin)`,
    () => Promise.all([admin.request('POST', '/api/pb/imports?planYear=2027', pb, 'text/plain')]),
  ]);
  cases.push([
    '11 MB body to a 10 MB route',
    () =>
      Promise.all([
        desa.request('POST', '/api/projects/import/progress', Buffer.alloc(11 * 1024 * 1024, 97), 'text/csv'),
      ]),
  ]);
  for (const [type, path] of [
    [XLSX, '/api/projects/import/progress'],
    ['text/csv', '/api/projects/import/progress'],
    ['text/plain', '/api/pb/imports?planYear=2027'],
  ] as const)
    cases.push([
      `1 MB of random bytes as ${type} to ${path.split('?')[0]}`,
      () =>
        Promise.all([
          (path.includes('/pb/') ? admin : desa).request('POST', path, randomBytes(1 << 20), type),
        ]),
    ]);
  for (const [name, run] of cases) {
    const before = server.rssMb();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, server.rssMb());
    }, 100);
    const t0 = performance.now();
    const { result, answers, slowestMs } = await healthDuring(server.url, run());
    clearInterval(sampler);
    const statuses = result.map((r) => r.status).join(', ');
    const issue = result
      .map((r) => (JSON.parse(r.text || '{}') as { issues?: { issue: string }[] }).issues?.[0]?.issue ?? '')
      .filter(Boolean);
    say(
      `| ${name} | ${statuses}${issue.length ? ` (${[...new Set(issue)].join(', ')})` : ''} | ${((performance.now() - t0) / 1000).toFixed(1)} s | ${answers}, ${slowestMs} ms | ${before.toFixed(0)} → ${peak.toFixed(0)} MB |`,
    );
  }
  say();
}

type Operation = { method: string; path: string; properties: string[] };

async function operations(url: string): Promise<Operation[]> {
  const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } }>
    >;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      // Signing out and changing the password would end the fuzzing session.
      if (/auth\/(logout|password)|\/api\/backups$/.test(path)) continue;
      const schema = op.requestBody?.content?.['application/json']?.schema;
      ops.push({ method: method.toUpperCase(), path, properties: Object.keys(schema?.properties ?? {}) });
    }
  return ops;
}

async function fuzz(server: Server, admin: Client, desa: Client) {
  const marker = `PLANTED${randomBytes(4).toString('hex')}`;
  const nik = `3505${String(Date.now()).slice(-12)}`;
  const values: unknown[] = [
    `${marker}\u0000`,
    `${marker} Jl. Mawar 3, ${nik}`,
    `${marker}${'x'.repeat(100_000)}`,
    1e308,
    -1,
    '1.234,5',
    { nested: { deeper: [marker] } },
    Array.from({ length: 5_000 }, () => marker),
    null,
    '<script>alert(1)</script>',
    "' or 1=1 --",
  ];
  const ops = await operations(server.url);
  const counts = new Map<string, number>();
  let requests = 0;
  for (const who of [admin, desa])
    for (const op of ops) {
      const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(`${marker}\u0000/../x`));
      const bodies: unknown[] = [
        {},
        [],
        marker,
        ...values.map((v) => Object.fromEntries(op.properties.map((p) => [p, v]))),
      ];
      for (const body of bodies) {
        const res = await who.request(op.method, `${path}?q=${marker}%00&nik=${nik}`, body);
        requests += 1;
        const group = res.status >= 500 ? '5xx' : `${res.status}`;
        counts.set(group, (counts.get(group) ?? 0) + 1);
      }
    }
  await sleep(500);
  const log = readFileSync(logPath(dir), 'utf8');
  say('## Fuzz of every write operation');
  say();
  say(
    `${ops.length} operations × ${2} accounts (admin, desa) × ${3 + values.length} bodies = ${requests} requests, each with a planted marker, NIK-like number and NUL in the address and body.`,
  );
  say();
  say(
    `- Answers: ${[...counts.entries()]
      .sort()
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}`,
  );
  say(`- Server errors (5xx): ${counts.get('5xx') ?? 0}`);
  say(
    `- The planted marker in the server log: ${log.split(marker).length - 1} times; the planted NIK: ${log.split(nik).length - 1} times`,
  );
  say(`- Log size after the fuzz: ${(log.length / 1e6).toFixed(1)} MB`);
  say();
}

async function races(server: Server) {
  say('## Races');
  say();
  const tries = await Promise.all(
    Array.from({ length: 30 }, () =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ username: 'dprd', password: 'tebakan-salah' }),
      }).then((r) => r.status),
    ),
  );
  const after = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username: 'dprd', password: 'sinergi-demo' }),
  });
  say(
    `- 30 wrong passwords at once: answers ${[...new Set(tries)].join(', ')}; then the right password: ${after.status} (${after.status === 401 ? 'locked' : 'not locked'})`,
  );
  const admin = await signIn(server.url, 'admin');
  const jobs = await Promise.all(Array.from({ length: 20 }, () => admin.request('POST', '/api/backups')));
  const ids = new Set(jobs.map((j) => (JSON.parse(j.text) as { id: string }).id));
  say(`- 20 backup requests at once: ${ids.size} job`);
  say();
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<number | null> {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    if (await check().catch(() => false)) return (performance.now() - t0) / 1000;
    await sleep(250);
  }
  return null;
}

async function killDuringWork(server: Server): Promise<Server> {
  say('## kill -9 in the middle of work');
  say();
  const admin = await signIn(server.url, 'admin');
  const job = JSON.parse((await admin.request('POST', '/api/regions/load', { force: true })).text) as {
    id: string;
  };
  await waitFor(async () => {
    const j = JSON.parse((await admin.request('GET', `/api/jobs/${job.id}`)).text) as {
      progressDone: number;
    };
    return j.progressDone > 20_000;
  }, 120_000);
  const at = JSON.parse((await admin.request('GET', `/api/jobs/${job.id}`)).text) as {
    progressDone: number;
    startedAt: string;
  };
  server.process.kill('SIGKILL');
  await new Promise((r) => server.process.once('exit', r));
  const killedAt = performance.now();
  const restarted = await startServer(dataDir, port, logPath(dir));
  const restartS = (performance.now() - killedAt) / 1000;
  const regions = await fetch(`${restarted.url}/api/regions/35.05`).then((r) => r.status);
  const again = await signIn(restarted.url, 'admin');
  const jobNow = async () =>
    JSON.parse((await again.request('GET', `/api/jobs/${job.id}`)).text) as {
      status: string;
      startedAt: string;
    };
  // Seen as dead when a worker claims it again: its start time changes.
  const resumed = await waitFor(async () => (await jobNow()).startedAt !== at.startedAt, 120_000);
  const finished = await waitFor(
    async () => ['succeeded', 'failed'].includes((await jobNow()).status),
    300_000,
  );
  const final = await jobNow();
  say(
    `- Region reload killed at row ${at.progressDone.toLocaleString('en')}; the server was back ${restartS.toFixed(1)} s later and the kabupaten answered ${regions} at once (the old regions stay until the new ones switch in)`,
  );
  say(
    `- The killed job was taken up again ${resumed === null ? 'not within 120 s' : `${(restartS + resumed).toFixed(1)} s after the kill`} and ended ${final.status} ${finished?.toFixed(0) ?? 'more than 300'} s later`,
  );
  const backups = readdirSync(`${dataDir}-backups`).join(', ');
  say(`- Backup directory after the run: ${backups || '(empty)'} (no .partial under a final name)`);
  say();
  return restarted;
}

const started = new Date();
say(`# Hostile-input run, ${started.toISOString().slice(0, 10)}`);
say();
say(
  `Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; PGlite in ${dataDir}.`,
);
say('Written by `npm run bench:hostile`; every figure below was measured in this run.');
say();
let server = await startServer(dataDir, port, logPath(dir));
try {
  const admin = await signIn(server.url, 'admin');
  const desa = await signIn(server.url, 'desa.jaten');
  await uploads(server, desa, admin);
  await fuzz(server, admin, desa);
  await races(server);
  server = await killDuringWork(server);
  say(
    `Server still answering at the end: ${(await fetch(`${server.url}/api/health`)).status}. Run took ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} minutes.`,
  );
} finally {
  server.process.kill('SIGTERM');
  await new Promise((r) => server.process.once('exit', r));
  writeFileSync(
    join(root, 'bench/results', `${started.toISOString().slice(0, 10)}-hostile.md`),
    `${lines.join('\n')}\n`,
  );
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dataDir}-backups`, { recursive: true, force: true });
}

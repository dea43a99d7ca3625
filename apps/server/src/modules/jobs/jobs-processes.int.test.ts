import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../../test/global-setup.ts';
import { DEMO_PASSWORD, engine } from '../../../test/harness.ts';

/**
 * Several API processes on one PostgreSQL (issue 22, part 5): two real `sinergi serve` processes
 * share the job queue, each job is run once, and a job whose process is killed in the middle is
 * taken up by the other once its heartbeat is stale. A write through one process is seen at once
 * through the other, whose read cache hears the database's change notification.
 */
const root = new URL('../../../../../', import.meta.url).pathname;
const template = inject('postgresTemplate');
let url = '';
let backups = '';
const servers = new Map<string, ChildProcess>();

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

interface Started {
  base: string;
  pid: number;
  client: Awaited<ReturnType<typeof signIn>>;
}

async function start(name: string, attempt = 1): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ['apps/server/bin/sinergi.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: mkdtempSync(join(tmpdir(), `sinergi-${name}-`)),
      BACKUP_DIR: backups,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SINERGI_MODE: 'demo',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.set(name, child);
  // What the process says on stderr is kept, so that a start that fails says why.
  let said = '';
  const hear = (chunk: Buffer) => {
    said = (said + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', hear);
  child.stderr!.on('data', (chunk: Buffer) => {
    hear(chunk);
    process.stderr.write(chunk);
  });
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 150_000; ; ) {
    if (child.exitCode !== null || child.signalCode !== null) {
      // The free port was taken by another test file's server meanwhile: try another.
      if (said.includes('EADDRINUSE') && attempt < 3) return start(name, attempt + 1);
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it answered: ${said}`);
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start: ${said}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, pid: child.pid!, client: await signIn(base) };
}

/** An admin's session on one process: cookie and CSRF token. */
async function signIn(base: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: r.status, body: (await r.json().catch(() => null)) as Record<string, unknown> };
  };
}

const KOTA = 'kota.procs.test';
/** The kabupaten a process serves at a host name (sent in the Host header). */
function kabupatenAt(base: string, host: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: '/api/settings', headers: { host } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => {
        text += c.toString();
      });
      res.on('end', () =>
        resolve((JSON.parse(text) as { activeKabupaten: { code: string } }).activeKabupaten.code),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const db = () => new pg.Client({ connectionString: url });
async function jobs(ids: readonly string[]) {
  const c = db();
  await c.connect();
  try {
    return (
      await c.query<{ id: string; status: string; attempts: number; claimed_by: string }>(
        'select id, status, attempts, claimed_by from jobs where id = any($1)',
        [ids],
      )
    ).rows;
  } finally {
    await c.end();
  }
}
const until = async (what: string, check: () => Promise<boolean>, ms = 120_000) => {
  for (const deadline = Date.now() + ms; !(await check()); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe.skipIf(engine !== 'postgres')('two server processes on one database', () => {
  let name = '';
  beforeAll(async () => {
    name = `sinergi_procs_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: withDatabase(template!, 'postgres') });
    await admin.connect();
    await admin.query(`create database ${name} template ${new URL(template!).pathname.slice(1)}`);
    await admin.end();
    url = withDatabase(template!, name);
    backups = mkdtempSync(join(tmpdir(), 'sinergi-procs-backups-'));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(
      [...servers.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    const admin = new pg.Client({ connectionString: withDatabase(template!, 'postgres') });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('share the queue: each job runs once; a killed worker’s job is resumed by the other', async () => {
    const [a, b] = await Promise.all([start('a'), start('b')]);
    // Eight jobs queued at once (region loads that find the regions loaded) are each run once, by
    // whichever of the two workers claims them first.
    const c = db();
    await c.connect();
    const queued = await c.query<{ id: string }>(
      `insert into jobs (kind, params) select 'regions.load', '{"force": false}' from generate_series(1, 8) returning id`,
    );
    await c.end();
    const ids = queued.rows.map((r) => r.id);
    await until('eight jobs', async () => (await jobs(ids)).every((j) => j.status === 'succeeded')).catch(
      async (error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify(await jobs(ids))}`);
      },
    );
    expect((await jobs(ids)).map((j) => j.attempts)).toEqual(Array(8).fill(1));
    const byProcess = new Set((await jobs(ids)).map((j) => j.claimed_by.split('-')[0]));
    expect([...byProcess].every((pid) => pid === String(a.pid) || pid === String(b.pid))).toBe(true);

    // A backup asked of both processes at the same moment is queued once (a lock on the kind).
    const asked = await Promise.all([a.client('POST', '/api/backups'), b.client('POST', '/api/backups')]);
    expect(asked.map((r) => r.status)).toEqual([202, 202]);
    expect(asked[0]!.body.id).toBe(asked[1]!.body.id);
    await until('backup', async () => (await jobs([asked[0]!.body.id as string]))[0]!.status === 'succeeded');

    // A kabupaten added through one process is served by both at its host name, without a restart:
    // the one whose worker ran the job at its end, the other when it hears the list change.
    const added = await a.client('POST', '/api/installation/governments', { code: '35.72', hosts: KOTA });
    expect(added.status, JSON.stringify(added.body)).toBe(202);
    await until('added', async () => (await jobs([added.body.id as string]))[0]!.status === 'succeeded');
    for (const server of [a, b])
      await until(
        `${server.base} serves Kota Blitar`,
        async () => (await kabupatenAt(server.base, KOTA)) === '35.72',
      );
    expect(await kabupatenAt(a.base, 'localhost')).toBe('35.05');

    // A region load; the process that claims it is killed mid-way (kill -9), the other resumes it.
    const load = await b.client('POST', '/api/regions/load', { force: true });
    expect(load.status, JSON.stringify(load.body)).toBe(202);
    const id = load.body.id as string;
    let claimer = '';
    await until('claimed', async () => {
      const [j] = await jobs([id]);
      claimer = j?.status === 'running' ? j.claimed_by : '';
      return claimer !== '';
    });
    const victim = claimer.startsWith(`${a.pid}-`) ? 'a' : 'b';
    const survivor = victim === 'a' ? b : a;
    servers.get(victim)!.kill('SIGKILL');
    await until('resumed and done', async () => (await jobs([id]))[0]!.status === 'succeeded', 120_000);
    const [done] = await jobs([id]);
    expect(done!.attempts).toBe(2);
    expect(done!.claimed_by.startsWith(`${survivor.pid}-`)).toBe(true);
    // The survivor still answers, and its public reads follow writes made elsewhere.
    const first = (await survivor.client('GET', '/api/organisations')).body.items as {
      id: string;
      name: string;
    }[];
    const writer = db();
    await writer.connect();
    await writer.query('update organisations set name = $1 where id = $2', [
      'Dinas Diubah Proses Lain',
      first[0]!.id,
    ]);
    await writer.end();
    await until(
      'cache dropped',
      async () =>
        JSON.stringify((await survivor.client('GET', '/api/organisations')).body).includes(
          'Dinas Diubah Proses Lain',
        ),
      10_000,
    );
  }, 360_000);
});

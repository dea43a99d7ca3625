/** The real server as a child process, and a signed-in client for it, for the benches that need one (hostile input, API load, pages). */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export interface Server {
  url: string;
  process: ChildProcess;
  /** Resident memory of the server process, in MB (Linux /proc). */
  rssMb(): number;
}

export async function startServer(
  dataDir: string,
  port: number,
  logFile: string,
  env: Record<string, string> = {},
): Promise<Server> {
  // The server writes its log to the file itself, so this process spends nothing on it.
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['apps/server/bin/sinergi.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      BACKUP_DIR: `${dataDir}-backups`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${logFile}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('server did not start');
    await sleep(300);
  }
  return {
    url,
    process: child,
    rssMb: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      } catch {
        return 0;
      }
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the national regions the server queued at its first start are loaded. */
export async function regionsLoaded(url: string) {
  for (let i = 0; i < 600; i++) {
    const r = await fetch(`${url}/api/regions/35.05.01.2001`);
    if (r.ok) return;
    await sleep(500);
  }
  throw new Error('regions not loaded');
}

export interface Client {
  /** The session cookie, `name=value`, for tools that send their own requests (autocannon). */
  cookie: string;
  /** The CSRF token a write must carry, for tools that send their own requests. */
  csrf: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    type?: string,
  ): Promise<{ status: number; text: string }>;
}

export async function signIn(url: string, username: string, password = 'sinergi-demo'): Promise<Client> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrf: csrfToken,
    async request(method, path, body, type = 'application/json') {
      const headers: Record<string, string> = { cookie, origin: url };
      if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
      let payload: Uint8Array | string | undefined;
      if (body !== undefined) {
        headers['content-type'] = type;
        payload = Buffer.isBuffer(body)
          ? new Uint8Array(body)
          : typeof body === 'string'
            ? body
            : JSON.stringify(body);
      }
      const r = await fetch(`${url}${path}`, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
      });
      return { status: r.status, text: await r.text() };
    },
  };
}

/** Polls health every 50 ms while `work` runs: how many answers, and the slowest. */
export async function healthDuring<T>(url: string, work: Promise<T>) {
  let done = false;
  const answered: number[] = [];
  const watcher = (async () => {
    while (!done) {
      const t0 = performance.now();
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) answered.push(performance.now() - t0);
      await sleep(50);
    }
  })();
  const result = await work.finally(() => {
    done = true;
  });
  await watcher;
  return { result, answers: answered.length, slowestMs: Math.round(Math.max(0, ...answered)) };
}

export const logPath = (dir: string) => join(dir, 'server.log');

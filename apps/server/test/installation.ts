import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../src/config.ts';
import { type AppContext, systemPrincipal } from '../src/context.ts';
import { serveInstallation } from '../src/installation/serve.ts';
import { jobHandlers } from '../src/modules/index.ts';
import { runJobNow } from '../src/modules/jobs/jobs.service.ts';
import { seed } from '../src/seed/seed.ts';
import { createContext, createLogger, openConfiguredDatabase } from '../src/server.ts';
import { copyTemplate } from './harness.ts';

/**
 * An installation of several kabupaten (or a province) on one port, for tests over real HTTP:
 * Kabupaten Blitar first (the test template's copy on PostgreSQL, built here on PGlite), then
 * whatever `prepare` adds, served by `serveInstallation`, and requests sent to a host name.
 */
export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the answer it expects
  body: any;
  cookie: string | undefined;
  type: string | undefined;
}
export interface Session {
  cookie: string;
  csrf: string;
}

export async function startInstallation(
  prepare: (home: AppContext) => Promise<void>,
  opts: { jobWorker?: boolean } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-tenants-'));
  const env: Record<string, string> = {
    SINERGI_MODE: 'demo',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dir,
    BACKUP_DIR: join(dir, 'backups'),
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    JOB_WORKER: String(opts.jobWorker ?? false),
  };
  let drop = async () => {};
  const template = inject('postgresTemplate');
  if (template) {
    const copy = await copyTemplate('sinergi_tenants');
    env.DATABASE_URL = copy.url;
    drop = copy.drop;
  }
  const config: Config = loadConfig(env);
  const database = await openConfiguredDatabase(config);
  try {
    const home = createContext(config, database, createLogger({ logLevel: 'silent' }));
    await database.migrate();
    if (!template) {
      await seed(home);
      await runJobNow(home, systemPrincipal, { kind: 'regions.load', params: {} }, jobHandlers);
    }
    await prepare(home);
  } finally {
    await database.close();
  }
  const served = await serveInstallation(config, createLogger({ logLevel: 'silent' }));
  const port = (served.app.server.address() as AddressInfo).port;

  /** A request over HTTP to the installation's port, sent to a host name. */
  const send = (
    host: string,
    method: string,
    path: string,
    /** `type`: the body is sent as it is, with that content type (a CSV upload); else as JSON. */
    opts: { session?: Session | undefined; body?: unknown; type?: string } = {},
  ): Promise<Answer> => {
    const payload =
      opts.body === undefined ? undefined : opts.type ? String(opts.body) : JSON.stringify(opts.body);
    const headers: Record<string, string> = { host };
    if (payload) headers['content-type'] = opts.type ?? 'application/json';
    if (opts.session) {
      headers.cookie = opts.session.cookie;
      headers['x-csrf-token'] = opts.session.csrf;
    }
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = raw.toString('utf8');
          const set = res.headers['set-cookie']?.find((c) => c.startsWith('sinergi_session='));
          const json = (res.headers['content-type'] ?? '').includes('json');
          resolve({
            status: res.statusCode ?? 0,
            body: json ? JSON.parse(text) : raw,
            cookie: set?.split(';')[0],
            type: res.headers['content-type'],
          });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
  const signIn = async (host: string, username: string, password: string): Promise<Session | null> => {
    const answer = await send(host, 'POST', '/api/auth/login', { body: { username, password } });
    return answer.status === 200 ? { cookie: answer.cookie!, csrf: answer.body.csrfToken as string } : null;
  };
  const stop = async () => {
    await served.stop();
    await drop();
  };
  return { served, port, send, signIn, stop };
}

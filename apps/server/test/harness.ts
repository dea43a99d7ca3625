import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { type Config, loadConfig } from '../src/config.ts';
import { systemPrincipal } from '../src/context.ts';
import { openDatabase } from '../src/db/client.ts';
import { buildApp, type RouteEntry } from '../src/http/app.ts';
import { DEMO_PASSWORD } from '../src/modules/auth/auth.service.ts';
import { jobHandlers } from '../src/modules/index.ts';
import { runJobNow } from '../src/modules/jobs/jobs.service.ts';
import { seed } from '../src/seed/seed.ts';
import { createContext, createLogger } from '../src/server.ts';
import { withDatabase } from './global-setup.ts';

export { DEMO_PASSWORD };
export const engine = inject('postgresTemplate') ? 'postgres' : 'pglite';
/**
 * `npm run test:citus`: each test's app gets a distributed schema of its own on the Citus cluster,
 * built as a kabupaten added to an installation is (migrated, seeded, regions loaded), instead of
 * a copy of the template database (Citus keeps its metadata per database).
 */
export const onCitus = process.env.TEST_CITUS === '1';

async function citusSchema(config: Config, log: ReturnType<typeof createLogger>) {
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: url, poolSize: 4, schema });
  await database.migrate();
  // Seeded as the template is, in demo mode, whatever mode the test then runs in.
  const ctx = createContext({ ...config, mode: 'demo', databaseSchema: schema }, database, log);
  await seed(ctx);
  const job = await runJobNow(ctx, systemPrincipal, { kind: 'regions.load', params: {} }, jobHandlers);
  if (job.status !== 'succeeded') throw new Error(`regions.load ${job.status} ${job.errorCode}`);
  return { database, schema, drop: () => dropSchema(url, schema) };
}

async function dropSchema(url: string, schema: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.query(`drop role if exists ${schema}`);
  await admin.end();
}

/** PostgreSQL: a new database copied from the test template; `drop` removes it. */
export async function copyTemplate(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const template = inject('postgresTemplate');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const a = new pg.Client({ connectionString: withDatabase(template, 'postgres') });
    await a.connect();
    try {
      await a.query(statement);
    } finally {
      await a.end();
    }
  };
  await admin(`create database ${name} template ${new URL(template).pathname.slice(1)}`);
  return {
    url: withDatabase(template, name),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** A fresh copy of the template database with the whole app on top, driven through app.inject(). */
export async function createTestApp(env: Record<string, string> = {}, logTo?: { write(line: string): void }) {
  const config: Config = loadConfig({
    SINERGI_MODE: 'demo',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    BACKUP_DIR: mkdtempSync(join(tmpdir(), 'sinergi-test-backups-')),
    ...env,
  });
  const postgresTemplate = inject('postgresTemplate');
  let dropDatabase = async () => {};
  let database: Awaited<ReturnType<typeof openDatabase>>;
  // A test that reads the log passes where to write it, at level info unless it names another.
  const log = logTo
    ? createLogger({ logLevel: env.LOG_LEVEL ?? 'info' }, logTo)
    : createLogger({ logLevel: 'silent' });
  let schema = 'public';
  if (onCitus) {
    const built = await citusSchema(config, log);
    database = built.database;
    schema = built.schema;
    dropDatabase = built.drop;
  } else if (postgresTemplate) {
    const copy = await copyTemplate('sinergi_test');
    database = await openDatabase({ databaseUrl: copy.url, poolSize: 4 });
    dropDatabase = copy.drop;
  } else {
    const tarball = readFileSync(inject('pgliteTemplate'));
    database = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([tarball]) });
  }
  const ctx = createContext({ ...config, databaseSchema: schema }, database, log);
  const { app, routeTable } = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    routeTable,
    async close() {
      await app.close();
      await database.close();
      await dropDatabase();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * A migrated database that has never been seeded, on the engine under test (a restore's target):
 * a new PostgreSQL database, or an in-memory PGlite. `close` drops it.
 */
export async function openEmptyDatabase() {
  const postgresTemplate = inject('postgresTemplate');
  if (onCitus) {
    const url = process.env.TEST_DATABASE_URL!;
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const database = await openDatabase({ databaseUrl: url, poolSize: 2, schema });
    await database.migrate();
    return {
      database,
      async close() {
        await database.close();
        await dropSchema(url, schema);
      },
    };
  }
  if (!postgresTemplate) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return { database, close: () => database.close() };
  }
  const name = `sinergi_empty_${randomBytes(6).toString('hex')}`;
  const adminUrl = withDatabase(postgresTemplate, 'postgres');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabase(postgresTemplate, name), poolSize: 2 });
  await database.migrate();
  return {
    database,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sinergi_session')!;
  return { cookie: `sinergi_session=${cookie.value}`, csrf: res.json().csrfToken };
}

/** A request as a signed-in user (with the CSRF header on writes) or as an anonymous visitor. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  request: { method: string; url: string; payload?: unknown; headers?: Record<string, string> },
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (session) {
    headers.cookie = session.cookie;
    if (request.method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers,
    ...(request.payload !== undefined ? { payload: request.payload as object } : {}),
  });
}

export type { RouteEntry };

/**
 * One app for a test file with these demo accounts signed in, set up before its tests and closed
 * after: `h.t` is the app, `h.as(user, method, url, payload)` a request as that user (null: anonymous),
 * `h.session(user)` the session for `call` with headers of its own.
 */
export function appWithAccounts(users: readonly string[]) {
  let app: TestApp | undefined;
  const sessions: Record<string, Session> = {};
  beforeAll(async () => {
    app = await createTestApp();
    for (const u of users) sessions[u] = await login(app.app, u);
  });
  afterAll(() => app?.close());
  return {
    get t(): TestApp {
      return app!;
    },
    session: (u: string) => sessions[u]!,
    as: (u: string | null, method: string, url: string, payload?: unknown) =>
      call(app!.app, u ? sessions[u]! : null, {
        method,
        url,
        ...(payload !== undefined ? { payload } : {}),
      }),
  };
}

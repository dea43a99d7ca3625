import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerFactory } from 'fastify';
import pino from 'pino';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { type AppContext, type Principal, systemPrincipal } from './context.ts';
import { type Database, openDatabase } from './db/client.ts';
import { hasPgliteDatabase, lockDataDir } from './db/data-dir-lock.ts';
import { buildApp } from './http/app.ts';
import { safeError, safeRequest } from './http/safe-log.ts';
import { endPools } from './http/thread-pools.ts';
import { findUserById } from './modules/auth/auth.repository.ts';
import { actorOf } from './modules/auth/auth.service.ts';
import { startNotifier } from './modules/inbox/notifier-loop.ts';
import { jobHandlers, waitingSources } from './modules/index.ts';
import type { JobRow } from './modules/jobs/jobs.repository.ts';
import { startJobWorker } from './modules/jobs/jobs.service.ts';
import { rolloverDue } from './modules/musrenbang/musrenbang.decisions.ts';
import { ensureRegionsQueued, seed } from './seed/seed.ts';

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream) {
  return pino(
    {
      level: config.logLevel,
      // Cookies, CSRF tokens, bodies and query strings never reach a log, nor a failed query's
      // parameters (http/safe-log.ts).
      serializers: { req: safeRequest, err: safeError },
      redact: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
      ],
    },
    ...(destination ? [destination] : []),
  );
}

/**
 * The configured database. PGlite's directory is locked to this process; `mustExist` refuses a
 * directory without a database (a backup of a wrong DATA_DIR must fail, not write an empty one).
 */
export async function openConfiguredDatabase(
  config: Config,
  opts: { mustExist?: boolean } = {},
): Promise<Database> {
  if (config.databaseUrl)
    return openDatabase({
      databaseUrl: config.databaseUrl,
      schema: config.databaseSchema,
      poolSize: config.databasePoolSize,
    });
  const dir = join(config.dataDir, 'pglite');
  if (opts.mustExist && !hasPgliteDatabase(dir))
    throw new ConfigError(`No Sinergi database in ${dir}: check DATA_DIR. Nothing was written.`);
  mkdirSync(config.dataDir, { recursive: true });
  const release = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ dataDir: dir });
    return {
      ...database,
      async close() {
        try {
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export function createContext(config: Config, database: Database, log = createLogger(config)): AppContext {
  return {
    config,
    database,
    log,
    clock: () => new Date(),
    installation: { province: null, kabupaten: [], admin: null },
  };
}

/** The principal a job runs as: the account that queued it, or the system. */
export function jobPrincipal(ctx: AppContext) {
  return async (job: JobRow): Promise<Principal> => {
    if (!job.createdBy) return systemPrincipal;
    const user = await findUserById(ctx.database.db, job.createdBy);
    return user ? { actor: actorOf(user), name: user.username } : systemPrincipal;
  };
}

/**
 * Opens, migrates and seeds one kabupaten's database and builds its app, its daily roll-over, job
 * worker and notifier; the caller serves the app (installation/serve.ts).
 */
export async function startKabupaten(
  config: Config,
  log: pino.Logger,
  serverFactory?: FastifyServerFactory,
): Promise<{ app: FastifyInstance; ctx: AppContext; stop(): Promise<void> }> {
  const database = await openConfiguredDatabase(config);
  try {
    const ctx = createContext(config, database, log);
    await database.migrate();
    const seeded = await seed(ctx);
    if ((seeded.accounts ?? 0) > 0) log.info({ accounts: seeded.accounts }, 'demo accounts created');
    await ensureRegionsQueued(ctx);
    // Unfunded proposals of a plan year whose budget is settled join the next year's pool, at
    // start and then daily (idempotent, so several servers may run it).
    const rollover = () =>
      rolloverDue(ctx, systemPrincipal).then(
        (r) => r.rolledOver > 0 && log.info(r, 'proposals rolled over'),
        (error) => log.error({ err: error }, 'proposal roll-over failed'),
      );
    await rollover();
    const daily = setInterval(rollover, 24 * 60 * 60 * 1000);
    daily.unref();
    const { app } = await buildApp(ctx, serverFactory ? { serverFactory } : {});
    const worker = config.jobWorker ? startJobWorker(ctx, jobHandlers, jobPrincipal(ctx)) : null;
    // Notifications are background work too: where jobs run, so does the notifier.
    const notifier = config.jobWorker ? startNotifier(ctx, waitingSources) : null;
    const stop = async () => {
      clearInterval(daily);
      await worker?.stop();
      await notifier?.stop();
      await app.close();
      await database.close();
    };
    return { app, ctx, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}

const LOG_WRITE_BYTES = 4096;
const LOG_FLUSH_MS = 1000;

/** Serves the installation: its first kabupaten and every one added since (installation/serve.ts). */
export async function startServer(config: Config = loadConfig()) {
  // Lines are written while the next answers are worked out, gathered up to 4 kB (about fifteen
  // answers' lines) per write, and at least every second: a write per line cost as much as a
  // cached answer itself (bench:api, LOG_LEVEL info against warn: 0.33 against 0.61 of
  // hello-world). Pino writes what is left at exit.
  const destination = pino.destination({ dest: 1, sync: false, minLength: LOG_WRITE_BYTES });
  // What is waiting (sonic-boom's own count, `_len`): an idle second writes nothing.
  const state = destination as unknown as { _len?: number; destroyed?: boolean };
  setInterval(() => {
    if (!state.destroyed && state._len !== 0) destination.flush();
  }, LOG_FLUSH_MS).unref();
  const log = createLogger(config, destination);
  const { serveInstallation } = await import('./installation/serve.ts');
  const served = await serveInstallation(config, log);
  log.info(
    {
      url: `http://${config.host}:${config.port}`,
      engine: served.ctx.database.engine,
      mode: config.mode,
      kabupaten: served.kabupaten,
    },
    'Sinergi is running',
  );
  const stop = async () => {
    await served.stop();
    await endPools();
  };
  return { app: served.app, ctx: served.ctx, stop };
}

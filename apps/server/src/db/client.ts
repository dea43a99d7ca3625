import { createReadStream, createWriteStream, mkdirSync, openAsBlob } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, type PGliteInterface, type Transaction, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import {
  CHANGE_CHANNEL,
  ChangeFeed,
  changeChannel,
  ensureChangeTriggers,
  listenPostgres,
} from './changes.ts';
import * as schema from './schema.ts';
import {
  citusWorkerUrls,
  migrateSchema,
  migrationsFolder,
  oneAtATime,
  prepareTenantSchema,
} from './schemas.ts';
import { assertClientWaiting, ClientGone, inRequest, noteQuery, tableRecorder } from './tables-read.ts';

export type Schema = typeof schema;
/** The one query interface every repository is written against, whichever engine runs below. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

/** Raw access inside one transaction, for bulk loads that the ORM should not do row by row. */
export interface BulkTx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * COPY ... FROM STDIN (FORMAT csv) of already-escaped CSV text, or of parts of it as they come
   * (each whole lines), streamed into one COPY (PostgreSQL) or one COPY per part (PGlite).
   */
  copyCsv(table: string, columns: readonly string[], csv: string | AsyncIterable<string>): Promise<void>;
  /**
   * COPY a table, or a `(select ...)`, to a file as CSV with a header line, streamed (PostgreSQL)
   * or written from one blob (PGlite, whose tables live in its own memory anyway).
   */
  copyOutFile(source: string, file: string): Promise<void>;
  /** COPY ... FROM a CSV file with a header line, streamed on PostgreSQL. */
  copyInFile(table: string, columns: readonly string[], file: string): Promise<void>;
}

export interface Database {
  readonly engine: Engine;
  readonly db: Db;
  /** The tables that changed, as the database tells it (db/changes.ts). */
  readonly changes: ChangeFeed;
  /** Migrates, then puts the change trigger on every table (db/changes.ts). */
  migrate(): Promise<void>;
  bulk<T>(fn: (tx: BulkTx) => Promise<T>): Promise<T>;
  /**
   * A transaction that loads many rows at once with `insert ... select` from a parameter or a
   * function: its tables' triggers stay quiet and, once it has committed, every listener is told
   * everything may have changed. On Citus such an insert is a COPY, committed in two phases, which
   * a change notice would forbid (db/changes.ts).
   */
  quietly<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** PGlite only: the data directory as a tarball, for test templates and backups. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite folder; `memory://` for a throw-away database. */
  dataDir?: string;
  /** PGlite: start from this tarball (a migrated template) instead of an empty folder. */
  loadDataDir?: Blob;
  poolSize?: number;
  /**
   * PostgreSQL: the schema of one kabupaten of an installation that serves several
   * (installation/tenants.ts); its tables are found before the shared ones. Default: public.
   */
  schema?: string;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.schema ?? 'public')
    : openPglite(options);
}

function copySql(table: string, columns: readonly string[], source: string, header = false): string {
  const cols = columns.map((c) => `"${c}"`).join(', ');
  return `COPY "${table}" (${cols}) FROM ${source} WITH (FORMAT csv${header ? ', HEADER' : ''})`;
}

/** A table name is quoted; a `(select ...)` goes as it is. */
function copyOutSql(source: string, target: string): string {
  const what = source.startsWith('(') ? source : `"${source}"`;
  return `COPY ${what} TO ${target} WITH (FORMAT csv, HEADER)`;
}

/**
 * Drizzle reads dates, times and intervals as text and maps them itself. It passes these parsers
 * with every query, and PGlite then copies its whole table of 318 parsers per query (16-30 % of a
 * read route's throughput, profiled): so they are registered once when the database opens, and
 * the copy drizzle passes is dropped. No raw query here reads a date (checked on both engines).
 */
const keepText = (value: string) => value;
const drizzleParsers = Object.fromEntries(
  // timestamp, timestamptz, interval, date, numeric[], timestamp[], timestamptz[], interval[], date[]
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map(
    (oid) => [oid, keepText],
  ),
);

/** `target` with some of its methods replaced; every other method stays bound to it. */
function overriding<T extends object>(target: T, overrides: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (Object.hasOwn(overrides, key)) return overrides[key as keyof T];
      const value = Reflect.get(t, key, receiver);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}

type QueryOptions = Parameters<PGliteInterface['query']>[2];
/** Drops the parsers drizzle passes with each query (see drizzleParsers). */
const withoutParsers = (options: QueryOptions) =>
  options?.parsers ? { ...options, parsers: undefined } : options;

/** A PGlite transaction that ignores drizzle's parsers. */
const txForDrizzle = (tx: Transaction) =>
  overriding(tx, {
    query: (text: string, params?: unknown[], options?: QueryOptions) =>
      tx.query(text, params, withoutParsers(options)),
  });

/**
 * PGlite as drizzle uses it: without its parsers (see drizzleParsers), and with its queries and
 * transactions taking turns here rather than inside PGlite, so that a request whose client has
 * gone gives its turn up (db/tables-read.ts).
 */
function pgliteForDrizzle(client: PGlite): PGlite {
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <R>(work: () => Promise<R>): Promise<R> => {
    const run = turn.then(async () => {
      // PGlite answers without giving the event loop a turn, so a queue of queries would run to
      // its end before a closed connection is even noticed: yield once, then look.
      if (inRequest()) await new Promise((resolve) => setImmediate(resolve));
      assertClientWaiting();
      return work();
    });
    turn = run.catch(() => undefined);
    return run;
  };
  return overriding(client, {
    query: (text: string, params?: unknown[], options?: QueryOptions) =>
      inTurn(() => client.query(text, params, withoutParsers(options))),
    transaction: <R>(fn: (tx: Transaction) => Promise<R>) =>
      inTurn(() => client.transaction((tx) => fn(txForDrizzle(tx)))),
  });
}

/** A pool whose queries for a request wait for their connection, then give up if the client has gone. */
function poolForDrizzle(pool: pg.Pool): pg.Pool {
  return overriding(pool, {
    query: async (...args: Parameters<pg.Pool['query']>) => {
      const connection = await pool.connect();
      try {
        assertClientWaiting();
        const result = await (connection.query as (...a: unknown[]) => Promise<unknown>)(...args);
        connection.release();
        return result;
      } catch (error) {
        // A refusal by the database leaves the connection fit for the next query; anything
        // else (a broken connection) closes it.
        connection.release(
          error instanceof ClientGone || error instanceof pg.DatabaseError ? undefined : (error as Error),
        );
        throw error;
      }
    },
  });
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    parsers: drizzleParsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite(pgliteForDrizzle(client), {
    schema,
    logger: tableRecorder,
  }) as unknown as Db;
  const changes = new ChangeFeed();
  await client.listen(CHANGE_CHANNEL, (table) => changes.emit(table));
  changes.live = true;
  return {
    engine: 'pglite',
    db,
    changes,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
      await ensureChangeTriggers((text) => client.query(text), 'public');
    },
    bulk: (fn) =>
      client.transaction((tx) =>
        fn({
          query: async (text, params) => {
            noteQuery(text);
            return (await tx.query(text, params)).rows as never;
          },
          copyCsv: async (table, columns, csv) => {
            noteQuery(`"${table}"`);
            for await (const part of typeof csv === 'string' ? [csv] : csv)
              await tx.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([part]) });
          },
          copyOutFile: async (source, file) => {
            const result = await tx.query(copyOutSql(source, "'/dev/blob'"));
            await pipeline(
              Readable.fromWeb((result.blob ?? new Blob([])).stream() as never),
              createWriteStream(file),
            );
          },
          copyInFile: async (table, columns, file) => {
            await tx.query(copySql(table, columns, "'/dev/blob'", true), [], {
              blob: await openAsBlob(file),
            });
          },
        }),
      ),
    quietly: (fn) =>
      quietTransaction(db, fn, () => client.query(`select pg_notify('${CHANGE_CHANNEL}', '*')`)),
    dumpDataDir: () => client.dumpDataDir('gzip'),
    close: () => client.close(),
  };
}

/** Database.quietly on either engine, which differ only in how they announce afterwards. */
async function quietTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>, announce: () => Promise<unknown>) {
  const result = await db.transaction(async (tx) => {
    await tx.execute(quietSql);
    return fn(tx as unknown as Db);
  });
  await announce();
  return result;
}

/** Quiets the change triggers for the rest of the transaction (db/changes.ts). */
const QUIET = `set local sinergi.bulk = 'on'`;
const quietSql = sql.raw(QUIET);

/**
 * A kabupaten's connections on Citus: its triggers (append-only tables, change notices) are put
 * where its tables are, and a `set local` reaches them there (db/changes.ts, bulk below).
 */
const citusOptions = '-c citus.enable_unsafe_triggers=on -c citus.propagate_set_commands=local';

/** A schema name as SQL may hold it: lower-case letters, digits and underscores only. */
const plainSchema = /^[a-z_][a-z0-9_]{0,62}$/;

async function openPostgres(url: string, poolSize: number, schemaName: string): Promise<Database> {
  if (!plainSchema.test(schemaName)) throw new Error(`not a schema name: ${schemaName}`);
  const tenant = schemaName !== 'public';
  const citus = tenant ? await prepareTenantSchema(url, schemaName) : false;
  // A kabupaten's connections act as its role, which may use its own schema and nothing else of
  // the database (installation/tenants.ts), and find its tables first, then the extensions.
  // On Citus its triggers (append-only tables, change notices) run where its tables are.
  const options = tenant
    ? `-c role=${schemaName} -c search_path=${schemaName},public${citus ? ` ${citusOptions}` : ''}`
    : undefined;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, ...(options ? { options } : {}) });
  // An idle connection the server closes (restart, failover, admin) must not crash the process:
  // the pool drops it and opens a new one on the next query.
  pool.on('error', () => undefined);
  // Fail fast with a clear message when the server is not reachable.
  await pool.query('select 1');
  const db = drizzleNodePg(poolForDrizzle(pool), { schema, logger: tableRecorder }) as unknown as Db;
  const changes = new ChangeFeed();
  /** Tells every listener that everything may have changed (after a quiet transaction). */
  const announceAll = () => pool.query(`select pg_notify($1, '*')`, [changeChannel(schemaName)]);
  const listener = await listenPostgres(
    citus ? [url, ...(await citusWorkerUrls(pool, url))] : url,
    changes,
    changeChannel(schemaName),
  );
  return {
    engine: 'postgres',
    db,
    changes,
    migrate: () =>
      oneAtATime(url, `sinergi:migrate:${schemaName}`, async () => {
        await migrateSchema(db, schemaName);
        await ensureChangeTriggers((text) => pool.query(text), schemaName, { truncate: !citus });
      }),
    bulk: async (fn) => {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        if (citus) await conn.query(QUIET);
        const result = await fn({
          query: async (text, params) => {
            noteQuery(text);
            return (await conn.query(text, params)).rows;
          },
          copyCsv: (table, columns, csv) => {
            noteQuery(`"${table}"`);
            const stream = conn.query(copyFrom(copySql(table, columns, 'STDIN')));
            // A part that fails (a file refused part way) destroys the COPY: it is abandoned, not committed.
            return pipeline(Readable.from(typeof csv === 'string' ? [csv] : csv), stream);
          },
          copyOutFile: (source, file) =>
            pipeline(conn.query(copyTo(copyOutSql(source, 'STDOUT'))), createWriteStream(file)),
          copyInFile: (table, columns, file) =>
            pipeline(createReadStream(file), conn.query(copyFrom(copySql(table, columns, 'STDIN', true)))),
        });
        await conn.query('COMMIT');
        // Told from the coordinator, which is listened to as well: the load's COPY forbade it there.
        if (citus) await announceAll();
        return result;
      } catch (error) {
        await conn.query('ROLLBACK');
        throw error;
      } finally {
        conn.release();
      }
    },
    quietly: (fn) => quietTransaction(db, fn, announceAll),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

/** Quote one CSV field (RFC 4180): always quoted, inner quotes doubled; null is an empty unquoted field. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  return `"${String(value).replaceAll('"', '""')}"`;
}

import { createReadStream, createWriteStream, mkdirSync, openAsBlob } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteInterface, type Transaction, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import {
  CHANGE_CHANNEL,
  ChangeFeed,
  changeChannel,
  ensureChangeTriggersSql,
  listenPostgres,
} from './changes.ts';
import * as schema from './schema.ts';
import { assertClientWaiting, ClientGone, inRequest, noteQuery, tableRecorder } from './tables-read.ts';

export type Schema = typeof schema;
/** The one query interface every repository is written against, whichever engine runs below. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

/** Raw access inside one transaction, for bulk loads that the ORM should not do row by row. */
export interface BulkTx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY ... FROM STDIN (FORMAT csv) of already-escaped CSV text. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
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
  /** PGlite only: the data directory as a tarball, for test templates and backups. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

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
      await client.exec(ensureChangeTriggersSql('public'));
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
            await tx.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
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
    dumpDataDir: () => client.dumpDataDir('gzip'),
    close: () => client.close(),
  };
}

/** A schema name as SQL may hold it: lower-case letters, digits and underscores only. */
const plainSchema = /^[a-z_][a-z0-9_]{0,62}$/;

async function openPostgres(url: string, poolSize: number, schemaName: string): Promise<Database> {
  if (!plainSchema.test(schemaName)) throw new Error(`not a schema name: ${schemaName}`);
  const tenant = schemaName !== 'public';
  if (tenant) await prepareTenantSchema(url, schemaName);
  // A kabupaten's connections act as its role, which may use its own schema and nothing else of
  // the database (installation/tenants.ts), and find its tables first, then the extensions.
  const options = tenant ? `-c role=${schemaName} -c search_path=${schemaName},public` : undefined;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, ...(options ? { options } : {}) });
  // An idle connection the server closes (restart, failover, admin) must not crash the process:
  // the pool drops it and opens a new one on the next query.
  pool.on('error', () => undefined);
  // Fail fast with a clear message when the server is not reachable.
  await pool.query('select 1');
  const db = drizzleNodePg(poolForDrizzle(pool), { schema, logger: tableRecorder }) as unknown as Db;
  const changes = new ChangeFeed();
  const listener = await listenPostgres(url, changes, changeChannel(schemaName));
  return {
    engine: 'postgres',
    db,
    changes,
    migrate: async () => {
      await migrateSchema(db, schemaName);
      await pool.query(ensureChangeTriggersSql(schemaName));
    },
    bulk: async (fn) => {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn({
          query: async (text, params) => {
            noteQuery(text);
            return (await conn.query(text, params)).rows;
          },
          copyCsv: (table, columns, csv) =>
            new Promise<void>((resolve, reject) => {
              noteQuery(`"${table}"`);
              const stream = conn.query(copyFrom(copySql(table, columns, 'STDIN')));
              stream.on('error', reject);
              stream.on('finish', () => resolve());
              stream.end(csv);
            }),
          copyOutFile: (source, file) =>
            pipeline(conn.query(copyTo(copyOutSql(source, 'STDOUT'))), createWriteStream(file)),
          copyInFile: (table, columns, file) =>
            pipeline(createReadStream(file), conn.query(copyFrom(copySql(table, columns, 'STDIN', true)))),
        });
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK');
        throw error;
      } finally {
        conn.release();
      }
    },
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * A kabupaten's role (no login; the server's own user is made a member, to act as it) and its
 * schema, owned by that role; and the extensions every schema's tables use, once, in public.
 */
async function prepareTenantSchema(url: string, schemaName: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension if not exists pg_trgm schema public');
    // Two servers starting together may both try: the one that loses finds it done.
    await client.query(`do $$ begin
      begin
        if not exists (select 1 from pg_roles where rolname = '${schemaName}') then
          create role ${schemaName} nologin;
        end if;
      exception when duplicate_object or unique_violation then null;
      end;
      begin
        if not pg_has_role(current_user, '${schemaName}', 'member') then
          execute 'grant ${schemaName} to ' || quote_ident(current_user);
        end if;
        create schema if not exists ${schemaName} authorization ${schemaName};
      exception when duplicate_object or unique_violation or duplicate_schema then null;
      end;
    end $$`);
  } finally {
    await client.end();
  }
}

/**
 * drizzle's migrator; for a kabupaten's schema the same steps written here, since drizzle's would
 * first create its migrations schema, which the kabupaten's role may not: each migration's
 * `"public".` (drizzle-kit writes it in foreign keys) is read as the kabupaten's schema, and the
 * migrations applied are recorded in that schema. The same files build public and every schema.
 */
async function migrateSchema(db: Db, schemaName: string) {
  if (schemaName === 'public') return migrateNodePg(db as never, { migrationsFolder });
  const table = sql.raw(`${schemaName}.__drizzle_migrations`);
  await db.execute(
    sql`create table if not exists ${table} (id serial primary key, hash text not null, created_at bigint)`,
  );
  const last = (await db.execute(sql`select max(created_at) as at from ${table}`)) as unknown as {
    rows: { at: string | null }[];
  };
  const after = Number(last.rows[0]?.at ?? 0);
  const pending = readMigrationFiles({ migrationsFolder }).filter((m) => m.folderMillis > after);
  if (!pending.length) return;
  await db.transaction(async (tx) => {
    for (const migration of pending) {
      for (const statement of migration.sql)
        await tx.execute(sql.raw(statement.replaceAll('"public".', `"${schemaName}".`)));
      await tx.execute(
        sql`insert into ${table} (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
    }
  });
}

/** Quote one CSV field (RFC 4180): always quoted, inner quotes doubled; null is an empty unquoted field. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  return `"${String(value).replaceAll('"', '""')}"`;
}

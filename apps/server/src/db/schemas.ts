import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Db } from './client.ts';

/**
 * The schemas of an installation on PostgreSQL (installation/tenants.ts): public for its first
 * kabupaten, one per kabupaten added; on Citus each added one a distributed schema.
 */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** The address of each Citus worker, with the coordinator's user, password and database. */
export async function citusWorkerUrls(pool: pg.Pool, url: string): Promise<string[]> {
  const nodes = await pool.query<{ nodename: string; nodeport: number }>(
    `select nodename, nodeport from pg_dist_node where noderole = 'primary' and isactive and groupid <> 0`,
  );
  return nodes.rows.map((n) => {
    const worker = new URL(url);
    worker.hostname = n.nodename;
    worker.port = String(n.nodeport);
    return worker.toString();
  });
}

/**
 * A kabupaten's role (no login; the server's own user is made a member, to act as it) and its
 * schema, owned by that role; and the extensions every schema's tables use, once, in public.
 */
export async function prepareTenantSchema(url: string, schemaName: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One at a time: servers or tests starting together would race on the extension and roles
    // (released with the connection).
    await client.query(`select pg_advisory_lock(hashtext('sinergi:schemas'))`);
    await client.query('create extension if not exists pg_trgm schema public');
    // On Citus the schema is a distributed one: its tables are placed together on one node (a
    // kabupaten's queries never leave it) and can be moved as one (docs/OPERATIONS.md). Citus
    // reaches that node as the role, so there it may log in (its password is Citus's to know).
    const citus = (await client.query(`select 1 from pg_extension where extname = 'citus'`)).rowCount === 1;
    if (citus) await client.query('set citus.enable_schema_based_sharding to on');
    const login = citus ? 'login' : 'nologin';
    // Two servers starting together may both try: the one that loses finds it done.
    await client.query(`do $$ begin
      begin
        if not exists (select 1 from pg_roles where rolname = '${schemaName}') then
          create role ${schemaName} ${login};
        end if;
        if (select not rolcanlogin from pg_roles where rolname = '${schemaName}') = ${citus} then
          alter role ${schemaName} ${login};
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
    return citus;
  } finally {
    await client.end();
  }
}

/**
 * drizzle's migrator; for a kabupaten's schema the same steps written here, since drizzle's would
 * first create its migrations schema, which the kabupaten's role may not: each migration's
 * `"public".` (drizzle-kit writes it in foreign keys) is read as the kabupaten's schema, its
 * `create extension` left to public, and the migrations applied are recorded in that schema. The same files build public and every schema.
 */
export async function migrateSchema(db: Db, schemaName: string) {
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
      for (const statement of migration.sql) {
        // The extensions are made once, in public, before (prepareTenantSchema).
        if (/^\s*create extension/i.test(statement)) continue;
        await tx.execute(sql.raw(statement.replaceAll('"public".', `"${schemaName}".`)));
      }
      await tx.execute(
        sql`insert into ${table} (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
    }
  });
}

/**
 * Runs `fn` while holding a session advisory lock on a connection of its own: servers started
 * together on one database migrate and create triggers one after the other (two `create or replace
 * function` at once fail with "tuple concurrently updated"). The one that waits finds the work done.
 */
export async function oneAtATime<T>(url: string, key: string, fn: () => Promise<T>): Promise<T> {
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  try {
    await holder.query('select pg_advisory_lock(hashtext($1))', [key]);
    return await fn();
  } finally {
    // Closing the connection releases the lock.
    await holder.end();
  }
}

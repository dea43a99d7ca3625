import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../test/global-setup.ts';
import { engine } from '../../test/harness.ts';
import { openDatabase } from './client.ts';

/**
 * Servers started together on one PostgreSQL (issue 22, part 5) migrate it one after the other:
 * without a lock two of them creating the change-notice function at once fail with "tuple
 * concurrently updated", and two migrating an empty database both create its tables.
 */
const template = inject('postgresTemplate');
const made: string[] = [];

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(template!, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function database(from: string | null): Promise<string> {
  const name = `sinergi_together_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}${from ? ` template ${from}` : ''}`));
  made.push(name);
  return withDatabase(template!, name);
}

/** Three servers open the database and migrate it at the same moment; what each one met. */
async function migrateTogether(url: string): Promise<string[]> {
  const opened = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, poolSize: 2 })));
  try {
    const outcomes = await Promise.allSettled(opened.map((d) => d.migrate()));
    return outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : String(o.reason)));
  } finally {
    await Promise.all(opened.map((d) => d.close()));
  }
}

describe.skipIf(engine !== 'postgres')('servers migrating one database at once', () => {
  afterAll(() =>
    admin(async (c) => Promise.all(made.map((n) => c.query(`drop database if exists ${n} with (force)`)))),
  );

  it('all start on an empty database, which is migrated once', async () => {
    const url = await database(null);
    expect(await migrateTogether(url)).toEqual(['ok', 'ok', 'ok']);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const applied = await c.query<{ n: number }>(
        'select count(*)::int as n from drizzle.__drizzle_migrations',
      );
      const files = await c.query<{ n: number }>(
        `select count(distinct hash)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied.rows[0]!.n).toBe(files.rows[0]!.n);
      const triggers = await c.query<{ n: number }>(
        `select count(*)::int as n from pg_trigger where tgname = 'sinergi_change' group by tgrelid having count(*) > 1`,
      );
      expect(triggers.rowCount).toBe(0);
    } finally {
      await c.end();
    }
  }, 120_000);

  it('all start, round after round, on a migrated database', async () => {
    const url = await database(new URL(template!).pathname.slice(1));
    for (let round = 0; round < 5; round++) expect(await migrateTogether(url)).toEqual(['ok', 'ok', 'ok']);
  }, 120_000);
});

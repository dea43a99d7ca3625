import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { appWithAccounts, onCitus } from '../../test/harness.ts';
import { openDatabase } from './client.ts';

/**
 * What `npm run test:citus` adds to the other integration tests, which it runs each on a
 * kabupaten's distributed schema (issue 22, parts 3 and 4): that the schema is distributed as
 * Citus places one, that its change notices reach every server though its triggers fire on a
 * worker, and that its append-only tables stay so there.
 */
const url = process.env.TEST_DATABASE_URL ?? '';

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The first notice another server's feed hears after `write`, or null within 5 s. */
async function heardAfter(schema: string, write: () => Promise<unknown>, wanted: (t: string) => boolean) {
  const other = await openDatabase({ databaseUrl: url, poolSize: 1, schema });
  try {
    const heard = new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 5000);
      other.changes.subscribe((table) => {
        if (!wanted(table)) return;
        clearTimeout(timer);
        resolve(table);
      });
    });
    expect(other.changes.live).toBe(true);
    await write();
    return await heard;
  } finally {
    await other.close();
  }
}

describe.runIf(onCitus)('a kabupaten on Citus', () => {
  const h = appWithAccounts(['admin']);
  const schema = () => h.t.ctx.config.databaseSchema;

  it('has every table in one distributed schema, placed together on one worker', async () => {
    const facts = await admin(async (c) => {
      const tables = await c.query(`select count(*)::int as n from pg_tables where schemaname = $1`, [
        schema(),
      ]);
      const distributed = await c.query(
        `select citus_table_type as type, colocation_id, shard_count from citus_tables
         where table_name::text like $1 || '.%'`,
        [schema()],
      );
      const nodes = await c.query(
        `select distinct s.nodeport, n.groupid from citus_shards s
         join pg_dist_node n on n.nodename = s.nodename and n.nodeport = s.nodeport
         where s.table_name::text like $1 || '.%'`,
        [schema()],
      );
      const listed = await c.query(`select colocation_id from citus_schemas where schema_name::text = $1`, [
        schema(),
      ]);
      return {
        tables: tables.rows[0].n,
        distributed: distributed.rows,
        nodes: nodes.rows,
        listed: listed.rows,
      };
    });
    expect(facts.tables).toBeGreaterThan(60);
    expect(facts.distributed).toHaveLength(facts.tables);
    expect(new Set(facts.distributed.map((t) => t.type))).toEqual(new Set(['schema']));
    expect(new Set(facts.distributed.map((t) => t.colocation_id))).toEqual(
      new Set([facts.listed[0].colocation_id]),
    );
    expect(facts.distributed.every((t) => Number(t.shard_count) === 1)).toBe(true);
    // One node, and a worker (group 0 is the coordinator).
    expect(facts.nodes).toHaveLength(1);
    expect(facts.nodes[0].groupid).toBeGreaterThan(0);
  });

  it("tells every server of a write, though the table's trigger fires on the worker", async () => {
    const before = (await h.as('admin', 'GET', '/api/settings/documents')).json();
    const heard = await heardAfter(
      schema(),
      async () => {
        const res = await h.as('admin', 'PUT', '/api/settings/documents', { ...before, place: 'Kanigoro' });
        expect(res.statusCode).toBe(200);
      },
      (t) => t === 'settings',
    );
    expect(heard).toBe('settings');
  });

  it('tells every server that everything may have changed after a bulk load', async () => {
    const heard = await heardAfter(
      schema(),
      () =>
        h.t.ctx.database.bulk(async (tx) => {
          await tx.copyCsv(
            'kamus_usulan',
            ['code', 'name', 'bidang', 'program', 'unit', 'unit_cost'],
            '"Z.99","Uji Citus","lainnya","Uji","paket","1000"',
          );
          await tx.query(`delete from kamus_usulan where code = 'Z.99'`);
        }),
      (t) => t === '*',
    );
    expect(heard).toBe('*');
  });

  it('keeps the audit log append-only on the worker', async () => {
    const refusal = await h.t.ctx.database.db.execute(sql`update audit_log set action = action`).then(
      () => 'done',
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );
    expect(refusal).toMatch(/append-only/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../test/harness.ts';
import { backupTables, createBackup, readBackup, restoreBackup, tablesNotBackedUp } from './backup.ts';
import { openDatabase } from './client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('backup and restore', () => {
  it('round-trips every table into a fresh database, and the restored accounts can sign in', async () => {
    // A proposal with a photo: binary columns must come back byte for byte.
    await t.ctx.database.bulk(async (tx) => {
      await tx.query(
        `insert into proposals (id, tracking_code, track, title, description, bidang, region_code, volume, unit,
           estimated_cost, beneficiaries, plan_year, stage, state, proposer_name)
         values ('00000000-0000-4000-8000-000000000001', 'USL-TEST-0001', 'musrenbang', 'Uji', '', 'infrastruktur',
           '35.05.01.2001', 1, 'unit', 1000, 1, 2027, 'desa', 'aktif', 'Uji')`,
      );
      await tx.query(
        `insert into proposal_photos (proposal_id, media_type, size, data)
         values ('00000000-0000-4000-8000-000000000001', 'image/png', 4, '\\x00ff10fe'::bytea)`,
      );
    });
    const data = await createBackup(t.ctx.database, new Date('2026-11-23T10:00:00Z'));
    expect(readBackup(data).createdAt).toBe('2026-11-23T10:00:00.000Z');
    // The target is a new PGlite database: a backup of either engine restores into either.
    const target = await openDatabase({ dataDir: 'memory://' });
    try {
      await target.migrate();
      const counts = await restoreBackup(target, data);
      expect(counts.regions).toBe(91_599);
      expect(counts.users).toBe(6);
      expect(counts.region_boundaries).toBe(270);
      expect(counts.proposal_photos).toBe(1);
      const [photo] = await target.bulk((tx) =>
        tx.query<{ hex: string }>("select encode(data, 'hex') as hex from proposal_photos"),
      );
      expect(photo!.hex).toBe('00ff10fe');
      const source = await t.ctx.database.bulk((tx) =>
        tx.query<{ n: number }>('select count(*)::int as n from audit_log'),
      );
      expect(counts.audit_log).toBe(source[0]!.n);
      // A later audit row continues the sequence instead of colliding with a restored id.
      await target.bulk((tx) =>
        tx.query(
          "insert into audit_log (actor_name, actor_role, action, entity, entity_id) values ('t', 'admin', 'test', 'x', '1')",
        ),
      );
    } finally {
      await target.close();
    }
  });

  it('covers every table of the schema but the sessions', async () => {
    const rows = await t.ctx.database.bulk((tx) =>
      tx.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
      ),
    );
    const all = rows.map((r) => r.name).filter((n) => !n.startsWith('__drizzle'));
    expect([...backupTables, ...tablesNotBackedUp].sort()).toEqual(all.sort());
  });

  it('refuses to restore over data, and refuses a file that is not a backup', async () => {
    const data = await createBackup(t.ctx.database, new Date());
    await expect(restoreBackup(t.ctx.database, data)).rejects.toThrow(/not empty/);
    expect(() => readBackup(Buffer.from('hello'))).toThrow(/not a Sinergi backup/);
    await login(t.app, 'admin');
  });
});

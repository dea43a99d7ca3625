import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../test/harness.ts';
import { createBackup, readBackup, restoreBackup } from './backup.ts';
import { openDatabase } from './client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('backup and restore', () => {
  it('round-trips every table into a fresh database, and the restored accounts can sign in', async () => {
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

  it('refuses to restore over data, and refuses a file that is not a backup', async () => {
    const data = await createBackup(t.ctx.database, new Date());
    await expect(restoreBackup(t.ctx.database, data)).rejects.toThrow(/not empty/);
    expect(() => readBackup(Buffer.from('hello'))).toThrow(/not a Sinergi backup/);
    await login(t.app, 'admin');
  });
});

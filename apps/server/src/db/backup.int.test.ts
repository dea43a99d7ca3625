import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { createTestApp, login, openEmptyDatabase, type TestApp } from '../../test/harness.ts';
import { backupTables, createBackupFile, tablesNotBackedUp } from './backup.ts';
import { restoreBackupFile } from './backup-restore.ts';
import type { Database } from './client.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sinergi-backup-test-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const PROPOSAL = '00000000-0000-4000-8000-000000000001';

async function addProposal(database: Database, id: string, code: string) {
  await database.bulk(async (tx) => {
    await tx.query(
      `insert into proposals (id, tracking_code, track, title, description, bidang, region_code, volume, unit,
         estimated_cost, beneficiaries, plan_year, stage, state, proposer_name)
       values ($1, $2, 'musrenbang', 'Uji', '', 'infrastruktur', '35.05.01.2001', 1, 'unit', 1000, 1, 2027, 'desa', 'aktif', 'Uji')`,
      [id, code],
    );
    await tx.query(
      `insert into proposal_events (proposal_id, kind, actor_label) values ($1, 'created', 'Desa Uji')`,
      [id],
    );
  });
}

async function addPhoto(database: Database, bytes: Buffer, proposalId = PROPOSAL) {
  await database.bulk((tx) =>
    tx.query(
      `insert into proposal_photos (proposal_id, media_type, size, data) values ($1, 'image/jpeg', $2, $3)`,
      [proposalId, bytes.length, bytes],
    ),
  );
}

/** One fingerprint of every photo's bytes, in id order. */
const photoDigest = (database: Database) =>
  database.bulk(async (tx) => {
    const [row] = await tx.query<{ digest: string; n: number; bytes: string }>(
      `select md5(coalesce(string_agg(md5(data), '' order by id), '')) as digest, count(*)::int as n,
              coalesce(sum(length(data)), 0)::text as bytes from proposal_photos`,
    );
    return row!;
  });

async function entryNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: false }, (error, z) => {
      if (error) return reject(error);
      const names: string[] = [];
      z.on('entry', (e: yauzl.Entry) => names.push(e.fileName));
      z.on('end', () => resolve(names));
    }),
  );
}

describe('backup and restore', () => {
  it('round-trips every table into a fresh database of the same engine, and the restored accounts can sign in', async () => {
    await addProposal(t.ctx.database, PROPOSAL, 'USL-TEST-0001');
    await addPhoto(t.ctx.database, Buffer.from([0x00, 0xff, 0x10, 0xfe]));
    const file = join(dir, 'round-trip.zip');
    const summary = await createBackupFile(t.ctx.database, file, new Date('2026-11-23T10:00:00Z'));
    expect(summary.photos).toBe(1);
    const names = await entryNames(file);
    expect(names[0]).toBe('manifest.json');
    expect(names).toContain('tables/regions.csv');
    expect(names.filter((n) => n.startsWith('photos/proposal_photos/'))).toHaveLength(1);
    const target = await openEmptyDatabase();
    try {
      const counts = await restoreBackupFile(target.database, file);
      expect(counts.regions).toBe(91_599);
      expect(counts.users).toBe(7);
      expect(counts.region_boundaries).toBe(270);
      expect(counts.proposal_photos).toBe(1);
      expect(await photoDigest(target.database)).toEqual(await photoDigest(t.ctx.database));
      const source = await t.ctx.database.bulk((tx) =>
        tx.query<{ n: number }>('select count(*)::int as n from audit_log'),
      );
      expect(counts.audit_log).toBe(source[0]!.n);
      // Later rows continue every sequence instead of colliding with a restored id.
      await target.database.bulk(async (tx) => {
        await tx.query(
          "insert into audit_log (actor_name, actor_role, action, entity, entity_id) values ('t', 'admin', 'test', 'x', '1')",
        );
        await tx.query(
          `insert into proposal_events (proposal_id, kind, actor_label) values ($1, 'noted', 'Uji')`,
          [PROPOSAL],
        );
      });
      // A restore refuses to write over data.
      await expect(restoreBackupFile(target.database, file)).rejects.toThrow(/not empty/);
    } finally {
      await target.close();
    }
  });

  it('covers every table of the schema but the sessions', async () => {
    const rows = await t.ctx.database.bulk((tx) =>
      tx.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> '__drizzle_migrations'",
      ),
    );
    const all = rows.map((r) => r.name).filter((n) => !n.startsWith('__drizzle'));
    expect([...backupTables, ...tablesNotBackedUp].sort()).toEqual(all.sort());
  });

  it('refuses a file that is not a backup, and reads a backup of the earlier format', async () => {
    const junk = join(dir, 'junk.zip');
    writeFileSync(junk, 'hello');
    const target = await openEmptyDatabase();
    try {
      await expect(restoreBackupFile(target.database, junk)).rejects.toThrow(/not a Sinergi backup/);
      // Version 1: one gzip'd JSON with each table's CSV (no photos in this one).
      const tables: Record<string, string> = {};
      await t.ctx.database.bulk(async (tx) => {
        for (const table of backupTables) {
          const csv = join(dir, `v1-${table}.csv`);
          await tx.copyOutFile(
            table === 'proposal_photos' ? '(select * from proposal_photos where false)' : table,
            csv,
          );
          tables[table] = readFileSync(csv, 'utf8');
        }
      });
      const v1 = join(dir, 'old.backup.gz');
      writeFileSync(v1, gzipSync(JSON.stringify({ format: 'sinergi-backup', version: 1, tables })));
      const counts = await restoreBackupFile(target.database, v1);
      expect(counts.regions).toBe(91_599);
      expect(counts.proposal_photos).toBe(0);
    } finally {
      await target.close();
    }
    await login(t.app, 'admin');
  });

  it('is consistent while the server writes: every proposal comes back with its event, or not at all', async () => {
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await addProposal(t.ctx.database, randomUUID(), `USL-RACE-${String(written).padStart(5, '0')}`);
        written += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const file = join(dir, 'during-writes.zip');
    await new Promise((r) => setTimeout(r, 50));
    await createBackupFile(t.ctx.database, file, new Date());
    writing = false;
    await writer;
    const target = await openEmptyDatabase();
    try {
      await restoreBackupFile(target.database, file);
      const [row] = await target.database.bulk((tx) =>
        tx.query<{ lonely: number; proposals: number }>(
          `select (select count(*)::int from proposals p where not exists
                    (select 1 from proposal_events e where e.proposal_id = p.id)) as lonely,
                  (select count(*)::int from proposals where tracking_code like 'USL-RACE-%') as proposals`,
        ),
      );
      expect(row!.lonely).toBe(0);
      expect(written).toBeGreaterThan(0);
      expect(row!.proposals).toBeLessThanOrEqual(written);
    } finally {
      await target.close();
    }
  });

  it('streams more than 300 MB of photos to a file and back, byte for byte, in bounded memory', async () => {
    // Random bytes do not compress: 155 photos of 2 MB are 310 MB in the file too.
    const proposal = randomUUID();
    await addProposal(t.ctx.database, proposal, 'USL-TEST-LARGE');
    // In batches through COPY: one insert per 2 MB photo takes half a second on PGlite.
    for (let batch = 0; batch < 5; batch++) {
      const csv = join(dir, 'photos.csv');
      const lines = Array.from({ length: 31 }, () => {
        const bytes = randomBytes(2 * 1024 * 1024);
        return `${proposal},image/jpeg,${bytes.length},\\x${bytes.toString('hex')}\n`;
      });
      writeFileSync(csv, `proposal_id,media_type,size,data\n${lines.join('')}`);
      await t.ctx.database.bulk((tx) =>
        tx.copyInFile('proposal_photos', ['proposal_id', 'media_type', 'size', 'data'], csv),
      );
    }
    const file = join(dir, 'large.zip');
    const heapAtStart = process.memoryUsage().heapUsed;
    let heapPeak = heapAtStart;
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }, 20);
    try {
      const summary = await createBackupFile(t.ctx.database, file, new Date());
      expect(summary.photos).toBeGreaterThanOrEqual(155);
    } finally {
      clearInterval(sampler);
    }
    expect(statSync(file).size).toBeGreaterThan(300 * 1024 * 1024);
    // The old backup built one string twice the photos' size; this one holds a photo at a time.
    expect(heapPeak - heapAtStart).toBeLessThan(150 * 1024 * 1024);
    const target = await openEmptyDatabase();
    try {
      const counts = await restoreBackupFile(target.database, file);
      expect(counts.proposal_photos).toBeGreaterThanOrEqual(155);
      const restored = await photoDigest(target.database);
      expect(restored).toEqual(await photoDigest(t.ctx.database));
      expect(Number(restored.bytes)).toBeGreaterThan(300 * 1024 * 1024);
    } finally {
      await target.close();
    }
  }, 300_000);
});

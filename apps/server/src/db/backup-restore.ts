import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import yauzl from 'yauzl';
import { BackupError, type BackupManifest, backupTables, isPhotoTable, photoTables } from './backup.ts';
import type { BulkTx, Database } from './client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where an entry of a backup zip may go; anything else (a `../`, an unknown table) is refused. */
function entryTarget(name: string): string | null {
  if (name === 'manifest.json') return name;
  const table = /^tables\/([a-z_]+)\.csv$/.exec(name)?.[1];
  if (table && (backupTables as readonly string[]).includes(table)) return `${table}.csv`;
  const [, photoTable, id] = /^photos\/([a-z_]+)\/([0-9a-f-]+)$/.exec(name) ?? [];
  if (photoTable && isPhotoTable(photoTable) && id && UUID.test(id)) return join(photoTable, id);
  return null;
}

async function unpack(file: string, into: string): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, z) =>
      error ? reject(new BackupError('not a Sinergi backup file (expected a zip)')) : resolve(z),
    ),
  );
  for (const table of photoTables) await mkdir(join(into, table), { recursive: true });
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      const target = entryTarget(entry.fileName);
      if (!target) {
        zip.close();
        reject(new BackupError(`unexpected entry in the backup: ${entry.fileName}`));
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        pipeline(stream, createWriteStream(join(into, target))).then(() => zip.readEntry(), reject);
      });
    });
    zip.readEntry();
  });
}

async function headerOf(file: string): Promise<string[]> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const line = buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0] ?? '';
    return line.split(',').map((c) => c.replace(/^"|"$/g, ''));
  } finally {
    await handle.close();
  }
}

async function refuseUnlessEmpty(tx: BulkTx): Promise<void> {
  for (const table of backupTables) {
    const found = await tx.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
    if ((found[0]?.n ?? 0) > 0) {
      throw new BackupError(
        `the target database is not empty (${table}); restore into a new DATA_DIR or database`,
      );
    }
  }
}

async function afterTable(tx: BulkTx, table: string, counts: Record<string, number>): Promise<void> {
  const n = await tx.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
  counts[table] = n[0]?.n ?? 0;
  // Every serial column's sequence continues after the restored ids.
  const serials = await tx.query<{ name: string }>(
    `select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = $1 and column_default like 'nextval(%'`,
    [table],
  );
  for (const { name } of serials) {
    // The highest id first, then the sequence moved on in a query of its own (on Citus a query
    // that reads the table runs on its worker, whose sequence counts in a range of its own); a
    // sequence already past the restored ids stays where it is.
    const max = await tx.query<{ m: string }>(
      `select coalesce(max("${name}"), 0)::text as m from "${table}"`,
    );
    await tx.query(
      `select setval(s, greatest($1::bigint + 1, coalesce(pg_sequence_last_value(s), 0) + 1), false)
         from (select pg_get_serial_sequence('"${table}"', '${name}')::regclass as s) q`,
      [max[0]?.m ?? '0'],
    );
  }
}

/** What an unpacked backup holds beside its table files. */
interface Unpacked {
  /** Rows per table the backup lists, checked after loading (version 2). */
  expected: Record<string, number> | null;
  /** Whether photos are files of their own (version 2) or inside their table's CSV (version 1). */
  photoFiles: boolean;
}

async function unpackVersion2(file: string, staging: string): Promise<Unpacked> {
  await unpack(file, staging);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(join(staging, 'manifest.json'), 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError('not a Sinergi backup file (no manifest)');
  }
  if (manifest.format !== 'sinergi-backup' || manifest.version !== 2)
    throw new BackupError('unknown backup format or version');
  return { expected: manifest.tables, photoFiles: true };
}

/** Version 1: one gzip'd JSON with each table's CSV, photos inside as hex; written out as files. */
async function unpackVersion1(file: string, staging: string): Promise<Unpacked> {
  let backup: { format?: string; version?: number; tables?: Record<string, string> };
  try {
    backup = JSON.parse(gunzipSync(await readFile(file)).toString('utf8'));
  } catch {
    throw new BackupError('not a Sinergi backup file');
  }
  if (backup.format !== 'sinergi-backup' || backup.version !== 1 || !backup.tables)
    throw new BackupError('unknown backup format or version');
  for (const [table, csv] of Object.entries(backup.tables))
    if ((backupTables as readonly string[]).includes(table))
      await writeFile(join(staging, `${table}.csv`), csv);
  return { expected: null, photoFiles: false };
}

/**
 * Restores into a migrated database that has never been seeded, in one transaction: all of it or
 * nothing. The audit log of the backup comes back as it was; nothing is deleted to make room.
 * Reads the zip of `createBackupFile` and the gzip'd JSON of earlier versions.
 */
export async function restoreBackupFile(database: Database, file: string): Promise<Record<string, number>> {
  const handle = await open(file);
  const magic = Buffer.alloc(2);
  await handle.read(magic, 0, 2, 0);
  await handle.close();
  const staging = await mkdtemp(join(tmpdir(), 'sinergi-restore-'));
  try {
    const gzip = magic[0] === 0x1f && magic[1] === 0x8b;
    const { expected, photoFiles } = gzip
      ? await unpackVersion1(file, staging)
      : await unpackVersion2(file, staging);
    const counts: Record<string, number> = {};
    await database.bulk(async (tx) => {
      await refuseUnlessEmpty(tx);
      for (const table of backupTables) {
        const csv = join(staging, `${table}.csv`);
        const columns = await headerOf(csv).catch(() => {
          throw new BackupError(`the backup lacks table ${table}`);
        });
        await tx.copyInFile(table, columns, csv);
        if (photoFiles && isPhotoTable(table)) await restorePhotos(tx, table, staging);
        await afterTable(tx, table, counts);
        if (expected && counts[table] !== expected[table])
          throw new BackupError(
            `table ${table}: ${counts[table]} rows restored, the backup lists ${expected[table]}`,
          );
      }
    });
    return counts;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * One photo at a time, sent as hex: PGlite turns a binary parameter into text in JavaScript at
 * about 0.2 s per MB, and hex ten times faster.
 */
async function restorePhotos(tx: BulkTx, table: string, staging: string): Promise<void> {
  const ids = await tx.query<{ id: string }>(`select id from "${table}" order by id`);
  for (const { id } of ids) {
    const photo = await readFile(join(staging, table, id)).catch(() => {
      throw new BackupError(`the backup lacks photo ${table}/${id}`);
    });
    await tx.query(`update "${table}" set data = decode($1, 'hex') where id = $2`, [
      photo.toString('hex'),
      id,
    ]);
  }
}

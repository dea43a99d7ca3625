import { createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Database } from './client.ts';

/**
 * A logical backup that both engines read and write, streamed to a zip file of any size (issue 17:
 * the backup was one JSON string with photos in hex and failed at about 256 MB of photos):
 *
 *   manifest.json                  format, version, when, engine, rows per table, photos per table
 *   tables/<table>.csv             every table as CSV with a header (COPY), in foreign-key order;
 *                                  a photo table's bytes are left out of its CSV
 *   photos/<table>/<id>            each photo as its own file, stored uncompressed (JPEG/PNG already are)
 *
 * A backup from PGlite restores into PostgreSQL and back. Sessions are left out: a restore signs
 * everyone out. The tables are read in one snapshot; photos are written once and never changed or
 * deleted, so reading them by id after the snapshot gives the snapshot's bytes while the server
 * goes on writing.
 */
export const backupTables = [
  'region_editions',
  'regions',
  'region_boundaries',
  'organisations',
  'users',
  'audit_log',
  'jobs',
  'settings',
  'village_index_results',
  'index_schemes',
  'kamus_usulan',
  'proposals',
  'proposal_events',
  'proposal_photos',
  'forums',
  'forum_items',
  'allocation_scenarios',
  'pb_elections',
  'pb_projects',
  'pb_voters',
  'pb_ballots',
  'families',
  'people',
  'umkm',
  'umkm_records',
  'programs',
  'program_rule_versions',
  'enrolments',
  'measurements',
  'survey_households',
  'program_cycles',
  'grievances',
  'projects',
  'project_code_counters',
  'progress_reports',
  'progress_photos',
  'project_permits',
  'road_segments',
  'road_conditions',
  'plans',
  'plan_nodes',
  'plan_links',
  'plan_indicators',
  'nomenclature',
  'stat_series',
  'notification_settings',
  'notifications',
  'waiting_seen',
  'mail_outbox',
  'citizen_verifications',
  'proposal_supports',
  'proposal_comments',
  'site_reports',
  'site_report_photos',
  'consultations',
  'consultation_comments',
  'partners',
  'partner_agreements',
  'partner_commitments',
  'partner_studies',
  'industry_sentra',
  'industries',
  'industry_reports',
  'industry_trainings',
  'industry_training_participants',
] as const;

/** Left out on purpose: a restore signs everyone out, and the answers kept for resent writes go with it. */
export const tablesNotBackedUp = ['sessions', 'request_keys'] as const;

/** Tables whose `data` column holds a photo, written as files of their own. */
export const photoTables = ['proposal_photos', 'progress_photos', 'site_report_photos'] as const;
export type PhotoTable = (typeof photoTables)[number];
export const isPhotoTable = (table: string): table is PhotoTable =>
  (photoTables as readonly string[]).includes(table);

export interface BackupManifest {
  format: 'sinergi-backup';
  version: 2;
  createdAt: string;
  engine: string;
  /** Rows per table, checked again on restore. */
  tables: Record<string, number>;
  photos: Record<PhotoTable, number>;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  rows: number;
  photos: number;
}

export class BackupError extends Error {}

/** The CSV of a photo table: every column, the photo's bytes as an empty value. */
async function photoTableSource(
  query: (text: string, params?: unknown[]) => Promise<{ name: string }[]>,
  table: PhotoTable,
) {
  const columns = await query(
    `select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
    [table],
  );
  const list = columns.map(({ name }) => (name === 'data' ? `''::bytea as "data"` : `"${name}"`));
  return `(select ${list.join(', ')} from "${table}" order by id)`;
}

/**
 * Writes the backup to `file` (through `file.partial`, renamed when complete, so a half-written
 * backup never carries the final name). Memory stays small whatever the size: tables go through
 * files, photos one at a time.
 */
export async function createBackupFile(
  database: Database,
  file: string,
  now: Date,
  /** Tables and photos written, of all of them. */
  onProgress?: (done: number, total: number) => void,
): Promise<BackupSummary> {
  const staging = await mkdtemp(join(dirname(file), '.sinergi-backup-'));
  const partial = `${file}.partial`;
  try {
    const photoIds = Object.fromEntries(photoTables.map((t) => [t, [] as string[]])) as Record<
      PhotoTable,
      string[]
    >;
    const tables: Record<string, number> = {};
    let total = backupTables.length;
    let done = 0;
    await database.bulk(async (tx) => {
      // One snapshot for every table, so the backup is consistent even while the server runs.
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY').catch(() => undefined);
      const [photos] = await tx.query<{ n: number }>(
        `select ${photoTables.map((t) => `(select count(*) from ${t})`).join(' + ')} as n`,
      );
      total += Number(photos?.n ?? 0);
      for (const table of backupTables) {
        const source = isPhotoTable(table) ? await photoTableSource(tx.query, table) : table;
        await tx.copyOutFile(source, join(staging, `${table}.csv`));
        const [count] = await tx.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
        tables[table] = count?.n ?? 0;
        if (isPhotoTable(table)) {
          const ids = await tx.query<{ id: string }>(`select id from "${table}" order by id`);
          photoIds[table] = ids.map((r) => r.id);
        }
        done += 1;
        onProgress?.(done, total);
      }
    });
    const manifest: BackupManifest = {
      format: 'sinergi-backup',
      version: 2,
      createdAt: now.toISOString(),
      engine: database.engine,
      tables,
      photos: Object.fromEntries(photoTables.map((t) => [t, photoIds[t].length])) as Record<
        PhotoTable,
        number
      >,
    };
    const zip = new ZipFile();
    const mtime = now;
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json', { mtime });
    for (const table of backupTables)
      zip.addFile(join(staging, `${table}.csv`), `tables/${table}.csv`, { mtime });
    for (const table of photoTables) {
      for (const id of photoIds[table]) {
        // Called when the zip is ready for this entry: one photo in memory at a time.
        zip.addReadStreamLazy(`photos/${table}/${id}`, { mtime, compress: false }, (cb) => {
          readPhoto(database, table, id).then(
            (bytes) => {
              done += 1;
              onProgress?.(done, total);
              cb(null, Readable.from([bytes]));
            },
            (error: Error) => cb(error, undefined as never),
          );
        });
      }
    }
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(partial));
    await rename(partial, file);
    const rows = Object.values(tables).reduce((a, b) => a + b, 0);
    const photos = photoIds.proposal_photos.length + photoIds.progress_photos.length;
    return { file, bytes: (await stat(file)).size, rows, photos };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

async function readPhoto(database: Database, table: PhotoTable, id: string): Promise<Buffer> {
  // As hex: PGlite decodes a binary column in JavaScript ten times slower.
  const [row] = await database.bulk((tx) =>
    tx.query<{ hex: string }>(`select encode(data, 'hex') as hex from "${table}" where id = $1`, [id]),
  );
  if (!row) throw new BackupError(`photo ${table}/${id} vanished during the backup`);
  return Buffer.from(row.hex, 'hex');
}

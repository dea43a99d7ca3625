import { gunzipSync, gzipSync } from 'node:zlib';
import type { Database } from './client.ts';

/**
 * A logical backup that both engines read and write: every table as CSV (COPY), in foreign-key
 * order, in one gzip'd JSON file. A backup from PGlite restores into PostgreSQL and back.
 * Sessions are left out: a restore signs everyone out.
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
] as const;

/** Left out on purpose: a restore signs everyone out. */
export const tablesNotBackedUp = ['sessions'] as const;

const serialColumns: Record<string, string> = { region_editions: 'id', audit_log: 'id' };

interface BackupFile {
  format: 'sinergi-backup';
  version: 1;
  createdAt: string;
  engine: string;
  tables: Record<string, string>;
}

export async function createBackup(database: Database, now: Date): Promise<Buffer> {
  const tables: Record<string, string> = {};
  await database.bulk(async (tx) => {
    // One snapshot for every table, so the backup is consistent even while the server runs.
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY').catch(() => undefined);
    for (const table of backupTables) tables[table] = await tx.copyOutCsv(table);
  });
  const file: BackupFile = {
    format: 'sinergi-backup',
    version: 1,
    createdAt: now.toISOString(),
    engine: database.engine,
    tables,
  };
  return gzipSync(JSON.stringify(file));
}

export class BackupError extends Error {}

export function readBackup(data: Buffer): BackupFile {
  let file: BackupFile;
  try {
    file = JSON.parse(gunzipSync(data).toString('utf8')) as BackupFile;
  } catch {
    throw new BackupError('not a Sinergi backup file (expected gzip-compressed JSON)');
  }
  if (file.format !== 'sinergi-backup' || file.version !== 1)
    throw new BackupError('unknown backup format or version');
  return file;
}

/**
 * Restores into a migrated database that has never been seeded, in one transaction: all of it or
 * nothing. The audit log of the backup comes back as it was; nothing is deleted to make room.
 */
export async function restoreBackup(database: Database, data: Buffer): Promise<Record<string, number>> {
  const file = readBackup(data);
  const counts: Record<string, number> = {};
  await database.bulk(async (tx) => {
    for (const table of backupTables) {
      const found = await tx.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
      if ((found[0]?.n ?? 0) > 0) {
        throw new BackupError(
          `the target database is not empty (${table}); restore into a new DATA_DIR or database`,
        );
      }
    }
    for (const table of backupTables) {
      const csv = file.tables[table];
      if (csv === undefined) throw new BackupError(`the backup lacks table ${table}`);
      const [header, ...rest] = csv.split('\n');
      const body = rest.join('\n');
      const columns = (header ?? '').split(',').map((c) => c.replace(/^"|"$/g, ''));
      if (body.trim()) await tx.copyCsv(table, columns, body);
      const n = await tx.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
      counts[table] = n[0]?.n ?? 0;
      const serial = serialColumns[table];
      if (serial) {
        await tx.query(
          `select setval(pg_get_serial_sequence('${table}', '${serial}'), coalesce((select max("${serial}") from "${table}"), 0) + 1, false)`,
        );
      }
    }
  });
  return counts;
}

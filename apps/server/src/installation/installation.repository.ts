import { sql } from 'drizzle-orm';
import { CHANGE_CHANNEL } from '../db/changes.ts';
import type { Db } from '../db/client.ts';

/**
 * The installation's list of kabupaten/kota beyond its first: kept in the first's database, in a
 * schema of its own (not a migration's table: a kabupaten's schema never holds the list).
 */
export interface TenantRow {
  code: string;
  hosts: string[];
}

/** Made under a lock: two servers, or a command beside a server, may start together. */
async function ensureRegistry(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sinergi_installation'))`);
    await tx.execute(sql`create schema if not exists sinergi_installation`);
    await tx.execute(sql`create table if not exists sinergi_installation.kabupaten (
      code text primary key,
      hosts text[] not null default '{}',
      added_at timestamptz not null default now())`);
  });
}

/** Reads only: an installation that never added a kabupaten has no list (and starts writing nothing). */
export async function listTenants(db: Db): Promise<TenantRow[]> {
  const exists = (await db.execute(
    sql`select to_regclass('sinergi_installation.kabupaten') is not null as listed`,
  )) as unknown as { rows: { listed: boolean }[] };
  if (!exists.rows[0]?.listed) return [];
  const result = await db.execute(sql`select code, hosts from sinergi_installation.kabupaten order by code`);
  return (result as unknown as { rows: TenantRow[] }).rows.map((r) => ({
    code: r.code,
    hosts: [...r.hosts],
  }));
}

/** What the first government's change channel carries when the list changes (installation/serve.ts). */
export const INSTALLATION_CHANGED = 'sinergi_installation';

/** Adds a kabupaten, or replaces the host names of one already added; every server hears of it. */
export async function saveTenant(db: Db, tenant: TenantRow): Promise<void> {
  await ensureRegistry(db);
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into sinergi_installation.kabupaten (code, hosts)
      values (${tenant.code}, string_to_array(${tenant.hosts.join(' ')}, ' '))
      on conflict (code) do update set hosts = excluded.hosts`);
    await tx.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${INSTALLATION_CHANGED})`);
  });
}

import { join } from 'node:path';
import type { Config } from '../config.ts';

/**
 * One installation, several kabupaten/kota. Each has a database of its own: the first
 * (ACTIVE_KABUPATEN) the public schema or DATA_DIR/pglite, each added later the schema
 * `kab_<code>` of the same PostgreSQL database (with Citus, a distributed schema: all of its tables
 * on one node, together) or DATA_DIR/kabupaten/<code>/pglite. Nothing a kabupaten's server does
 * can reach another's tables: its connections see its own schema and the shared extensions only.
 */
export const KABUPATEN_CODE = /^\d{2}\.\d{2}$/;
/** A province of the installation (its Bappeda reads its kabupaten's plans: plans.province.ts). */
export const PROVINCE_CODE = /^\d{2}$/;

/** `35.72` -> `kab_35_72`; a province `35` -> `prov_35`. */
export function tenantSchema(code: string): string {
  if (PROVINCE_CODE.test(code)) return `prov_${code}`;
  if (!KABUPATEN_CODE.test(code)) throw new Error(`not a kabupaten code: ${code}`);
  return `kab_${code.replace('.', '_')}`;
}

/** Whether a tenant is a province. */
export const isProvince = (code: string) => PROVINCE_CODE.test(code);

/** The kabupaten/kota of the installation in a province: those whose code begins with its code. */
export const inProvince = (province: string, code: string) => code.startsWith(`${province}.`);

/** A host name as a browser sends it, lower-case and without its port. */
export function hostName(host: string | undefined): string {
  return (host ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/**
 * The settings of one kabupaten of the installation: its code, its schema or PGlite folder, its
 * own backup folder and the address its e-mails link to (its first host name).
 */
export function tenantConfig(base: Config, tenant: { code: string; hosts: readonly string[] }): Config {
  if (tenant.code === base.activeKabupaten) return base;
  const url = new URL(base.publicUrl);
  if (tenant.hosts[0]) url.hostname = tenant.hosts[0];
  return {
    ...base,
    activeKabupaten: tenant.code,
    databaseSchema: tenantSchema(tenant.code),
    dataDir: join(base.dataDir, 'kabupaten', tenant.code),
    backupDir: join(base.backupDir, tenant.code),
    publicUrl: url.toString().replace(/\/$/, ''),
  };
}

import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { systemPrincipal } from '../context.ts';
import { runJobNow } from '../modules/jobs/jobs.service.ts';
import type { JobHandler } from '../modules/module.ts';
import { findRegion } from '../modules/regions/regions.service.ts';
import { seed } from '../seed/seed.ts';
import { createContext, createLogger, openConfiguredDatabase } from '../server.ts';
import { saveTenant } from './installation.repository.ts';
import { hostName, KABUPATEN_CODE, PROVINCE_CODE, tenantConfig } from './tenants.ts';

type Progress = (done: number, total: number | null, message: string | null) => void;

/**
 * Adds a kabupaten/kota, or a province (whose Bappeda reads the plans of the installation's
 * kabupaten in it), to the installation `home` is the first of: its own database (schema or
 * PGlite folder) migrated and seeded, the national regions loaded into it, then listed with its
 * host names, so the next start serves it. Adding one again changes only its host names.
 */
export async function addKabupaten(
  home: AppContext,
  code: string,
  hosts: readonly string[],
  handlers: Readonly<Record<string, JobHandler>>,
  onProgress?: Progress,
): Promise<{ code: string; name: string; hosts: string[] }> {
  const province = PROVINCE_CODE.test(code);
  if (!KABUPATEN_CODE.test(code) && !province)
    throw new Error(`${code}: a kabupaten code looks like 35.72, a province's like 35`);
  if (code === home.config.activeKabupaten)
    throw new Error(`${code} is this installation's first kabupaten (ACTIVE_KABUPATEN)`);
  const region = await findRegion(home, code);
  if (region?.level !== (province ? 1 : 2))
    throw new Error(
      `${code} is not a ${province ? 'province' : 'kabupaten/kota'} of the loaded regions (run sinergi regions load first)`,
    );
  const tenant = { code, hosts: hosts.map(hostName).filter(Boolean) };
  await prepareKabupaten(tenantConfig(home.config, tenant), handlers, onProgress);
  await saveTenant(home.database.db, tenant);
  return { ...tenant, name: region.name };
}

/** Creates, migrates and seeds the kabupaten's database and loads its regions. */
async function prepareKabupaten(
  config: Config,
  handlers: Readonly<Record<string, JobHandler>>,
  onProgress?: Progress,
) {
  const database = await openConfiguredDatabase(config);
  try {
    const ctx = createContext(config, database, createLogger({ logLevel: 'warn' }));
    await database.migrate();
    await seed(ctx);
    if (await findRegion(ctx, config.activeKabupaten)) return;
    const job = await runJobNow(
      ctx,
      systemPrincipal,
      { kind: 'regions.load', params: {} },
      handlers,
      onProgress,
    );
    if (job.status !== 'succeeded') throw new Error(`regions load ${job.status}: ${job.errorCode}`);
  } finally {
    await database.close();
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.ts';
import { systemPrincipal } from '../src/context.ts';
import { openDatabase } from '../src/db/client.ts';
import { jobHandlers } from '../src/modules/index.ts';
import { runJobNow } from '../src/modules/jobs/jobs.service.ts';
import { seed } from '../src/seed/seed.ts';
import { createContext, createLogger } from '../src/server.ts';

export const TEMPLATE_DB = 'sinergi_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Builds one migrated, seeded database with the national regions loaded, once per run; every
 * test file starts from a copy (PGlite: a data-dir tarball; PostgreSQL: CREATE DATABASE ... TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  const config = loadConfig({ SINERGI_MODE: 'demo', LOG_LEVEL: 'silent' });
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    const templateUrl = withDatabase(url, TEMPLATE_DB);
    const database = await openDatabase({ databaseUrl: templateUrl, poolSize: 2 });
    await prepare(createContext(config, database, createLogger({ logLevel: 'silent' })));
    await database.close();
    await admin.end();
    project.provide('postgresTemplate', templateUrl);
    project.provide('pgliteTemplate', '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-int-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  await prepare(createContext(config, database, createLogger({ logLevel: 'silent' })));
  const tarball = join(dir, 'template.tar.gz');
  writeFileSync(tarball, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', tarball);
  project.provide('postgresTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

async function prepare(ctx: ReturnType<typeof createContext>) {
  await ctx.database.migrate();
  await seed(ctx);
  const job = await runJobNow(ctx, systemPrincipal, { kind: 'regions.load', params: {} }, jobHandlers);
  if (job.status !== 'succeeded') throw new Error(`template: regions.load ${job.status} ${job.errorCode}`);
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

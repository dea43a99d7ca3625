import { AppError, type FieldIssue } from '@sinergi/core';
import { type AppContext, type InstallationAdmin, type Principal, systemPrincipal } from '../../context.ts';
import { listTenants } from '../../installation/installation.repository.ts';
import { hostName } from '../../installation/tenants.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { enqueueJob } from '../jobs/jobs.service.ts';
import type { JobRun } from '../module.ts';
import { handSeries } from '../plans/plans.facade.ts';
import { findRegion, namesOf } from '../regions/regions.service.ts';
import { createUser, findUsers } from '../users/users.service.ts';
import { handOfficialResults } from '../village-index/village-index.facade.ts';

/**
 * The installation's page (issue 22, part 1). It lives on the installation's first government
 * and answers nowhere else: a kabupaten added later, or a server of one, has no such page (404).
 * Adding a government is a job (its database is made, migrated and its national regions loaded,
 * about a minute), after which every server of the installation serves it at its host names.
 */
function installation(ctx: AppContext): InstallationAdmin {
  if (!ctx.installation.admin) throw new AppError('NOT_FOUND', { details: { what: 'installation' } });
  return ctx.installation.admin;
}

const kindOf = (code: string, name: string) =>
  code.length === 2 ? 'provinsi' : /^kota\b/i.test(name) ? 'kota' : 'kabupaten';

/** The governments served here: the first, then each added, with their host names and accounts. */
export async function getInstallation(ctx: AppContext) {
  const admin = installation(ctx);
  const first = ctx.config.activeKabupaten;
  const tenants = await listTenants(ctx.database.db);
  const names = await namesOf(ctx, [first, ...tenants.map((t) => t.code)]);
  const rows = [
    { code: first, hosts: [] as string[], first: true },
    ...tenants.map((t) => ({ ...t, first: false })),
  ];
  return Promise.all(
    rows.map(async (row) => {
      const served = admin.government(row.code);
      const name = names.get(row.code) ?? row.code;
      return {
        code: row.code,
        name,
        kind: kindOf(row.code, name),
        hosts: row.hosts,
        first: row.first,
        serving: served !== null,
        accounts: served ? (await findUsers(served, { limit: 1, offset: 0 })).total : 0,
      } as const;
    }),
  );
}

/**
 * Checks a government to add, each problem under its field, and queues the job that adds it. A
 * host name already used by another government is refused: it would answer for only one of them.
 */
export async function requestAdd(
  ctx: AppContext,
  principal: Principal,
  input: { code: string; hosts: string[] },
) {
  installation(ctx);
  const issues: FieldIssue[] = [];
  const region = await findRegion(ctx, input.code);
  const tenants = await listTenants(ctx.database.db);
  if (region?.level !== (input.code.length === 2 ? 1 : 2))
    issues.push({ field: 'body.code', issue: 'government_unknown' });
  else if (input.code === ctx.config.activeKabupaten)
    issues.push({ field: 'body.code', issue: 'government_first' });
  else if (tenants.some((t) => t.code === input.code))
    issues.push({ field: 'body.code', issue: 'government_added' });
  const owners = new Map(tenants.flatMap((t) => t.hosts.map((h) => [hostName(h), t.code] as const)));
  const names = await namesOf(ctx, [...owners.values()]);
  for (const host of input.hosts.map(hostName)) {
    const owner = owners.get(host);
    if (owner)
      issues.push({
        field: 'body.hosts',
        issue: 'host_taken',
        params: { value: host, owner: names.get(owner) ?? owner },
      });
  }
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return enqueueJob(ctx, principal, {
    kind: 'installation.add',
    params: { code: input.code, hosts: input.hosts },
  });
}

/** The job: the government's database made and filled, listed, and served here before it ends. */
export async function runAdd(ctx: AppContext, run: JobRun) {
  const { code, hosts } = run.params as { code: string; hosts: string[] };
  const admin = installation(ctx);
  const [{ addKabupaten }, { jobHandlers }] = await Promise.all([
    import('../../installation/installation.service.ts'),
    import('../index.ts'),
  ]);
  await run.progress(0, null, 'installation.preparing');
  const added = await addKabupaten(ctx, code, hosts, jobHandlers, (done, total, message) => {
    void run.progress(done, total, message ?? 'installation.preparing').catch(() => undefined);
  });
  await appendAudit(ctx.database.db, run.principal, {
    action: 'installation.government_added',
    entity: 'installation',
    entityId: code,
    after: added,
  });
  await run.progress(1, 1, 'installation.serving');
  await admin.refresh();
  // Its desa's IDM, when the first government holds Kemendesa's national file.
  const served = admin.government(code);
  const idm = served ? await handOfficialResults(ctx, served, run.principal) : 0;
  // And the statistics series it holds of the new government's region (a BPS table of many).
  const statistics = served ? await handSeries(ctx, served, run.principal) : 0;
  return { ...added, idm, statistics };
}

/**
 * The first administrator of a government just added, made by the installation's administrator;
 * a government that has accounts makes its own. Its audit log names who made it, from where.
 */
export async function createFirstAdmin(
  ctx: AppContext,
  principal: Principal,
  code: string,
  input: { username: string; displayName: string; password: string },
) {
  const target = installation(ctx).government(code);
  if (!target || code === ctx.config.activeKabupaten)
    throw new AppError('NOT_FOUND', { details: { what: code } });
  if ((await findUsers(target, { limit: 1, offset: 0 })).total > 0)
    throw new AppError('CONFLICT', { issues: [{ field: 'code', issue: 'government_has_admin' }] });
  // Its own log has no account of the installation's: it names the administrator as the system did.
  const from: Principal = { actor: systemPrincipal.actor, name: `${principal.name} (instalasi)` };
  return createUser(target, from, { ...input, role: 'admin' });
}

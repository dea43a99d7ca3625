import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppContext, Principal } from '../context.ts';
import { systemPrincipal } from '../context.ts';
import { appendAudit } from '../modules/audit/audit.repository.ts';
import { DEMO_PASSWORD } from '../modules/auth/auth.service.ts';
import { hashPassword } from '../modules/auth/password-hash.ts';
import * as jobsRepo from '../modules/jobs/jobs.repository.ts';
import { enqueueJob } from '../modules/jobs/jobs.service.ts';
import { seedDemoMusrenbang } from '../modules/musrenbang/musrenbang.seed.ts';
import * as orgRepo from '../modules/organisations/organisations.repository.ts';
import { loadReferenceLists } from '../modules/plans/plans.reference.ts';
import { seedSamplePlans } from '../modules/plans/plans.seed.ts';
import { seedSamplePrograms } from '../modules/programs/programs.seed.ts';
import { seedSampleProjects } from '../modules/projects/projects.seed.ts';
import * as regionsRepo from '../modules/regions/regions.repository.ts';
import * as usersRepo from '../modules/users/users.repository.ts';
import { seedOfficialIdm } from '../modules/village-index/village-index.seed.ts';

const opdFile = fileURLToPath(
  new URL('../../../../reference-data/organisations/kab-blitar-opd.json', import.meta.url),
);

/** The OPD list of the kabupaten, once, when the table is empty. Admins edit it afterwards. */
export async function seedOrganisations(ctx: AppContext): Promise<number> {
  const { db } = ctx.database;
  if ((await orgRepo.findOrganisations(db)).length > 0) return 0;
  if (ctx.config.activeKabupaten !== '35.05') return 0;
  const list = JSON.parse(readFileSync(opdFile, 'utf8')) as {
    items: { code: string; name: string; shortName: string; kind: string }[];
  };
  await db.transaction(async (tx) => {
    for (const item of list.items) {
      const row = await orgRepo.insertOrganisation(tx, item);
      await appendAudit(tx, systemPrincipal, {
        action: 'organisation.seeded',
        entity: 'organisation',
        entityId: row.id,
        after: item,
      });
    }
  });
  return list.items.length;
}

/**
 * One account per role for demo mode, all with the demo password. The desa is Jaten and the
 * kecamatan its kecamatan Wonodadi: real places of Kabupaten Blitar, so every screen has real data.
 */
export const demoAccounts = [
  { username: 'admin', displayName: 'Admin Sinergi (demo)', role: 'admin' },
  { username: 'perencana', displayName: 'Perencana Bappeda (demo)', role: 'perencana' },
  { username: 'opd.dpupr', displayName: 'Operator DPUPR (demo)', role: 'opd', organisationCode: 'DPUPR' },
  {
    username: 'kec.wonodadi',
    displayName: 'Operator Kecamatan Wonodadi (demo)',
    role: 'kecamatan',
    regionCode: '35.05.01',
  },
  {
    username: 'desa.jaten',
    displayName: 'Operator Desa Jaten (demo)',
    role: 'desa',
    regionCode: '35.05.01.2001',
  },
  { username: 'dprd', displayName: 'Anggota DPRD (demo)', role: 'dprd' },
] as const;

export async function seedDemoAccounts(ctx: AppContext): Promise<number> {
  if (ctx.config.mode !== 'demo' || ctx.config.activeKabupaten !== '35.05') return 0;
  const { db } = ctx.database;
  if (await usersRepo.anyUser(db)) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const account of demoAccounts) {
      const organisation =
        'organisationCode' in account
          ? await orgRepo.findOrganisationByCode(tx, account.organisationCode)
          : null;
      const row = await usersRepo.insertUser(tx, {
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        passwordHash,
        organisationId: organisation?.id ?? null,
        regionCode: 'regionCode' in account ? account.regionCode : null,
      });
      await appendAudit(tx, systemPrincipal, {
        action: 'user.seeded_demo',
        entity: 'user',
        entityId: row.id,
        after: { username: row.username, role: row.role, regionCode: row.regionCode },
      });
    }
  });
  return demoAccounts.length;
}

/** Queues the national region load when no edition is active and no load is pending. */
export async function ensureRegionsQueued(ctx: AppContext, principal: Principal = systemPrincipal) {
  const { db } = ctx.database;
  if (await regionsRepo.findActiveEdition(db)) return null;
  const open = await jobsRepo.findOpenJobOfKind(db, 'regions.load');
  if (open) return open;
  return enqueueJob(ctx, principal, { kind: 'regions.load', params: {} });
}

/** Everything a fresh database needs that does not depend on the region list. */
export async function seed(ctx: AppContext) {
  const organisations = await seedOrganisations(ctx);
  const accounts = await seedDemoAccounts(ctx);
  const indexResults = await seedOfficialIdm(ctx);
  const sampleProposals = await seedDemoMusrenbang(ctx);
  const samplePeople = await seedSamplePrograms(ctx);
  const sampleProjects = await seedSampleProjects(ctx);
  const referenceLists = await loadReferenceLists(ctx, systemPrincipal);
  const samplePlans = await seedSamplePlans(ctx);
  return {
    referenceLists,
    organisations,
    accounts,
    indexResults,
    sampleProposals,
    samplePeople,
    sampleProjects,
    samplePlans,
  };
}

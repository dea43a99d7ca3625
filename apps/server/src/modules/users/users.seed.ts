import type { AppContext } from '../../context.ts';
import { systemPrincipal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { DEMO_PASSWORD } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password-hash.ts';
import * as orgRepo from '../organisations/organisations.repository.ts';
import * as usersRepo from './users.repository.ts';

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
  // A citizen's account, as if verified by e-mail: supports and comments on proposals.
  { username: 'warga', displayName: 'Warga Jaten (demo)', role: 'warga' },
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

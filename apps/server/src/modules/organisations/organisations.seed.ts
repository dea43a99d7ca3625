import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../../context.ts';
import { systemPrincipal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as orgRepo from './organisations.repository.ts';

const opdFile = fileURLToPath(
  new URL('../../../../../reference-data/organisations/kab-blitar-opd.json', import.meta.url),
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

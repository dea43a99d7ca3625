import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { keyedHash } from '../../personal/personal-data.ts';
import * as repo from './registry.repository.ts';

/**
 * What other modules may ask of the registry without its tables: people by id with their family's
 * decile (programs check eligibility and name participants), every family's decile (targeting),
 * and, for the sample, writing families and people inside the seed's transaction.
 */
/** The id of the resident with this NIK (found by its keyed hash), or null. */
export async function personIdByNik(ctx: AppContext, nik: string): Promise<string | null> {
  const person = await repo.findPersonByNikHash(
    ctx.database.db,
    keyedHash(ctx.config.personalDataKey, 'nik', nik),
  );
  return person?.id ?? null;
}

export async function peopleByIds(ctx: AppContext, ids: readonly string[]) {
  const rows = await repo.findPeopleWithDecile(ctx.database.db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.p.id, { ...r.p, decile: r.decile ?? null }]));
}

export function familyDeciles(ctx: AppContext) {
  return repo.findFamilyDeciles(ctx.database.db);
}

export function countPeople(ctx: AppContext) {
  return repo.countPeople(ctx.database.db);
}

export type NewFamily = repo.NewFamily;
export type NewPerson = repo.NewPerson;

export function insertSampleRegistry(tx: Db, fams: readonly NewFamily[], ppl: readonly NewPerson[]) {
  return repo.insertSample(tx, fams, ppl);
}

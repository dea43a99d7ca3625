import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import * as repo from './umkm.repository.ts';

/**
 * What other modules may ask of the UMKM registry without its tables: a person's businesses (the
 * person page), which people own one (eligibility), and writing the sample inside the seed's transaction.
 */
export function businessesOf(ctx: AppContext, ownerId: string) {
  return repo.findOfOwner(ctx.database.db, ownerId);
}

export function ownersAmong(ctx: AppContext, personIds: readonly string[]) {
  return repo.findOwnersAmong(ctx.database.db, personIds);
}

export type NewUmkm = repo.NewUmkm;
export type NewUmkmRecord = repo.NewRecord;

export function insertSampleUmkm(tx: Db, biz: readonly NewUmkm[], records: readonly NewUmkmRecord[]) {
  return repo.insertSample(tx, biz, records);
}

import type { AppContext } from '../../context.ts';
import * as repo from './partners.repository.ts';

/** What other modules may ask of the partners registry: partners' names by id (unknown ids are absent). */
export async function partnerNames(ctx: AppContext, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await repo.findPartnersByIds(ctx.database.db, ids);
  return new Map(rows.map((p) => [p.id, p.name]));
}

/** Commitments by id with the partner whose agreement makes them (unknown ids are absent). */
export async function commitmentsByIds(ctx: AppContext, ids: readonly string[]) {
  const rows = await repo.findCommitmentsByIds(ctx.database.db, [...new Set(ids)]);
  return new Map(rows.map((c) => [c.id, c]));
}

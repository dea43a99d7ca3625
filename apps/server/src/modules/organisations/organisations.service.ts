import { AppError } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './organisations.repository.ts';

export type OrganisationInput = Pick<repo.NewOrganisation, 'code' | 'name' | 'shortName' | 'kind' | 'active'>;

export function findOrganisations(ctx: AppContext) {
  return repo.findOrganisations(ctx.database.db);
}

export async function getOrganisation(ctx: AppContext, id: string) {
  const row = await repo.findOrganisation(ctx.database.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function codeTaken(code: string) {
  return new AppError('CONFLICT', {
    details: { what: code },
    issues: [{ field: 'body.code', issue: 'taken' }],
  });
}

export async function createOrganisation(ctx: AppContext, principal: Principal, input: OrganisationInput) {
  return ctx.database.db.transaction(async (tx) => {
    if (await repo.findOrganisationByCode(tx, input.code)) throw codeTaken(input.code);
    const row = await repo.insertOrganisation(tx, input);
    await appendAudit(tx, principal, {
      action: 'organisation.created',
      entity: 'organisation',
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateOrganisation(
  ctx: AppContext,
  principal: Principal,
  id: string,
  patch: Partial<OrganisationInput>,
) {
  const before = await getOrganisation(ctx, id);
  return ctx.database.db.transaction(async (tx) => {
    if (patch.code && patch.code !== before.code && (await repo.findOrganisationByCode(tx, patch.code))) {
      throw codeTaken(patch.code);
    }
    const after = await repo.updateOrganisation(tx, id, { ...patch, updatedAt: ctx.clock() });
    await appendAudit(tx, principal, {
      action: 'organisation.updated',
      entity: 'organisation',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

/** The organisation with this code (e.g. DPUPR), or null. */
export function findOrganisationByCode(ctx: AppContext, code: string) {
  return repo.findOrganisationByCode(ctx.database.db, code);
}

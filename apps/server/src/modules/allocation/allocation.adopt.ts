import { AppError } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { fundProposals } from '../musrenbang/musrenbang.decisions.ts';
import * as repo from './allocation.repository.ts';
import { mustFind, type StoredResult } from './allocation.service.ts';

/** Adopting a scenario: its selected proposals move to the budget step of the Musrenbang path, with the scenario as the reason. */
/** Adopting moves the selection to the budget step, with the scenario as the reason. */
export async function adopt(ctx: AppContext, principal: Principal, id: string) {
  const s = await mustFind(ctx, id);
  const result = s.result as StoredResult | null;
  if (s.state !== 'draf' || !result || result.selected.length === 0 || result.status === 'infeasible')
    throw new AppError('INVALID_STATE', { details: { state: s.state } });
  const funded = await fundProposals(ctx, principal, result.selected, `Skenario anggaran: ${s.name}`);
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateScenario(tx, id, { state: 'diadopsi' }, ctx.clock());
    await appendAudit(tx, principal, {
      action: 'scenario.adopted',
      entity: 'scenario',
      entityId: id,
      after: { funded },
    });
  });
  return { funded };
}

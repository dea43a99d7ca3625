import type { AppContext } from '../../context.ts';
import * as repo from './allocation.repository.ts';

/**
 * What other modules may ask of budget allocation: the budget of the scenario adopted for a plan
 * year (the ceiling a proposal moved to the budget step by hand must stay within).
 */
export async function adoptedBudget(ctx: AppContext, planYear: number) {
  const s = await repo.findAdopted(ctx.database.db, planYear);
  return s ? { name: s.name, budget: s.budget } : null;
}

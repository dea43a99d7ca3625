import { AppError, adoptionMachine, type ScenarioState, takeStep } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import {
  fundedTotalOf,
  prepareFunding,
  recordFunding,
  returnableFromBudget,
  returnFromBudget,
} from '../musrenbang/musrenbang.decisions.ts';
import type { Adoption } from './allocation.record.ts';
import * as repo from './allocation.repository.ts';
import { getScenario, mustFind, type StoredResult } from './allocation.service.ts';

/**
 * Adopting a scenario (core's adoption machine): its selection moves to the budget step with the
 * scenario as the reason, and the portfolio is frozen as adopted. One scenario per plan year is
 * adopted: adopting another replaces it only with a reason and returns the proposals it funded that
 * the new one does not choose (still at the budget step) to the RKPD step. A selection beyond the
 * scenario's budget is refused; proposals funded outside it are recorded beside it, and a manual
 * forward afterwards must keep the whole year within the adopted budget (musrenbang.decisions).
 */
export async function adopt(ctx: AppContext, principal: Principal, id: string, reason?: string) {
  const s = await mustFind(ctx, id);
  const result = s.result as StoredResult | null;
  const view = await getScenario(ctx, id);
  const current = await repo.findAdopted(ctx.database.db, s.planYear);
  const replacing = current && current.id !== id ? current : null;
  const old = replacing?.adoption as Adoption | null | undefined;
  // What the replaced scenario funded and this one does not choose goes back; what both choose stays.
  const keeps = new Set(result?.selected ?? []);
  const returning = old
    ? await returnableFromBudget(
        ctx,
        old.candidates.filter((c) => c.inOptimum && !keeps.has(c.id)).map((c) => c.id),
      )
    : [];
  const returnedCost = returning.reduce((sum, p) => sum + p.estimatedCost, 0);
  const selected = view.candidates.filter((c) => c.inOptimum);
  const selectedCost = selected.reduce((sum, c) => sum + c.cost, 0);
  const facts = {
    solved: !!result && result.status !== 'infeasible' && result.selected.length > 0,
    selectedCost,
    // The scenario's budget is the envelope of what it selects; proposals funded before it (by a
    // vote, or by hand) are recorded beside it, not counted against it.
    fundedOutside: 0,
    budget: s.budget,
    adoptedNow: replacing ? { name: replacing.name } : null,
    reason: reason ?? null,
  };
  takeStep(adoptionMachine, s.state as ScenarioState, 'adopsi', facts);
  const note = `Skenario anggaran: ${s.name}`;
  const funding = await prepareFunding(ctx, principal, result!.selected, note);
  const now = ctx.clock();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      // Under the year's funding lock, so two adoptions (or forwards) at once go one after the other.
      const fundedNow = await fundedTotalOf(tx, s.planYear, true);
      if (replacing) {
        const superseded: Adoption = {
          ...(old as Adoption),
          supersededAt: now.toISOString(),
          supersededBy: principal.name,
          supersededByScenario: s.name,
          supersedeReason: reason!.trim(),
        };
        if (
          !(await repo.updateScenarioFrom(
            tx,
            replacing.id,
            'diadopsi',
            { state: 'digantikan', adoption: superseded },
            now,
          ))
        )
          throw new AppError('STALE');
        await returnFromBudget(
          tx,
          ctx,
          principal,
          returning,
          `Skenario "${replacing.name}" diganti oleh "${s.name}": ${reason!.trim()}`,
        );
        await appendAudit(tx, principal, {
          action: 'scenario.superseded',
          entity: 'scenario',
          entityId: replacing.id,
          before: { state: 'diadopsi' },
          after: { state: 'digantikan', by: s.name, reason: reason!.trim(), returned: returning.length },
        });
      }
      await recordFunding(tx, ctx, principal, funding);
      const adoption: Adoption = {
        adoptedAt: now.toISOString(),
        adoptedBy: principal.name,
        budget: s.budget,
        selectedCost,
        fundedOutside: fundedNow - returnedCost,
        candidates: view.candidates,
        explanations: view.explanations,
        ...(replacing
          ? {
              replaced: {
                id: replacing.id,
                name: replacing.name,
                reason: reason!.trim(),
                returned: returning.length,
              },
            }
          : {}),
      };
      if (!(await repo.updateScenarioFrom(tx, id, 'draf', { state: 'diadopsi', adoption }, now)))
        throw new AppError('STALE');
      const funded = funding.filter((steps) => steps.length > 0).length;
      await appendAudit(tx, principal, {
        action: 'scenario.adopted',
        entity: 'scenario',
        entityId: id,
        after: { funded, selectedCost, budget: s.budget, ...(replacing ? { replaced: replacing.name } : {}) },
      });
      return { funded };
    });
  } catch (error) {
    // Another scenario of the year was adopted at the same moment: this one is not.
    if (isUniqueViolation(error)) throw new AppError('STALE');
    throw error;
  }
}

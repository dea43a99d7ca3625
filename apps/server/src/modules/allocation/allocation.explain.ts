import { AppError } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { enqueueJob } from '../jobs/jobs.service.ts';
import type { JobRun } from '../module.ts';
import * as repo from './allocation.repository.ts';
import { modelOf, mustFind, type Settings, type StoredResult, scored } from './allocation.service.ts';
import { solvePortfolio } from './solver.ts';

/** Why a proposal is in or out of the optimum: the binding rule, what it would displace, the highest cost at which it would enter. */
export interface Explanation {
  selected: boolean;
  displaced?: (string | undefined)[];
  binding?: Record<string, unknown>[];
  scoreLoss?: number;
  maxCost?: number | null;
}

/** Queues the explanation of every candidate (for the exported report); each is kept as it is found. */
export async function requestExplainAll(ctx: AppContext, principal: Principal, id: string) {
  const s = await mustFind(ctx, id);
  const result = s.result as StoredResult | null;
  if (!result || result.status === 'infeasible')
    throw new AppError('INVALID_STATE', { details: { state: 'not_solved' } });
  const job = await enqueueJob(ctx, principal, { kind: 'allocation.explain', params: { scenarioId: id } });
  return { jobId: job.id };
}

/** Job `allocation.explain`: every candidate's explanation, with progress, cancellable between candidates. */
export async function runExplainJob(ctx: AppContext, run: JobRun) {
  const { scenarioId } = run.params as { scenarioId: string };
  const s = await mustFind(ctx, scenarioId);
  const result = solvedResult(s);
  // Scored once for all candidates; each explanation is stored as it is found.
  const data = await scored(ctx, s);
  const explanations = { ...(s.explanations as Record<string, unknown>) };
  let done = 0;
  for (const c of data.candidates) {
    await run.checkCancelled();
    if (!explanations[c.id]) {
      explanations[c.id] = await explainOne(s, result, data, c.id);
      await saveExplanations(ctx, scenarioId, explanations);
    }
    await run.progress(++done, data.candidates.length, 'allocation.explaining');
  }
  return { explained: done };
}

/**
 * Why a proposal is in or out. Out: funding it anyway (as a must-fund rule) either breaks a rule
 * (those rules are named) or costs score (how much, and which selected proposals it would
 * displace); and the highest cost at which the optimum takes it, found by bisection (taking it
 * gets only more attractive as its cost falls, so the answer is one threshold). In: what it
 * displaced from the greedy list.
 */
export async function explain(ctx: AppContext, id: string, proposalId: string): Promise<Explanation> {
  const s = await mustFind(ctx, id);
  const result = solvedResult(s);
  const cached = (s.explanations as Record<string, unknown>)[proposalId];
  if (cached) return cached as Explanation;
  const explanation = await explainOne(s, result, await scored(ctx, s), proposalId);
  await saveExplanations(ctx, id, { ...(s.explanations as object), [proposalId]: explanation });
  return explanation;
}

export function solvedResult(s: repo.ScenarioRow): StoredResult {
  const result = s.result as StoredResult | null;
  if (!result || result.status === 'infeasible')
    throw new AppError('INVALID_STATE', { details: { state: 'not_solved' } });
  return result;
}

export function saveExplanations(ctx: AppContext, id: string, explanations: Record<string, unknown>) {
  return ctx.database.db.transaction((tx) => repo.updateScenario(tx, id, { explanations }, ctx.clock()));
}

/** One proposal's explanation, from the scenario's scored candidates (no database work). */
export async function explainOne(
  s: repo.ScenarioRow,
  result: StoredResult,
  data: Awaited<ReturnType<typeof scored>>,
  proposalId: string,
): Promise<Explanation> {
  const { items, rules } = modelOf(s, data);
  const item = items.find((i) => i.id === proposalId);
  if (!item) throw new AppError('NOT_FOUND', { details: { what: proposalId } });
  const codeOf = new Map(data.candidates.map((c) => [c.id, c.trackingCode]));
  const settings = s.settings as Settings;
  const options = { timeLimit: settings.timeLimit, gap: settings.gap };
  const optimum = new Set(result.selected);
  let explanation: Explanation;
  if (optimum.has(proposalId)) {
    const greedy = new Set(result.greedy.selected);
    explanation = {
      selected: true,
      displaced: greedy.has(proposalId)
        ? []
        : result.greedy.selected.filter((g) => !optimum.has(g)).map((g) => codeOf.get(g)),
    };
  } else {
    const forced = await solvePortfolio(
      items,
      { ...rules, mustFund: [...(rules.mustFund ?? []), proposalId] },
      options,
    );
    if (forced.status === 'infeasible') {
      const binding = (forced.conflicts ?? []).filter((r) => !(r.kind === 'mustFund' && r.id === proposalId));
      explanation = {
        selected: false,
        binding: binding.map((r) =>
          r.kind === 'mustFund'
            ? { ...r, id: codeOf.get(r.id) }
            : r.kind === 'requires'
              ? { ...r, a: codeOf.get(r.a), b: codeOf.get(r.b) }
              : r.kind === 'exclusive'
                ? { ...r, ids: r.ids.map((x) => codeOf.get(x)) }
                : r,
        ),
      };
    } else {
      const inAt = async (cost: number) => {
        const r = await solvePortfolio(
          items.map((i) => (i.id === proposalId ? { ...i, cost } : i)),
          rules,
          options,
        );
        return r.selected.includes(proposalId);
      };
      let lo = 0;
      let hi = item.cost;
      let maxCost: number | null = null;
      if (await inAt(0)) {
        // Bisect to Rp100.000 or 1 % of the cost, whichever is larger.
        const precision = Math.max(100_000, Math.round(item.cost / 100));
        while (hi - lo > precision) {
          const mid = Math.floor((lo + hi) / 2);
          if (await inAt(mid)) lo = mid;
          else hi = mid;
        }
        maxCost = lo;
      }
      explanation = {
        selected: false,
        binding: [{ kind: 'budget' }],
        scoreLoss: (result.objective ?? 0) - (forced.objective ?? 0),
        displaced: result.selected.filter((x) => !forced.selected.includes(x)).map((x) => codeOf.get(x)),
        maxCost,
      };
    }
  }
  return explanation;
}

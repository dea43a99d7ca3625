import type { FieldIssue } from '../errors/app-error.ts';
import { formatRupiah } from '../format.ts';
import { defineMachine, reasonNeed } from './machine.ts';

/**
 * A budget scenario: drafted and solved (draf), adopted as the year's allocation (diadopsi), or
 * replaced by a later adoption (digantikan). One scenario per plan year is adopted at a time;
 * adopting another replaces it only with a reason, and never beyond the budget (PP 12/2019 on
 * regional finance: spending is bound by the APBD ceiling).
 */
export const scenarioStates = ['draf', 'diadopsi', 'digantikan'] as const;
export type ScenarioState = (typeof scenarioStates)[number];

export interface AdoptionFacts {
  /** The scenario has a feasible solved result with at least one proposal. */
  solved: boolean;
  /** What the scenario selects, and what of the year was funded outside any adopted scenario. */
  selectedCost: number;
  fundedOutside: number;
  budget: number;
  /** The scenario of the same year adopted now, if any, and the reason for replacing it. */
  adoptedNow: { name: string } | null;
  reason?: string | null;
}

function adoptNeeds(f: AdoptionFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!f.solved) issues.push({ field: 'scenario.result', issue: 'not_solved' });
  const total = f.selectedCost + f.fundedOutside;
  if (total > f.budget)
    issues.push({
      field: 'scenario.budget',
      issue: 'over_budget',
      params: { total: formatRupiah(total), budget: formatRupiah(f.budget) },
    });
  if (f.adoptedNow)
    issues.push(
      ...reasonNeed(f.reason, 'body.supersedeReason').map((i) => ({
        ...i,
        issue: 'supersede_reason',
        params: { name: f.adoptedNow!.name },
      })),
    );
  return issues;
}

export const adoptionMachine = defineMachine<ScenarioState, 'adopsi' | 'gantikan', AdoptionFacts>({
  name: 'scenario',
  states: scenarioStates,
  steps: {
    adopsi: { from: ['draf'], to: 'diadopsi', needs: adoptNeeds },
    gantikan: { from: ['diadopsi'], to: 'digantikan', backwards: true, needs: (f) => reasonNeed(f.reason) },
  },
});

import type { PlanDetail, PlanNodeView, PlanSummary } from '@sinergi/contracts';
import type { PlanRow } from './plans.repository.ts';

/** What the API shows of plans: the owner named, dates as ISO strings. Indicators: plans.indicators.ts. */

export function presentPlanSummary(p: PlanRow, names: ReadonlyMap<string, string>): PlanSummary {
  return {
    ...p,
    ownerName: p.owner ? (names.get(p.owner) ?? p.owner) : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentPlanDetail(
  p: PlanRow,
  names: ReadonlyMap<string, string>,
  editable: boolean,
  nodes: PlanNodeView[],
): PlanDetail {
  return { ...presentPlanSummary(p, names), mayEdit: editable, abilities: { edit: editable }, nodes };
}

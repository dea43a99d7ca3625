import { beforeAfter, diffInDiff, type Estimate, type Panel } from '../stats/evaluation.ts';

/**
 * A green-industry training evaluated from the registry: each outcome of the trained businesses
 * from the year before the training to the year after, against the businesses not trained
 * (difference-in-differences, the same estimator the social programs use).
 */
export const trainingOutcomes = [
  { indicator: 'energyGj', direction: 'lower' },
  { indicator: 'emissions', direction: 'lower' },
  { indicator: 'solidWasteTon', direction: 'lower' },
  { indicator: 'productionValue', direction: 'higher' },
] as const;
export type TrainingOutcome = (typeof trainingOutcomes)[number]['indicator'];

export type YearFigures = Readonly<Record<TrainingOutcome, number>>;

export interface TrainingResult {
  indicator: TrainingOutcome;
  direction: 'lower' | 'higher';
  participants: Estimate | null;
  comparison: Estimate | null;
  /** Participants' change minus the comparison group's; null under two businesses on either side. */
  effect: Estimate | null;
  /** Participants whose outcome moved the right way. */
  improved: number;
}

/**
 * `reports(business)` gives a business's figures by year. Businesses without a report in both
 * the year before and the year after are left out of that outcome's panels.
 */
export function evaluateTraining(
  year: number,
  trained: readonly string[],
  untrained: readonly string[],
  reports: (business: string) => ReadonlyMap<number, YearFigures>,
) {
  const panels = (ids: readonly string[], k: TrainingOutcome): Panel[] =>
    ids.flatMap((id) => {
      const r = reports(id);
      const before = r.get(year - 1);
      const after = r.get(year + 1);
      return before && after ? [{ before: before[k], after: after[k] }] : [];
    });
  const results: TrainingResult[] = trainingOutcomes.map(({ indicator, direction }) => {
    const pt = panels(trained, indicator);
    const pc = panels(untrained, indicator);
    return {
      indicator,
      direction,
      participants: pt.length >= 2 ? beforeAfter(pt) : null,
      comparison: pc.length >= 2 ? beforeAfter(pc) : null,
      effect: pt.length >= 2 && pc.length >= 2 ? diffInDiff(pt, pc) : null,
      improved: pt.filter((p) => (direction === 'lower' ? p.after < p.before : p.after > p.before)).length,
    };
  });
  const measured = (ids: readonly string[]) =>
    ids.filter((id) => reports(id).has(year - 1) && reports(id).has(year + 1)).length;
  return {
    participants: trained.length,
    measured: { participants: measured(trained), comparison: measured(untrained) },
    outcomes: results,
  };
}
export type TrainingEvaluation = ReturnType<typeof evaluateTraining>;

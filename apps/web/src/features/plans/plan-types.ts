/** The shapes of a plan as the plan page reads it (from the contracts), and the colours of achievement lights and projection verdicts. */
export type { Indicator, LinkTarget, PlanDetail as Plan, PlanNodeView as PlanNode } from '@sinergi/contracts';

export const lightColour: Record<string, string> = { hijau: 'teal', kuning: 'yellow', merah: 'red' };

export const verdictColour: Record<string, string> = {
  on_track: 'teal',
  at_risk: 'yellow',
  off_track: 'red',
  unknown: 'gray',
};

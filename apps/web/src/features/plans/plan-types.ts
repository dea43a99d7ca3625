/** The shapes of a plan as the plan page reads it, and the colours of achievement lights and projection verdicts. */
export interface Indicator {
  id: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  additive: boolean;
  baselineYear: number;
  baselineValue: number;
  targets: Record<string, number>;
  ownRealisations: Record<string, { value: number; source: string }>;
  seriesIndicator: string | null;
  byYear: {
    year: number;
    target: number | null;
    realisation: number | null;
    achievement: number | null;
    light?: string;
    source: string | null;
  }[];
  projections: {
    year: number;
    target: number | null;
    projected: number | null;
    verdict: string;
    reason: string;
    basis: { points: number; slope: number | null };
  }[];
}

export interface PlanNode {
  id: string;
  parentId: string | null;
  position: number;
  kind: string;
  code: string | null;
  title: string;
  tags: string[];
  budget: Record<string, number>;
  supports: { id: string; title: string }[];
  indicators: Indicator[];
  proposals: { id: string; trackingCode: string; title: string; stage: string }[];
}

export interface Plan {
  id: string;
  name: string;
  kind: string;
  level: string;
  owner: string | null;
  ownerName: string | null;
  startYear: number;
  endYear: number;
  sample: boolean;
  mayEdit: boolean;
  nodes: PlanNode[];
}

export interface LinkTarget {
  id: string;
  title: string;
  code: string | null;
  plan: string;
}

export const lightColour: Record<string, string> = { hijau: 'teal', kuning: 'yellow', merah: 'red' };

export const verdictColour: Record<string, string> = {
  on_track: 'teal',
  at_risk: 'yellow',
  off_track: 'red',
  unknown: 'gray',
};

import type { ScenarioDetail } from '@sinergi/contracts';
import type { Explanation } from './allocation.explain.ts';

/**
 * The portfolio as adopted: every candidate as it stood (figures, score, whether chosen) and the
 * explanations of its decision. After adoption the candidates move on along the path, so the
 * scenario's page, its XLSX and the DPRD read this record instead of the live candidates.
 */
export interface Adoption {
  adoptedAt: string;
  adoptedBy: string;
  budget: number;
  selectedCost: number;
  /** What the plan year had funded outside this scenario when it was adopted. */
  fundedOutside: number;
  candidates: ScenarioDetail['candidates'];
  explanations: Record<string, Explanation>;
  /** The scenario this one replaced, and why. */
  replaced?: { id: string; name: string; reason: string; returned: number };
  /** Once replaced: when, by whom, by which scenario and why. */
  supersededAt?: string;
  supersededBy?: string;
  supersededByScenario?: string;
  supersedeReason?: string;
}

/** The adoption record as the scenario's page shows it (the frozen candidates are shown as the candidates). */
export function presentAdoption(a: Adoption | null): ScenarioDetail['adoption'] {
  if (!a) return null;
  const { candidates: _c, explanations: _e, ...record } = a;
  return record;
}

/**
 * Targeting quality of social assistance (domain facts: DTSEN deciles). The unit is the family.
 * Inclusion error: the share of recipient families outside the eligible deciles (a family whose
 * decile is unknown cannot be shown to be eligible, so it counts as outside). Exclusion error: the
 * share of eligible families that receive nothing.
 */
export interface TargetFamily {
  id: string;
  /** The area the figures are broken down by (desa or kecamatan code). */
  area: string;
  decile: number | null;
}

export interface TargetingFigures {
  recipients: number;
  eligible: number;
  includedIneligible: number;
  excludedEligible: number;
  inclusionError: number | null;
  exclusionError: number | null;
}

function figures(
  families: readonly TargetFamily[],
  recipients: ReadonlySet<string>,
  min: number,
  max: number,
): TargetingFigures {
  let n = 0;
  let eligible = 0;
  let inIneligible = 0;
  let outEligible = 0;
  for (const f of families) {
    const ok = f.decile !== null && f.decile >= min && f.decile <= max;
    const gets = recipients.has(f.id);
    if (gets) n++;
    if (ok) eligible++;
    if (gets && !ok) inIneligible++;
    if (ok && !gets) outEligible++;
  }
  return {
    recipients: n,
    eligible,
    includedIneligible: inIneligible,
    excludedEligible: outEligible,
    inclusionError: n ? inIneligible / n : null,
    exclusionError: eligible ? outEligible / eligible : null,
  };
}

/** The figures for all families and per area, areas in code order. */
export function targetingErrors(
  families: readonly TargetFamily[],
  recipients: ReadonlySet<string>,
  deciles: { min: number; max: number },
) {
  const areas = new Map<string, TargetFamily[]>();
  for (const f of families) {
    const list = areas.get(f.area);
    if (list) list.push(f);
    else areas.set(f.area, [f]);
  }
  return {
    ...figures(families, recipients, deciles.min, deciles.max),
    byArea: [...areas]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([area, list]) => ({ area, ...figures(list, recipients, deciles.min, deciles.max) })),
  };
}

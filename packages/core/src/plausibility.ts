import { AppError, type FieldIssue } from './errors/app-error.ts';

/**
 * Plausibility: numbers that are valid but would mislead a decision if they were a typing slip.
 * A refusal stops the save with a message; a warning stops it until the person confirms, and the
 * confirmed warning is recorded with the decision (in the audit entry), never silently accepted.
 *
 * The factors below are Sinergi's own checks, not rules from a regulation; they only decide when
 * to ask "is this right?".
 */
export interface Finding extends FieldIssue {
  readonly severity: 'warning' | 'refusal';
}

/** A cost this many times the kamus estimate (volume × unit price) is questioned... */
export const COST_WARN_FACTOR = 1.5;
/** ...and this many times is refused: no unit price is off by an order of magnitude. */
export const COST_REFUSE_FACTOR = 10;
/** A desa proposal without a kamus entry above this asks for confirmation (Rp5 miliar)... */
export const DESA_PROPOSAL_WARN = 5_000_000_000;
/** ...and above this is refused (Rp100 miliar: more than a desa's Musrenbang can ask of a regency). */
export const DESA_PROPOSAL_REFUSE = 100_000_000_000;
/** A plan year this far ahead is past any medium-term plan (RPJMD: five years). */
export const PLAN_YEARS_AHEAD = 5;

const warn = (field: string, issue: string, params: Record<string, string | number> = {}): Finding => ({
  field,
  issue,
  params,
  severity: 'warning',
});
const refuse = (field: string, issue: string, params: Record<string, string | number> = {}): Finding => ({
  field,
  issue,
  params,
  severity: 'refusal',
});

export interface ProposalFigures {
  track: string;
  estimatedCost: number;
  communityContribution: number;
  volume: number;
  planYear: number;
  /** The kamus unit price, when a kamus entry was chosen. */
  unitCost?: number | null;
  /** Whether the point lies in the chosen desa and in the kabupaten (null: no point or no boundary). */
  pointInDesa?: boolean | null;
  pointInKabupaten?: boolean | null;
}

/** The plausibility of a proposal's money, year and place. */
export function proposalFindings(p: ProposalFigures, currentYear: number): Finding[] {
  const findings: Finding[] = [];
  if (p.communityContribution > p.estimatedCost)
    findings.push(refuse('body.communityContribution', 'swadaya_above_cost'));
  if (p.unitCost && p.unitCost > 0 && p.estimatedCost > 0) {
    const expected = Math.round(p.volume * p.unitCost);
    const factor = p.estimatedCost / expected;
    if (factor > COST_REFUSE_FACTOR)
      findings.push(
        refuse('body.estimatedCost', 'cost_far_above_kamus', { expected, factor: COST_REFUSE_FACTOR }),
      );
    else if (factor > COST_WARN_FACTOR)
      findings.push(warn('body.estimatedCost', 'cost_above_kamus', { expected }));
  } else if (p.track === 'musrenbang') {
    if (p.estimatedCost > DESA_PROPOSAL_REFUSE)
      findings.push(refuse('body.estimatedCost', 'cost_beyond_desa', { limit: DESA_PROPOSAL_REFUSE }));
    else if (p.estimatedCost > DESA_PROPOSAL_WARN)
      findings.push(warn('body.estimatedCost', 'cost_large_for_desa', { limit: DESA_PROPOSAL_WARN }));
  }
  if (p.planYear > currentYear + PLAN_YEARS_AHEAD)
    findings.push(refuse('body.planYear', 'year_too_far', { year: currentYear + PLAN_YEARS_AHEAD }));
  if (p.pointInKabupaten === false) findings.push(refuse('body.latitude', 'point_outside_kabupaten'));
  else if (p.pointInDesa === false) findings.push(warn('body.latitude', 'point_outside_desa'));
  return findings;
}

/**
 * A Musrenbang forum for plan year N is held in year N-1 (Permendagri 86/2017: the desa, kecamatan
 * and kabupaten forums run from January to March of the year before the RKPD's year). Another year
 * is questioned; more than a year away either side is refused, and so is a date over a year ahead.
 */
export function forumDateFindings(heldOn: string, planYear: number, today: string): Finding[] {
  const year = Number(heldOn.slice(0, 4));
  const findings: Finding[] = [];
  if (year < planYear - 2 || year > planYear)
    findings.push(refuse('body.heldOn', 'forum_year_far', { year: planYear - 1 }));
  else if (year !== planYear - 1)
    findings.push(warn('body.heldOn', 'forum_year_unusual', { year: planYear - 1 }));
  if (heldOn > `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`)
    findings.push(refuse('body.heldOn', 'date_far_future'));
  return findings;
}

/** A report, a measurement or a payment is of something that happened: not dated after today. */
export function pastDateFindings(field: string, date: string | null | undefined, today: string): Finding[] {
  return date && date > today ? [refuse(field, 'date_in_future', { today })] : [];
}

/**
 * The years a realisation may be recorded for: ones that have been, from the indicator's baseline
 * to the plan's last year and no later than the current year. The form offers these; the server
 * refuses any other.
 */
export function realisationYears(baselineYear: number, endYear: number, currentYear: number): number[] {
  const last = Math.min(endYear, currentYear);
  return Array.from({ length: Math.max(0, last - baselineYear + 1) }, (_, k) => baselineYear + k);
}

export function realisationFindings(
  years: readonly number[],
  baselineYear: number,
  endYear: number,
  currentYear: number,
): Finding[] {
  const allowed = realisationYears(baselineYear, endYear, currentYear);
  const end = Math.min(endYear, currentYear);
  return years
    .filter((y) => !allowed.includes(y))
    .map((y) => refuse(`body.realisations.${y}`, 'outside_period', { start: baselineYear, end }));
}

/**
 * A target against its indicator's direction: for an indicator where higher is better, a negative
 * target or one below the baseline is questioned; where lower is better, one above the baseline.
 */
export function targetFindings(
  direction: 'higher' | 'lower',
  baseline: number | null,
  targets: Readonly<Record<string, number>>,
): Finding[] {
  const findings: Finding[] = [];
  for (const [year, target] of Object.entries(targets)) {
    const field = `body.targets.${year}`;
    if (direction === 'higher' && target < 0) findings.push(warn(field, 'target_negative'));
    else if (direction === 'higher' && baseline !== null && target < baseline)
      findings.push(warn(field, 'target_against_direction', { baseline }));
    else if (direction === 'lower' && baseline !== null && target > baseline)
      findings.push(warn(field, 'target_against_direction', { baseline }));
  }
  return findings;
}

/**
 * Settles findings: refusals stop the save (VALIDATION); warnings stop it until confirmed
 * (NEEDS_CONFIRMATION, answered 422 with the warnings as issues). Returns the confirmed warnings,
 * for the caller to record with what it saves.
 */
export function settleFindings(findings: readonly Finding[], confirmed: boolean | undefined): FieldIssue[] {
  const refusals = findings.filter((f) => f.severity === 'refusal');
  if (refusals.length) throw new AppError('VALIDATION', { issues: refusals.map(plain) });
  const warnings = findings.filter((f) => f.severity === 'warning').map(plain);
  if (warnings.length && !confirmed) throw new AppError('NEEDS_CONFIRMATION', { issues: warnings });
  return warnings;
}

function plain({ field, issue, params }: Finding): FieldIssue {
  return { field, issue, ...(params ? { params } : {}) };
}

import { AppError } from '../errors/app-error.ts';
import type { Add1Board, Add1Job } from './add1-board.ts';
import { type Comparison, compareWithGreedy, equalSharesAdd1, phragmen, quality } from './completion.ts';
import type { Q } from './rational.ts';
import { type Election, equalShares, greedy, type MesRound, votesOf } from './rules.ts';

/**
 * One description of "which rule, how" for the app and the CLI alike, kept apart from the ballot
 * format. `threshold` (Pabulib's min_project_score_threshold) makes projects with fewer votes
 * ineligible under every rule, not only greedy.
 */
export const pbRuleNames = ['greedy', 'greedy-no-skip', 'mes', 'phragmen'] as const;
export const pbCompletions = ['none', 'add1', 'add1-greedy'] as const;
export interface RuleConfig {
  rule: (typeof pbRuleNames)[number];
  utility: 'cost' | 'cardinality';
  completion: (typeof pbCompletions)[number];
  compareGreedy: boolean;
  threshold?: number | undefined;
  /** Add1's unit of endowment (1 when not given). */
  add1Step?: number | undefined;
  /** Greedy: groups of project ids of which at most one is funded (greedy-exclusive). */
  exclusive?: readonly (readonly string[])[] | undefined;
}

export interface RunOutcome {
  selected: string[];
  cost: number;
  rule: string;
  tieBreak: string;
  rounds: MesRound[];
  endowment?: string;
  steps?: number;
  stopRule?: string;
  comparison?: Comparison;
  /** Projects left out before counting because they had fewer votes than the threshold. */
  belowThreshold: string[];
  quality: ReturnType<typeof quality>;
}

/** The rule a Pabulib META `rule` names, or null when Sinergi does not run it. */
export function ruleFromMeta(name: string): Omit<RuleConfig, 'utility' | 'threshold'> | null {
  const known: Record<string, Omit<RuleConfig, 'utility' | 'threshold'>> = {
    greedy: { rule: 'greedy', completion: 'none', compareGreedy: false },
    'greedy-no-skip': { rule: 'greedy-no-skip', completion: 'none', compareGreedy: false },
    // Greedy where projects under META min_project_score_threshold are not eligible (runRule).
    'greedy-threshold': { rule: 'greedy', completion: 'none', compareGreedy: false },
    // Greedy with exclusive groups: the file names the rule but not the groups (runRule's
    // `exclusive`, from the city's report), so ruleOfFile runs it only when they are given.
    'greedy-exclusive': { rule: 'greedy', completion: 'none', compareGreedy: false },
    equalshares: { rule: 'mes', completion: 'none', compareGreedy: false },
    'equalshares-comparison': { rule: 'mes', completion: 'none', compareGreedy: true },
    'equalshares/add1': { rule: 'mes', completion: 'add1', compareGreedy: false },
    'equalshares/add1-comparison': { rule: 'mes', completion: 'add1', compareGreedy: true },
  };
  return known[name.trim()] ?? null;
}

/** Pabulib's min_project_score_threshold of a file's META; 0 when absent or not a number. */
export const thresholdOf = (meta: Readonly<Record<string, string>>): number =>
  Number(meta.min_project_score_threshold ?? 0) || 0;

/**
 * How a Pabulib file says its election was counted: the rule its META names with its threshold,
 * on cost utilities (what real elections use); null when Sinergi does not run that rule, or when
 * it is greedy-exclusive and the groups (which the format does not record) are not given.
 */
export function ruleOfFile(
  meta: Readonly<Record<string, string>>,
  exclusive?: readonly (readonly string[])[],
): RuleConfig | null {
  const name = (meta.rule ?? '').trim();
  const named = ruleFromMeta(name);
  if (!named || (name === 'greedy-exclusive' && !exclusive?.length)) return null;
  return { ...named, utility: 'cost', threshold: thresholdOf(meta), ...(exclusive ? { exclusive } : {}) };
}

/**
 * Runs a rule on an election. With `endowments` (one per ballot: per-district shares that correct
 * unequal turnout) Equal Shares starts every voter from their own budget; Add1 raises one common
 * share, so it cannot be combined with district endowments and is refused.
 */
export function runRule(
  e: Election,
  config: RuleConfig,
  endowments?: readonly Q[],
  /** A second thread for Add1's runs (equalSharesAdd1's help). */
  help?: (job: Add1Job) => Add1Board | undefined,
): RunOutcome {
  const threshold = config.threshold ?? 0;
  const votes = votesOf(e);
  const belowThreshold = e.projects.filter((_, i) => votes[i]! < threshold).map((p) => p.id);
  const out = new Set(belowThreshold);
  const eligible: Election = out.size ? { ...e, projects: e.projects.filter((p) => !out.has(p.id)) } : e;
  if (endowments && config.rule === 'mes' && config.completion !== 'none')
    throw new AppError('VALIDATION', { issues: [{ field: 'rule.completion', issue: 'pb_district_add1' }] });
  const base = (() => {
    switch (config.rule) {
      case 'greedy':
      case 'greedy-no-skip':
        return {
          ...greedy(eligible, {
            skip: config.rule === 'greedy',
            ...(config.exclusive ? { exclusive: config.exclusive } : {}),
          }),
          rounds: [],
        };
      case 'phragmen':
        return { ...phragmen(eligible), rounds: [] };
      case 'mes': {
        if (config.completion !== 'none')
          return equalSharesAdd1(eligible, {
            utility: config.utility,
            greedyCompletion: config.completion === 'add1-greedy',
            compareGreedy: config.compareGreedy,
            step: config.add1Step ?? 1,
            ...(help ? { help } : {}),
          });
        const mes = equalShares(eligible, { utility: config.utility, ...(endowments ? { endowments } : {}) });
        const { spentByVoter: _spent, ...plain } = mes;
        if (!config.compareGreedy) return plain;
        const c = compareWithGreedy(eligible, mes);
        return {
          ...plain,
          selected: c.outcome.selected,
          cost: c.outcome.cost,
          rounds: c.comparison.kept === 'greedy' ? [] : mes.rounds,
          rule: `${mes.rule} compared with greedy`,
          comparison: c.comparison,
        };
      }
    }
  })();
  const { spentByVoter: _s, ...rest } = base as typeof base & { spentByVoter?: unknown };
  return { ...rest, belowThreshold, quality: quality(e, base.selected) };
}

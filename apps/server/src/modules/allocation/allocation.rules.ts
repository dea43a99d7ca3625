import type { ScenarioBody } from '@sinergi/contracts';
import { type FieldIssue, formatRupiah } from '@sinergi/core';
import type { findFundingCandidates } from '../musrenbang/musrenbang.decisions.ts';

type Candidate = Awaited<ReturnType<typeof findFundingCandidates>>[number];

/** Rules name proposals by tracking code and places by code; every unknown name is refused. */
export function checkRules(
  rules: ScenarioBody['rules'],
  assessments: ScenarioBody['assessments'],
  candidates: readonly Candidate[],
): FieldIssue[] {
  const codes = new Set(candidates.map((c) => c.trackingCode));
  const issues: FieldIssue[] = [];
  rules.mustFund?.forEach((c, i) => {
    if (!codes.has(c)) issues.push({ field: `body.rules.mustFund.${i}`, issue: 'not_a_candidate' });
  });
  for (const [i, pair] of (rules.requires ?? []).entries())
    for (const [k, c] of pair.entries())
      if (!codes.has(c)) issues.push({ field: `body.rules.requires.${i}.${k}`, issue: 'not_a_candidate' });
  for (const [i, group] of (rules.exclusive ?? []).entries())
    for (const [k, c] of group.entries())
      if (!codes.has(c)) issues.push({ field: `body.rules.exclusive.${i}.${k}`, issue: 'not_a_candidate' });
  for (const [criterion, scores] of Object.entries(assessments))
    for (const code of Object.keys(scores ?? {}))
      if (!codes.has(code))
        issues.push({ field: `body.assessments.${criterion}.${code}`, issue: 'not_a_candidate' });
  const costOf = new Map(candidates.map((c) => [c.trackingCode, c.cost]));
  for (const [code, profile] of Object.entries(rules.costProfiles ?? {})) {
    if (!costOf.has(code))
      issues.push({ field: `body.rules.costProfiles.${code}`, issue: 'not_a_candidate' });
    else if (Object.values(profile).reduce((a, b) => a + b, 0) !== costOf.get(code))
      issues.push({
        field: `body.rules.costProfiles.${code}`,
        issue: 'profile_sum',
        params: { cost: formatRupiah(costOf.get(code)!) },
      });
  }
  return issues;
}

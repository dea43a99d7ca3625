import { readFileSync } from 'node:fs';
import {
  electionOf,
  fundedIn,
  parsePb,
  type RuleConfig,
  ruleFromMeta,
  ruleOfFile,
  runRule,
} from '@sinergi/core';
import { describe, expect, it } from 'vitest';

// Real elections with the city's published result (reference-data/pabulib/README.md).
const folder = new URL('../../../../../reference-data/pabulib/', import.meta.url);
const load = (name: string) => parsePb(readFileSync(new URL(name, folder), 'utf8'));

/** Runs the rule the file's META names, with its threshold, as `sinergi pb run --rule auto` does. */
function runAsMeta(name: string, change: Partial<RuleConfig> = {}) {
  const file = load(name);
  const config = ruleOfFile(file.meta);
  if (!config) throw new Error(`no rule for ${file.meta.rule}`);
  const outcome = runRule(electionOf(file), { ...config, ...change });
  return { selected: [...outcome.selected].sort(), official: fundedIn(file), file };
}

describe('rules run from a Pabulib file reproduce the published result', () => {
  it.each([
    ['Poland_Krakow_2021_Bienczyce.pb', { rule: 'greedy-no-skip' }],
    ['Poland_Warszawa_2019_Nadwisle.pb', { rule: 'greedy-no-skip' }],
    ['Poland_Gdynia_2022_Babie_Doly__small.pb', { rule: 'greedy' }],
    ['Poland_Lodz_2020_Nr_33.pb', { threshold: 0 }],
    ['Poland_Czestochowa_2025_Podjasnogorska.pb', { threshold: 0 }],
  ] as const)('%s: funds exactly the selected projects (and not with %o)', (name, change) => {
    const run = runAsMeta(name);
    expect(run.selected).toEqual(run.official);
    expect(runAsMeta(name, change as Partial<RuleConfig>).selected).not.toEqual(run.official);
  });

  it('tallies ordinal ballots by position, as the file’s score column records', () => {
    const file = load('Poland_Krakow_2021_Bienczyce.pb');
    const e = electionOf(file);
    for (const project of file.projects) {
      const points = e.ballots.reduce((sum, b) => {
        const k = b.vote.indexOf(project.id);
        return k < 0 ? sum : sum + (b.points?.[k] ?? 0);
      }, 0);
      expect(points).toBe(Number(project.fields.score));
    }
    // Counted as approvals instead, the published result is not reproduced.
    const approvals = { ...e, ballots: e.ballots.map((b) => ({ ...b, points: null })) };
    const named = ruleFromMeta('greedy')!;
    const selected = runRule(approvals, { ...named, utility: 'cost' }).selected.sort();
    expect(selected).not.toEqual(fundedIn(file));
  });

  it('runs greedy-threshold from META, and still refuses a rule it does not know', () => {
    expect(ruleFromMeta('greedy-threshold')?.rule).toBe('greedy');
    expect(ruleFromMeta('greedy-custom')).toBeNull();
    // Named by the format, but its groups are not in the file: run only when they are given.
    expect(ruleOfFile({ rule: 'greedy-exclusive' })).toBeNull();
  });
});

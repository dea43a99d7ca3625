import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  electionOf,
  parsePb,
  pbCompletions,
  pbRuleNames,
  povertyProfile,
  type RuleConfig,
  ruleFromMeta,
  runRule,
  theil,
  williamson,
} from '@sinergi/core';
import type { Command } from 'commander';
import { readSurveyCsv } from '../modules/stats/survey.ts';

/** `sinergi stats ...` and `sinergi pb ...`: poverty from survey records, and participatory budgeting on Pabulib files. */
export function statsAndPbCommands(program: Command) {
  const stats = program.command('stats').description('poverty and inequality from survey records');
  stats
    .command('poverty')
    .description(
      'P0, P1, P2 (x100), Gini and the bottom-40 % share of a household survey (people, not households, weighted)',
    )
    .argument('<households.csv>', 'columns id,expenditure_per_capita,size,weight,region')
    .requiredOption('--line <rupiah>', 'the poverty line, rupiah per capita per month')
    .option('--by <column>', 'also per value of this column (only "region")')
    .option('--json', 'print JSON')
    .action((file: string, opts: { line: string; by?: string; json?: boolean }) => {
      const line = Number(opts.line);
      if (!(line > 0)) throw new Error(`--line: must be a positive number of rupiah, got "${opts.line}"`);
      if (opts.by !== undefined && opts.by !== 'region')
        throw new Error(`--by: only "region", got "${opts.by}"`);
      const records = readSurveyCsv(readFileSync(resolve(file)));
      const figures = (rs: typeof records) => {
        const p = povertyProfile(rs, line);
        return {
          p0: p.p0,
          p1: p.p1,
          p2: p.p2,
          gini: p.gini,
          bottom40_share: p.bottom40Share,
          bottom40_band: p.bottom40Band,
          people: p.people,
          households: p.households,
        };
      };
      const groups = new Map<string, typeof records>();
      if (opts.by)
        for (const r of records) {
          const key = r.region ?? '';
          const list = groups.get(key);
          if (list) list.push(r);
          else groups.set(key, [r]);
        }
      const result = {
        ...figures(records),
        ...(opts.by
          ? {
              by: Object.fromEntries([...groups].map(([k, rs]) => [k, figures(rs)])),
              between_regions: { williamson: williamson(records), theil: theil(records) },
            }
          : {}),
      };
      if (opts.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      const row = (name: string, f: ReturnType<typeof figures>) =>
        `${name.padEnd(16)} ${f.p0.toFixed(2).padStart(7)} ${f.p1.toFixed(2).padStart(6)} ${f.p2.toFixed(2).padStart(6)} ${f.gini.toFixed(3).padStart(6)} ${f.bottom40_share.toFixed(2).padStart(8)}`;
      console.log(
        `${'region'.padEnd(16)} ${'P0'.padStart(7)} ${'P1'.padStart(6)} ${'P2'.padStart(6)} ${'Gini'.padStart(6)} ${'bottom40'.padStart(8)}`,
      );
      console.log(row('(all)', result));
      for (const [k, rs] of groups) console.log(row(k || '(none)', figures(rs)));
    });

  const pb = program.command('pb').description('participatory budgeting on Pabulib .pb files');
  pb.command('run')
    .description('run a voting rule on a .pb file and print the selected projects in selection order')
    .argument('<file.pb>', 'a Pabulib file (META, PROJECTS, VOTES)')
    .option('--rule <rule>', 'auto | greedy | greedy-no-skip | mes | phragmen (auto: the META rule)', 'auto')
    .option('--utility <u>', 'cost | cardinality (Equal Shares)', 'cost')
    .option('--completion <c>', 'none | add1 | add1-greedy (Equal Shares)', 'none')
    .option('--compare-greedy', 'keep greedy instead when strictly more voters prefer it')
    .option('--json', 'print selected, cost, rule and the quality measures as JSON')
    .action(
      (
        file: string,
        opts: { rule: string; utility: string; completion: string; compareGreedy?: boolean; json?: boolean },
      ) => {
        const parsed = parsePb(readFileSync(resolve(file), 'utf8'));
        const e = electionOf(parsed);
        const threshold = parsed.meta.min_project_score_threshold
          ? Number(parsed.meta.min_project_score_threshold)
          : undefined;
        if (!['cost', 'cardinality'].includes(opts.utility))
          throw new Error(`--utility: cost or cardinality, got "${opts.utility}"`);
        if (!(pbCompletions as readonly string[]).includes(opts.completion))
          throw new Error(`--completion: none, add1 or add1-greedy, got "${opts.completion}"`);
        let config: RuleConfig;
        const utility = opts.utility as RuleConfig['utility'];
        if (opts.rule === 'auto') {
          const named = ruleFromMeta(parsed.meta.rule ?? '');
          if (!named)
            throw new Error(
              `the file's META rule "${parsed.meta.rule ?? ''}" is not one Sinergi runs; choose --rule greedy, greedy-no-skip, mes or phragmen`,
            );
          config = {
            ...named,
            utility,
            threshold,
            completion:
              opts.completion === 'none' ? named.completion : (opts.completion as RuleConfig['completion']),
            compareGreedy: named.compareGreedy || (opts.compareGreedy ?? false),
          };
        } else {
          if (!(pbRuleNames as readonly string[]).includes(opts.rule))
            throw new Error(`--rule: auto, greedy, greedy-no-skip, mes or phragmen, got "${opts.rule}"`);
          config = {
            rule: opts.rule as RuleConfig['rule'],
            utility,
            threshold,
            completion: opts.completion as RuleConfig['completion'],
            compareGreedy: opts.compareGreedy ?? false,
          };
        }
        const result = runRule(e, config);
        if (opts.json) {
          const { rounds: _r, quality: measures, ...rest } = result;
          console.log(JSON.stringify({ ...rest, ...measures }, null, 2));
        } else for (const id of result.selected) console.log(id);
      },
    );
}

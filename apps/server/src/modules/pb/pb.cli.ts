import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  electionOf,
  parsePb,
  pbCompletions,
  pbRuleNames,
  type RuleConfig,
  ruleFromMeta,
  ruleOfFile,
  runRule,
  thresholdOf,
} from '@sinergi/core';
import type { Command } from 'commander';
import type { CliTools } from '../module.ts';
import { add1Help, warmAdd1Helper } from './add1-helper.ts';

/** `sinergi pb run`: a participatory budgeting rule on a Pabulib .pb file. */
export function pbCli(program: Command, _tools: CliTools) {
  const pb = program.command('pb').description('participatory budgeting on Pabulib .pb files');
  pb.command('run')
    .description('run a voting rule on a .pb file and print the selected projects in selection order')
    .argument('<file.pb>', 'a Pabulib file (META, PROJECTS, VOTES)')
    .option('--rule <rule>', 'auto | greedy | greedy-no-skip | mes | phragmen (auto: the META rule)', 'auto')
    .option('--utility <u>', 'cost | cardinality (Equal Shares)', 'cost')
    .option('--completion <c>', 'none | add1 | add1-greedy (Equal Shares)', 'none')
    .option('--compare-greedy', 'keep greedy instead when strictly more voters prefer it')
    .option(
      '--exclusive <ids>',
      'greedy: comma-separated project ids of which at most one is funded (the same site); may be repeated',
      (value: string, previous: string[][]) => [...previous, value.split(',').map((id) => id.trim())],
      [] as string[][],
    )
    .option('--json', 'print selected, cost, rule and the quality measures as JSON')
    .action(
      (
        file: string,
        opts: {
          rule: string;
          utility: string;
          completion: string;
          compareGreedy?: boolean;
          exclusive: string[][];
          json?: boolean;
        },
      ) => {
        // Add1's second thread loads while the file is read (it is used only by Equal Shares with Add1).
        warmAdd1Helper();
        const parsed = parsePb(readFileSync(resolve(file), 'utf8'));
        const e = electionOf(parsed);
        const threshold = thresholdOf(parsed.meta);
        if (!['cost', 'cardinality'].includes(opts.utility))
          throw new Error(`--utility: cost or cardinality, got "${opts.utility}"`);
        if (!(pbCompletions as readonly string[]).includes(opts.completion))
          throw new Error(`--completion: none, add1 or add1-greedy, got "${opts.completion}"`);
        let config: RuleConfig;
        const utility = opts.utility as RuleConfig['utility'];
        if (opts.rule === 'auto') {
          if (!ruleFromMeta(parsed.meta.rule ?? ''))
            throw new Error(
              `the file's META rule "${parsed.meta.rule ?? ''}" is not one Sinergi runs; choose --rule greedy, greedy-no-skip, mes or phragmen`,
            );
          // A rule Sinergi runs that the file alone does not settle: greedy-exclusive without its groups.
          const named = ruleOfFile(parsed.meta, opts.exclusive.length ? opts.exclusive : undefined);
          if (!named)
            throw new Error(
              'the file counts by greedy-exclusive, but the .pb format does not record which projects exclude each other: give each group with --exclusive <id,id,...>',
            );
          config = {
            ...named,
            utility,
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
        if (opts.exclusive.length) {
          if (config.rule !== 'greedy' && config.rule !== 'greedy-no-skip')
            throw new Error('--exclusive: only the greedy rules take exclusive groups');
          const known = new Set(e.projects.map((p) => p.id));
          const unknown = opts.exclusive.flat().filter((id) => !known.has(id));
          if (unknown.length) throw new Error(`--exclusive: no project ${unknown.join(', ')} in the file`);
          config = { ...config, exclusive: opts.exclusive };
        }
        const result = runRule(e, config, undefined, add1Help);
        if (opts.json) {
          const { rounds: _r, quality: measures, ...rest } = result;
          console.log(JSON.stringify({ ...rest, ...measures }, null, 2));
        } else for (const id of result.selected) console.log(id);
      },
    );
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { povertyProfile, readNumber, theil, williamson } from '@sinergi/core';
import type { Command } from 'commander';
import type { CliTools } from '../module.ts';

/** `sinergi stats poverty`: poverty and inequality from household survey records. */
export function povertyCli(program: Command, _tools: CliTools) {
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
    .action(async (file: string, opts: { line: string; by?: string; json?: boolean }) => {
      const { readSurveyCsv } = await import('../stats/survey.ts');
      const line = readNumber(opts.line) ?? Number.NaN;
      if (!(line > 0)) throw new Error(`--line: must be a positive number of rupiah, got "${opts.line}"`);
      if (opts.by !== undefined && opts.by !== 'region')
        throw new Error(`--by: only "region", got "${opts.by}"`);
      const records = await readSurveyCsv(readFileSync(resolve(file)));
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
}

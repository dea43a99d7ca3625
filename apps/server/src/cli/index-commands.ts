import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { computeIndex, round4 } from '@sinergi/core';
import type { Command } from 'commander';
import { systemPrincipal } from '../context.ts';
import { readPortfolioCsv, readPortfolioRules } from '../modules/allocation/input.ts';
import { solvePortfolio } from '../modules/allocation/solver.ts';
import { builtInSchemes, readSchemeFile } from '../modules/village-index/schemes.ts';
import { readIndexTemplate } from '../modules/village-index/template.ts';
import { importComposites, readCompositesFile } from '../modules/village-index/village-index.import.ts';

import { withContext } from './shared.ts';

/** `sinergi index ...`: scoring, templates, schemes and imports of the village development index. */
export function indexCommands(program: Command) {
  const index = program.command('index').description('the village development index');
  index
    .command('score')
    .description('score a 50-indicator template (CSV or XLSX: kode_desa + one column per indicator code)')
    .argument('<file>', 'the template, e.g. reference-data/idm/idm2024_indikator_kab_blitar.csv')
    .option(
      '--scheme <id|file>',
      `index scheme: a built-in id (${Object.keys(builtInSchemes).join(', ')}) or a scheme file (.json or .xlsx)`,
      'idm-2016',
    )
    .option('--out <file>', 'write the result CSV here instead of standard output')
    .action(async (file: string, opts: { scheme: string; out?: string }) => {
      const scheme = /\.(json|xlsx)$/i.test(opts.scheme)
        ? await readSchemeFile(readFileSync(resolve(opts.scheme)), opts.scheme)
        : builtInSchemes[opts.scheme];
      if (!scheme)
        throw new Error(`unknown scheme ${opts.scheme} (known: ${Object.keys(builtInSchemes).join(', ')})`);
      const rows = await readIndexTemplate(scheme, readFileSync(resolve(file)), file);
      const indexColumn = scheme.id === 'idm-2016' ? 'idm' : 'nilai';
      const lines = [
        `kode_desa,${scheme.dimensions.map((d) => d.code.toLowerCase()).join(',')},${indexColumn},status`,
      ];
      for (const row of rows) {
        const r = computeIndex(scheme, row.scores);
        lines.push(
          [
            row.kodeDesa,
            ...r.dimensions.map((d) => round4(d.value).toFixed(4)),
            round4(r.value).toFixed(4),
            r.status.code,
          ].join(','),
        );
      }
      const csv = `${lines.join('\n')}\n`;
      if (opts.out) {
        writeFileSync(resolve(opts.out), csv);
        console.error(`${rows.length} desa scored: ${opts.out}`);
      } else {
        process.stdout.write(csv);
      }
    });

  index
    .command('import')
    .description(
      "import Kemendesa's yearly file of IDM composites (CSV: KODE_PROV .. STATUS_IDM_<year>); all or nothing",
    )
    .argument('<file>', 'the CSV file')
    .action((file: string) =>
      withContext(async (ctx) => {
        const started = performance.now();
        const parsed = readCompositesFile(readFileSync(resolve(file)), file);
        const result = await importComposites(ctx, { ...systemPrincipal, name: 'cli' }, parsed, file);
        console.log(
          `IDM ${result.year}: ${result.rows} desa read, ${result.changed} added or changed, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }),
    );

  program
    .command('allocate')
    .description(
      'the optimal portfolio of proposals under a budget and rules (HiGHS), beside the greedy list',
    )
    .argument('<proposals.csv>', 'CSV with id,cost,score and optional kecamatan,opd,bidang')
    .requiredOption('--budget <rupiah>', 'the budget in whole rupiah')
    .option('--rules <rules.json>', 'opdCaps, opdFloors, kecamatanFloors, mustFund, requires, exclusive, ...')
    .option('--time-limit <s>', 'seconds the solver may take', '60')
    .option('--gap <g>', 'relative optimality gap to prove ("optimal" means proven within it)', '0.0001')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        file: string,
        opts: { budget: string; rules?: string; timeLimit: string; gap: string; json?: boolean },
      ) => {
        const budget = Number(opts.budget);
        if (!Number.isInteger(budget) || budget < 0)
          throw new Error(`--budget: must be whole rupiah, got "${opts.budget}"`);
        const timeLimit = Number(opts.timeLimit);
        if (!(timeLimit > 0))
          throw new Error(`--time-limit: must be a positive number of seconds, got "${opts.timeLimit}"`);
        const gap = Number(opts.gap);
        if (!(gap >= 0 && gap < 1)) throw new Error(`--gap: must be a number from 0 to 1, got "${opts.gap}"`);
        const rules = opts.rules
          ? readPortfolioRules(readFileSync(resolve(opts.rules), 'utf8'), budget)
          : { budget };
        const profiles = ('costProfiles' in rules ? rules.costProfiles : undefined) ?? {};
        const items = readPortfolioCsv(readFileSync(resolve(file))).map((it) =>
          profiles[it.id] ? { ...it, costByYear: profiles[it.id] } : it,
        );
        const r = await solvePortfolio(items, rules, { timeLimit, gap });
        const status = r.status === 'cancelled' ? 'time_limit' : r.status;
        if (opts.json) {
          console.log(
            JSON.stringify(
              {
                status,
                selected: r.selected,
                cost: r.cost,
                objective: r.objective,
                gap: r.gap,
                greedy: { selected: r.greedy.selected, cost: r.greedy.cost, objective: r.greedy.objective },
                ...(r.conflicts ? { conflicts: r.conflicts, relaxation: r.relaxation } : {}),
              },
              null,
              2,
            ),
          );
        } else if (r.status === 'infeasible') {
          console.log('infeasible: these rules cannot all hold');
          for (const c of r.conflicts ?? []) console.log(`  ${JSON.stringify(c)}`);
          console.log('least relaxation that makes them hold:');
          for (const x of r.relaxation ?? []) console.log(`  ${JSON.stringify(x.rule)} by ${x.by}`);
        } else {
          const gain =
            r.objective !== null && r.greedy.objective > 0
              ? ((r.objective / r.greedy.objective - 1) * 100).toFixed(2)
              : '-';
          console.log(
            `${status}: ${r.selected.length} selected, cost ${r.cost}, score ${r.objective?.toFixed(4)}, gap ${r.gap}`,
          );
          console.log(
            `greedy: ${r.greedy.selected.length} selected, cost ${r.greedy.cost}, score ${r.greedy.objective.toFixed(4)} (optimum +${gain} %)`,
          );
          for (const id of r.selected) console.log(id);
        }
        if (status === 'infeasible') process.exitCode = 3;
      },
    );
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import type { CliTools } from '../module.ts';

/** `sinergi allocate`: the optimal portfolio of a CSV of proposals, beside the greedy list. */
export function allocationCli(program: Command, _tools: CliTools) {
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
        const { solvePortfolio, warmSolver } = await import('./solver.ts');
        const { readNumber } = await import('@sinergi/core');
        // Rp150.000.000 or 150000000, as a file's amounts are written.
        const budget = readNumber(opts.budget, 'whole') ?? Number.NaN;
        if (!(budget >= 0)) throw new Error(`--budget: must be whole rupiah, got "${opts.budget}"`);
        const timeLimit = readNumber(opts.timeLimit) ?? Number.NaN;
        if (!(timeLimit > 0))
          throw new Error(`--time-limit: must be a positive number of seconds, got "${opts.timeLimit}"`);
        const gap = readNumber(opts.gap) ?? Number.NaN;
        if (!(gap >= 0 && gap < 1)) throw new Error(`--gap: must be a number from 0 to 1, got "${opts.gap}"`);
        // HiGHS is WebAssembly: V8 runs it first as baseline code and recompiles the functions that
        // run most with its optimising compiler on background threads. On two cores those compiles
        // took CPU from a solve of a second, and the process then waited for the last one before it
        // could exit. A tiering budget 55 times V8's default (1.8 M) leaves a short solve on the
        // baseline code and still optimises a long one. Measured on 2 cores: 2,000 proposals 1.1 s
        // to about 0.9 s end to end; 40,000 proposals proven optimal (gap 0) 76 s to 69 s.
        setFlagsFromString('--wasm-tiering-budget=100000000');
        // HiGHS loads on its thread while the files are read and the model built.
        warmSolver();
        const { readPortfolioCsv, readPortfolioRules } = await import('./input.ts');
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
          process.stdout.write(r.selected.length ? `${r.selected.join('\n')}\n` : '');
        }
        if (status === 'infeasible') process.exitCode = 3;
      },
    );
}

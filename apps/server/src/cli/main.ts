import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { errorMessage, issueMessage } from '@sinergi/contracts';
import {
  AppError,
  computeIndex,
  electionOf,
  parsePb,
  pbCompletions,
  pbRuleNames,
  povertyProfile,
  type RuleConfig,
  round4,
  ruleFromMeta,
  runRule,
  theil,
  williamson,
} from '@sinergi/core';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { systemPrincipal } from '../context.ts';
import { BackupError, createBackup, restoreBackup } from '../db/backup.ts';
import { readPortfolioCsv, readPortfolioRules } from '../modules/allocation/input.ts';
import { solvePortfolio } from '../modules/allocation/solver.ts';
import { jobHandlers } from '../modules/index.ts';
import { runJobNow } from '../modules/jobs/jobs.service.ts';
import * as orgRepo from '../modules/organisations/organisations.repository.ts';
import { readSurveyCsv } from '../modules/stats/survey.ts';
import { createUser } from '../modules/users/users.service.ts';
import { builtInSchemes, readSchemeFile } from '../modules/village-index/schemes.ts';
import { readIndexTemplate } from '../modules/village-index/template.ts';
import { importComposites, readCompositesFile } from '../modules/village-index/village-index.import.ts';
import { seed } from '../seed/seed.ts';
import { createContext, createLogger, openConfiguredDatabase, startServer } from '../server.ts';

/** Opens the configured database (migrated), runs `fn`, closes it. */
async function withContext<T>(
  fn: (ctx: ReturnType<typeof createContext>) => Promise<T>,
  opts = { migrate: true },
) {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const ctx = createContext(config, database, createLogger({ logLevel: 'warn' }));
  try {
    if (opts.migrate) await database.migrate();
    return await fn(ctx);
  } finally {
    await database.close();
  }
}

function progressLine(done: number, total: number | null, message: string | null) {
  const pct = total ? Math.floor((done / total) * 100) : null;
  const bar =
    pct === null ? '' : `[${'#'.repeat(Math.floor(pct / 5)).padEnd(20, '.')}] ${String(pct).padStart(3)}% `;
  process.stderr.write(
    `\r${bar}${done.toLocaleString('id-ID')}${total ? ` / ${total.toLocaleString('id-ID')}` : ''} ${message ?? ''}   `,
  );
}

async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.trimEnd();
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  process.stdout.write(prompt);
  muted = true;
  const answer = await new Promise<string>((res) => rl.question('', res));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const program = new Command('sinergi')
  .description('Sinergi: development planning, budgeting and monitoring for a kabupaten')
  .showHelpAfterError();

program
  .command('serve')
  .description('migrate, seed and serve the API and web app (HOST, PORT, DATA_DIR or DATABASE_URL)')
  .action(async () => {
    const { stop } = await startServer();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void stop().then(() => process.exit(0)));
    }
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(() => withContext(async () => console.log('migrations applied')));

program
  .command('seed')
  .description('create the OPD list and, in demo mode, the demo accounts (skips what exists)')
  .action(() =>
    withContext(async (ctx) => {
      const result = await seed(ctx);
      console.log(
        `organisations created: ${result.organisations}; demo accounts created: ${result.accounts}`,
      );
    }),
  );

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .description('create an account; the password is asked for, or read from standard input when piped')
  .requiredOption('--username <name>', 'login name (letters, digits, . _ -)')
  .requiredOption('--display-name <name>', 'full name')
  .addOption(
    new Option('--role <role>', 'role')
      .choices(['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'])
      .default('admin'),
  )
  .option('--organisation <code>', 'OPD code, for role opd (e.g. DPUPR)')
  .option('--region <code>', 'kecamatan or desa code, for roles kecamatan and desa')
  .action(
    async (opts: {
      username: string;
      displayName: string;
      role: 'admin';
      organisation?: string;
      region?: string;
    }) =>
      withContext(async (ctx) => {
        const password = await readSecret('Password: ');
        const organisation = opts.organisation
          ? await orgRepo.findOrganisationByCode(ctx.database.db, opts.organisation)
          : null;
        if (opts.organisation && !organisation) throw new Error(`no OPD with code ${opts.organisation}`);
        const created = await createUser(
          ctx,
          { ...systemPrincipal, name: 'cli' },
          {
            username: opts.username,
            displayName: opts.displayName,
            password,
            role: opts.role,
            organisationId: organisation?.id ?? null,
            regionCode: opts.region ?? null,
          },
        );
        console.log(`account created: ${created.user.username} (${created.user.role})`);
      }),
  );

const regions = program.command('regions').description('the national region list');
regions
  .command('load')
  .description('load the bundled Kepmendagri region list and the active kabupaten boundaries (a job)')
  .option('--force', 'reload even when this edition is already loaded')
  .action((opts: { force?: boolean }) =>
    withContext(async (ctx) => {
      const started = performance.now();
      const job = await runJobNow(
        ctx,
        { ...systemPrincipal, name: 'cli' },
        { kind: 'regions.load', params: { force: Boolean(opts.force) } },
        jobHandlers,
        progressLine,
      );
      process.stderr.write('\n');
      if (job.status !== 'succeeded') throw new Error(`regions load ${job.status}: ${job.errorCode ?? ''}`);
      console.log(`${JSON.stringify(job.result)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }),
  );

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
  .description('the optimal portfolio of proposals under a budget and rules (HiGHS), beside the greedy list')
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

program
  .command('backup')
  .description('write a logical backup of the database (either engine) to a file')
  .argument('<file>', 'output file, e.g. sinergi-2026-11-23.backup.gz')
  .action((file: string) =>
    withContext(async (ctx) => {
      const data = await createBackup(ctx.database, new Date());
      writeFileSync(resolve(file), data);
      console.log(`backup written: ${file} (${data.length.toLocaleString('id-ID')} bytes)`);
    }),
  );

program
  .command('restore')
  .description('restore a backup into a new, empty database (a new DATA_DIR or DATABASE_URL)')
  .argument('<file>', 'a file written by `sinergi backup`')
  .action((file: string) =>
    withContext(async (ctx) => {
      const counts = await restoreBackup(ctx.database, readFileSync(resolve(file)));
      console.log(
        `restored: ${Object.entries(counts)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
      );
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError) {
    const issues = error.issues.map(
      (i) => `  ${i.field.replace(/^body\./, '')}: ${issueMessage('en', i.issue, i.params)}`,
    );
    console.error([errorMessage('en', error.code, error.details), ...issues].join('\n'));
  } else if (error instanceof ConfigError || error instanceof BackupError || error instanceof Error) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}

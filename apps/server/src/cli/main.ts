import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorMessage, issueMessage } from '@sinergi/contracts';
import { AppError } from '@sinergi/core';
import { Command, Option } from 'commander';
import { ConfigError } from '../config.ts';
import { systemPrincipal } from '../context.ts';
import { BackupError, createBackup, restoreBackup } from '../db/backup.ts';
import { jobHandlers } from '../modules/index.ts';
import { runJobNow } from '../modules/jobs/jobs.service.ts';
import * as orgRepo from '../modules/organisations/organisations.repository.ts';
import { createUser } from '../modules/users/users.service.ts';
import { seed } from '../seed/seed.ts';
import { startServer } from '../server.ts';

import { indexCommands } from './index-commands.ts';
import { progressLine, readSecret, withContext } from './shared.ts';
import { statsAndPbCommands } from './stats-commands.ts';

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
        `organisations created: ${result.organisations ?? 0}; demo accounts created: ${result.accounts ?? 0}`,
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

indexCommands(program);
statsAndPbCommands(program);

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

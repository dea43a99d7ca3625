import { resolve } from 'node:path';
import { errorMessage, issueMessage } from '@sinergi/contracts';
import { AppError } from '@sinergi/core';
import { Command } from 'commander';
import { ConfigError } from '../config.ts';
import { BackupError, createBackupFile } from '../db/backup.ts';
import { restoreBackupFile } from '../db/backup-restore.ts';
import { closeParsePool } from '../http/table-file.ts';
import { jobHandlers, modules } from '../modules/index.ts';
import { seed } from '../seed/seed.ts';
import { startServer } from '../server.ts';

import { progressLine, readSecret, withContext } from './shared.ts';

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

// Each module adds its own commands (Module.cli).
const tools = { withContext, progressLine, readSecret, jobHandlers };
for (const module of modules) module.cli?.(program, tools);

program
  .command('backup')
  .description('write a logical backup of the database (either engine) to a file')
  .argument('<file>', 'output file, e.g. sinergi-2026-11-23.backup.zip')
  .action((file: string) =>
    withContext(
      async (ctx) => {
        const summary = await createBackupFile(ctx.database, resolve(file), new Date(), (done, total) =>
          progressLine(done, total, 'tables and photos'),
        );
        console.log(
          `\nbackup written: ${file} (${summary.bytes.toLocaleString('en')} bytes, ${summary.rows.toLocaleString('en')} rows, ${summary.photos} photos)`,
        );
      },
      { migrate: false, mustExist: true },
    ),
  );

program
  .command('restore')
  .description('restore a backup into a new, empty database (a new DATA_DIR or DATABASE_URL)')
  .argument('<file>', 'a file written by `sinergi backup`')
  .action((file: string) =>
    withContext(async (ctx) => {
      const counts = await restoreBackupFile(ctx.database, resolve(file));
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
} finally {
  // The serve command keeps running; every other command leaves no parse thread behind.
  if (process.argv[2] !== 'serve') await closeParsePool();
}

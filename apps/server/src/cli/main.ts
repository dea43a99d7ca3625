import { resolve } from 'node:path';
import { AppError } from '@sinergi/core';
import { Command } from 'commander';
import { endPools } from '../http/thread-pools.ts';
import { moduleCommands } from '../modules/commands.ts';
import { progressLine, readSecret, withContext } from './shared.ts';

// A reader that stops early (`sinergi allocate ... | head`) ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

// Each command loads what it runs inside its action: `sinergi allocate` or `sinergi --help` start
// without Fastify, the database drivers or the modules' services.

const program = new Command('sinergi')
  .description('Sinergi: development planning, budgeting and monitoring for a kabupaten')
  .showHelpAfterError()
  .option(
    '--kabupaten <code>',
    'run the command on this kabupaten of the installation (see `sinergi kabupaten`)',
  )
  .hook('preAction', (command) => {
    const code = command.opts<{ kabupaten?: string }>().kabupaten;
    if (code) process.env.SINERGI_KABUPATEN = code;
  });

program
  .command('serve')
  .description('migrate, seed and serve the API and web app (HOST, PORT, DATA_DIR or DATABASE_URL)')
  .action(async () => {
    const { startServer } = await import('../server.ts');
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
      const { seed } = await import('../seed/seed.ts');
      const result = await seed(ctx);
      console.log(
        `organisations created: ${result.organisations ?? 0}; demo accounts created: ${result.accounts ?? 0}`,
      );
    }),
  );

const jobHandlers = async () => (await import('../modules/index.ts')).jobHandlers;
const tools = { withContext, progressLine, readSecret, jobHandlers };
for (const commands of moduleCommands) commands(program, tools);

program
  .command('backup')
  .description('write a logical backup of the database (either engine) to a file')
  .argument('<file>', 'output file, e.g. sinergi-2026-11-23.backup.zip')
  .action((file: string) =>
    withContext(
      async (ctx) => {
        const { createBackupFile } = await import('../db/backup.ts');
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
      const { restoreBackupFile } = await import('../db/backup-restore.ts');
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
    const { errorMessage, issueMessage } = await import('@sinergi/contracts');
    const issues = error.issues.map(
      (i) => `  ${i.field.replace(/^body\./, '')}: ${issueMessage('en', i.issue, i.params)}`,
    );
    console.error([errorMessage('en', error.code, error.details), ...issues].join('\n'));
  } else if (error instanceof Error) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
} finally {
  // The serve command keeps running; every other command leaves no parse thread behind.
  if (process.argv[2] !== 'serve') await endPools();
}

import { type Command, Option } from 'commander';
import type { CliTools } from '../module.ts';

/** `sinergi user create`: an account from the command line (the password is asked for, or piped). */
export function usersCli(program: Command, tools: CliTools) {
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
        tools.withContext(async (ctx) => {
          const { systemPrincipal } = await import('../../context.ts');
          const { findOrganisationByCode } = await import('../organisations/organisations.service.ts');
          const { createUser } = await import('./users.service.ts');
          const password = await tools.readSecret('Password: ');
          const organisation = opts.organisation
            ? await findOrganisationByCode(ctx, opts.organisation)
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
}

import type { Command } from 'commander';
import type { CliTools } from '../modules/module.ts';

/**
 * `sinergi kabupaten add|list`: the installation's administrator adds a kabupaten/kota, which gets
 * its own database (a schema, or a PGlite folder) with the regions loaded, and is served at its
 * host names from the next start; `sinergi --kabupaten <code> user create ...` then makes its first
 * administrator, and `--kabupaten` runs any other command (index import, backup, ...) on its data.
 */
export function installationCli(program: Command, tools: CliTools) {
  const kabupaten = program.command('kabupaten').description("the installation's kabupaten/kota");
  kabupaten
    .command('add')
    .description(
      'add a kabupaten/kota or a province (or change its host names): its own database, regions loaded',
    )
    .argument('<code>', "the kabupaten/kota code, e.g. 35.72, or a province's, e.g. 35")
    .option('--host <names...>', 'the host names it is served at, e.g. sinergi.blitarkota.go.id')
    .action((code: string, opts: { host?: string[] }) =>
      tools.withContext(async (home) => {
        const { addKabupaten } = await import('./installation.service.ts');
        const added = await addKabupaten(
          home,
          code,
          opts.host ?? [],
          await tools.jobHandlers(),
          tools.progressLine,
        );
        process.stderr.write('\n');
        console.log(
          `${added.name} (${code}) added${added.hosts.length ? `, served at ${added.hosts.join(', ')}` : ''}; ` +
            `make its administrator with: sinergi --kabupaten ${code} user create --username ... --display-name ...`,
        );
      }),
    );
  kabupaten
    .command('list')
    .description("the installation's kabupaten/kota and their host names")
    .action(() =>
      tools.withContext(async (home) => {
        const { listTenants } = await import('./installation.repository.ts');
        console.log(`${home.config.activeKabupaten}  (first; every other host name)`);
        for (const t of await listTenants(home.database.db)) console.log(`${t.code}  ${t.hosts.join(' ')}`);
      }),
    );
}

import type { Command } from 'commander';
import type { CliTools } from '../module.ts';

/** `sinergi regions load`: the national region list and the kabupaten's boundaries, as a job run here. */
export function regionsCli(program: Command, tools: CliTools) {
  const regions = program.command('regions').description('the national region list');
  regions
    .command('load')
    .description('load the bundled Kepmendagri region list and the active kabupaten boundaries (a job)')
    .option('--force', 'reload even when this edition is already loaded')
    .action((opts: { force?: boolean }) =>
      tools.withContext(async (ctx) => {
        const { systemPrincipal } = await import('../../context.ts');
        const { runJobNow } = await import('../jobs/jobs.service.ts');
        const started = performance.now();
        const job = await runJobNow(
          ctx,
          { ...systemPrincipal, name: 'cli' },
          { kind: 'regions.load', params: { force: Boolean(opts.force) } },
          await tools.jobHandlers(),
          tools.progressLine,
        );
        process.stderr.write('\n');
        if (job.status !== 'succeeded') throw new Error(`regions load ${job.status}: ${job.errorCode ?? ''}`);
        console.log(
          `${JSON.stringify(job.result)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }),
    );
}

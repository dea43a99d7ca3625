import type { Command } from 'commander';
import type { CliTools } from '../module.ts';

/**
 * `sinergi notify`: one notification round now: every account's sweep, the daily digests that are
 * due, the outbox sent (SMTP_URL). For installations whose API servers run with JOB_WORKER=false,
 * from cron; with `--timing`, the inboxes are first worked out alone (the floor of a sweep).
 */
export function inboxCli(program: Command, tools: CliTools) {
  program
    .command('notify')
    .description('one notification round now: sweep every account, queue due digests, send the outbox')
    .option('--timing', 'also time the inboxes alone and print milliseconds')
    .option('--json', 'print JSON')
    .action(async (opts: { timing?: boolean; json?: boolean }) => {
      const { waitingSources } = await import('../index.ts');
      const { activeAccounts } = await import('../users/users.facade.ts');
      const { inboxOf } = await import('./inbox.service.ts');
      const { deliverMail, principalOf, queueDigests, sweepAll } = await import('./notifier.ts');
      const { smtpSender } = await import('./mail.ts');
      const result = await tools.withContext(async (ctx) => {
        const out: Record<string, number> = {};
        if (opts.timing) {
          const t0 = performance.now();
          const accounts = await activeAccounts(ctx);
          for (const a of accounts) await inboxOf(ctx, principalOf(a), waitingSources);
          out.accounts = accounts.length;
          out.inboxesMs = Math.round(performance.now() - t0);
        }
        const t1 = performance.now();
        out.notifications = await sweepAll(ctx, waitingSources);
        if (opts.timing) out.sweepMs = Math.round(performance.now() - t1);
        out.digests = await queueDigests(ctx);
        const sender = smtpSender(ctx.config);
        if (sender) {
          const mail = await deliverMail(ctx, sender);
          sender.close();
          out.mailSent = mail.sent;
          out.mailFailed = mail.failed;
        }
        return out;
      });
      if (opts.json) console.log(JSON.stringify(result));
      else for (const [k, v] of Object.entries(result)) console.log(`${k}: ${v}`);
    });
}

import type { AppContext } from '../../context.ts';
import type { WaitingSource } from './inbox.service.ts';
import { type MailSender, smtpSender } from './mail.ts';
import { deliverMail, queueDigests, sweepAll } from './notifier.ts';

/** Tables whose changes are the notifier's own, or make nothing wait at once: no sweep after them. */
const QUIET_TABLES = new Set([
  'notifications',
  'waiting_seen',
  'notification_settings',
  'mail_outbox',
  'sessions',
  'audit_log',
  // A running job beats every 5 seconds; its failure is seen by the timed sweep.
  'jobs',
]);

export interface NotifierOptions {
  /** Quiet time after a change before the sweep (changes come in bursts). */
  debounceMs?: number;
  /** Sweep, digests and mail at least this often (what waits because of the date, a retry). */
  intervalMs?: number;
  /**
   * The least time from the end of one round to the next one a change asks for: a sweep of every
   * account of a kabupaten takes seconds, and a busy office writes all day.
   */
  minGapMs?: number;
  sender?: MailSender | null;
}

/**
 * The background side of notifications, run where jobs run: a sweep shortly after any other table
 * changes and on a timer, then the daily digests that are due, then the outbox sent. One round at a
 * time; a change during a round asks for one more.
 */
export function startNotifier(
  ctx: AppContext,
  sources: readonly WaitingSource[],
  options: NotifierOptions = {},
) {
  const debounceMs = options.debounceMs ?? 2_000;
  const minGapMs = options.minGapMs ?? 15_000;
  let lastEnd = 0;
  const sender = options.sender === undefined ? smtpSender(ctx.config) : options.sender;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const round = async () => {
    try {
      await sweepAll(ctx, sources);
      await queueDigests(ctx);
      if (sender) await deliverMail(ctx, sender);
    } catch (error) {
      if (!stopped) ctx.log.error({ err: error, cause: (error as Error).cause }, 'notification round failed');
    }
  };
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = round().finally(() => {
      running = null;
      lastEnd = Date.now();
      if (again && !stopped) {
        again = false;
        schedule();
      }
    });
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const wait = Math.max(debounceMs, lastEnd + minGapMs - Date.now());
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, wait);
  };
  // Change notices are heard outside the request that made them (ChangeFeed.emit), so the timer
  // carries no request along.
  const unsubscribe = ctx.database.changes.subscribe((table) => {
    if (!QUIET_TABLES.has(table)) schedule();
  });
  const interval = setInterval(() => void run(), options.intervalMs ?? 60_000);
  interval.unref();
  schedule();
  return {
    stop: async () => {
      stopped = true;
      unsubscribe();
      clearInterval(interval);
      if (timer) clearTimeout(timer);
      if (running) await running;
      sender?.close();
    },
  };
}

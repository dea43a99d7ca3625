import type { WaitingGroup } from '@sinergi/core';
import type { FastifyInstance } from 'fastify';
import type { AppContext, Principal } from '../context.ts';

export interface JobRun {
  readonly jobId: string;
  readonly params: unknown;
  readonly principal: Principal;
  /** Records progress; cheap to call often (it writes at most a few times a second). */
  progress(done: number, total: number | null, message?: string): Promise<void>;
  /** Throws JobCancelled when someone asked to cancel; call it between units of work. */
  checkCancelled(): Promise<void>;
}

export type JobHandler = (ctx: AppContext, run: JobRun) => Promise<unknown>;

/**
 * What a feature module contributes, declared in one place (Decidim's component idea): its routes,
 * the kinds of job it runs, and what a fresh database gets from it. Adding a module is adding it to
 * `modules/index.ts`; nothing else is listed by hand.
 */
export interface Module {
  readonly name: string;
  routes(app: FastifyInstance, ctx: AppContext): Promise<void> | void;
  readonly jobs?: Readonly<Record<string, JobHandler>>;
  /**
   * First-start data (reference lists, and in demo mode the sample marked "contoh"); runs at every
   * start in the order of the module list and skips what exists. Returns rows written, by name.
   */
  seed?(ctx: AppContext): Promise<Record<string, number>>;
  /**
   * What waits for this account in the module (issue 19): the home page lists it, and the
   * notification sweep tells the account when an item starts waiting. At most WAITING_LIMIT items
   * per kind are listed (the total counts them all).
   */
  waiting?(ctx: AppContext, principal: Principal): Promise<WaitingGroup[]>;
}

/** The most items of one kind a module lists for one account (the home shows a few, the bell all new ones). */
export const WAITING_LIMIT = 200;

/**
 * What a module's commands (listed in `modules/commands.ts`) get from the CLI: a migrated database
 * for the command, progress output, a hidden prompt, and the job handlers (loaded when asked for).
 */
export interface CliTools {
  withContext<T>(fn: (ctx: AppContext) => Promise<T>, opts?: { migrate: boolean }): Promise<T>;
  progressLine(done: number, total: number | null, message: string | null): void;
  readSecret(prompt: string): Promise<string>;
  jobHandlers(): Promise<Readonly<Record<string, JobHandler>>>;
}

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

/** What a feature module contributes: its routes and the kinds of job it runs (Decidim's component idea). */
export interface Module {
  readonly name: string;
  routes(app: FastifyInstance, ctx: AppContext): Promise<void> | void;
  readonly jobs?: Readonly<Record<string, JobHandler>>;
}

import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('queued'),
    params: jsonb('params').notNull().default({}),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    message: text('message'),
    result: jsonb('result'),
    errorCode: text('error_code'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    createdBy: uuid('created_by'),
    claimedBy: text('claimed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /** How many times a worker has claimed it: a job whose workers keep dying is failed, not run forever. */
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [
    index('jobs_status_idx').on(t.status, t.createdAt),
    // At most one region load and one backup run at a time across every server process: two of
    // either would undo each other's work (claimJob skips them while one runs).
    uniqueIndex('jobs_one_running_exclusive_idx')
      .on(t.kind)
      .where(sql`status = 'running' and kind in ('regions.load', 'backup.write')`),
  ],
);

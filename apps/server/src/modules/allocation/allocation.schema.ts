import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';

/**
 * Allocation scenarios: the candidates' criteria and weights, the rules, the solver settings, and
 * the last result (optimum, greedy baseline, conflicts). Adopting one moves its selection to the
 * budget step of the Musrenbang path.
 */
export const allocationScenarios = pgTable(
  'allocation_scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    planYear: integer('plan_year').notNull(),
    budget: bigint('budget', { mode: 'number' }).notNull(),
    criteria: jsonb('criteria').notNull(),
    rules: jsonb('rules').notNull(),
    settings: jsonb('settings').notNull(),
    result: jsonb('result'),
    /** Explanations computed on request, by proposal id. */
    explanations: jsonb('explanations').notNull().default({}),
    state: text('state').notNull(),
    /**
     * The portfolio as adopted, frozen: every candidate with its figures, decision and reason, the
     * total and the budget; and, once replaced, when, by whom and why.
     */
    adoption: jsonb('adoption'),
    jobId: uuid('job_id'),
    createdBy: uuid('created_by'),
    ...timestamps,
  },
  (t) => [
    // One adopted scenario per plan year, also when two offices adopt at once.
    uniqueIndex('allocation_scenarios_adopted_idx').on(t.planYear).where(sql`state = 'diadopsi'`),
  ],
);

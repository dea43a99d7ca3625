import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../db/columns.ts';

/**
 * Public consultations on draft plans (issue 21; Permendagri 86/2017): a window in which anyone
 * signed in comments on the plan or one of its items, and Bappeda answers each comment once.
 */
export const consultations = pgTable('consultations', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The plan (plans module) under consultation. */
  planId: uuid('plan_id').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  opensOn: text('opens_on').notNull(),
  closesOn: text('closes_on').notNull(),
  /** Core's consultationMachine: draf, dibuka, ditutup. */
  state: text('state').notNull().default('draf'),
  ...timestamps,
});

export const consultationComments = pgTable(
  'consultation_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    /** The plan item commented on; null for the plan as a whole. */
    nodeId: uuid('node_id'),
    authorUserId: uuid('author_user_id'),
    /** The name shown with the comment, kept as it was when written. */
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    answeredBy: text('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('consultation_comments_idx').on(t.consultationId, t.createdAt)],
);

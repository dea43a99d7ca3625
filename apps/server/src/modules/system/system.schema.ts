import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Writes sent with an Idempotency-Key (the web app's offline outbox): the answer of each, so a
 * write resent after a lost answer is answered again instead of done twice. A key is its sender's
 * own; a row without a status is a write under way. Kept a week (http/idempotency.ts).
 */
export const requestKeys = pgTable(
  'request_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    /** The method and address the key was first sent with: a key names one write only. */
    scope: text('scope').notNull(),
    status: integer('status'),
    contentType: text('content_type'),
    body: text('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../db/columns.ts';
import { proposals } from '../musrenbang/musrenbang.schema.ts';
import { projects } from '../projects/projects.schema.ts';
import { users } from '../users/users.schema.ts';

/**
 * E-mail verification of citizens' accounts (issue 20): the link's token is kept only as a hash;
 * an account signs in once its link has been opened.
 */
export const citizenVerifications = pgTable('citizen_verifications', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One support per citizen's account per proposal: the forums may weigh the count. */
export const proposalSupports = pgTable(
  'proposal_supports',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

/**
 * Citizens' comments on a proposal. The desa moderates: a comment is hidden with a reason, by an
 * office named as the public sees it, never deleted.
 */
export const proposalComments = pgTable(
  'proposal_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The name the citizen chose to show, as it was when they wrote. */
    author: text('author').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    hiddenBy: text('hidden_by'),
  },
  (t) => [
    index('proposal_comments_proposal_idx').on(t.proposalId, t.createdAt),
    index('proposal_comments_user_idx').on(t.userId, sql`${t.createdAt} desc`),
  ],
);

/**
 * What a citizen saw at a project site (issue 20): a note, where, and photos, shown on the project
 * page apart from the agency's official reports, with the agency's answer.
 */
export const siteReports = pgTable(
  'site_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    author: text('author').notNull(),
    note: text('note').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    answeredBy: text('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('site_reports_project_idx').on(t.projectId, t.createdAt)],
);

/** A site report's photos, decoded and stored without metadata like every photo. */
export const siteReportPhotos = pgTable('site_report_photos', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id')
    .notNull()
    .references(() => siteReports.id),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

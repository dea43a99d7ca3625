import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@sinergi/core';
import { z } from 'zod';

/*
 * Citizens' accounts, supports and comments (issue 20). A citizen registers with an e-mail address
 * and a name to show on their comments; the account signs in once the e-mailed link is opened.
 */

export const citizenRegisterBody = z
  .strictObject({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(200)
      .pipe(z.email({ error: 'email' })),
    name: z.string().trim().min(2).max(60),
    password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
    language: z.enum(['id', 'en']).default('id'),
  })
  .meta({ id: 'CitizenRegisterBody' });

export const citizenVerifyBody = z.strictObject({ token: z.string().trim().min(20).max(100) });

export const supportState = z.object({ supports: z.number().int(), supported: z.boolean() });

export const commentBody = z.strictObject({ comment: z.string().trim().min(3).max(1000) });
export const hideCommentBody = z.strictObject({ reason: z.string().trim().min(5).max(300) });
export const commentParams = z.strictObject({ id: z.uuid() });

export const commentItem = z.object({
  id: z.string(),
  /** The name the citizen chose to show. */
  author: z.string(),
  /** Null once hidden: what was written is kept, not shown. */
  body: z.string().nullable(),
  at: z.string(),
  hidden: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  /** Whether the asker may hide it (the desa of the proposal, the kecamatan, Bappeda). */
  mayHide: z.boolean(),
});
export const commentList = z.object({ items: z.array(commentItem) }).meta({ id: 'CommentList' });
export type CommentItem = z.infer<typeof commentItem>;

/** What a citizen saw at a project site: a note and, if they like, where (photos follow). */
export const siteReportBody = z.strictObject({
  note: z.string().trim().min(5).max(1000),
  latitude: z.number().min(-11.5).max(6.5).optional(),
  longitude: z.number().min(94).max(141.5).optional(),
});
export const siteAnswerBody = z.strictObject({ answer: z.string().trim().min(5).max(1000) });
export const siteReportParams = z.strictObject({ id: z.uuid() });

export const siteReportItem = z.object({
  id: z.string(),
  author: z.string(),
  note: z.string(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  at: z.string(),
  /** Photo ids, read at /api/site-photos/{id}. */
  photos: z.array(z.string()),
  answer: z.object({ text: z.string(), by: z.string(), at: z.string() }).nullable(),
  /** Whether the asker may answer it (the agency running the project). */
  mayAnswer: z.boolean(),
  /** Whether the asker may add photos to it (its author, for a day). */
  mayAddPhoto: z.boolean(),
});
export const siteReportList = z.object({ items: z.array(siteReportItem) }).meta({ id: 'SiteReportList' });
export type SiteReportItem = z.infer<typeof siteReportItem>;

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

import { consultationStates } from '@sinergi/core';
import { z } from 'zod';

/** Public consultation on a draft plan (issue 21; Permendagri 86/2017). */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' });
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const consultationBody = z.strictObject({
  planId: z.uuid(),
  title: text(3, 200),
  description: text(0, 2000).default(''),
  opensOn: isoDate,
  closesOn: isoDate,
});
export const consultationParams = z.strictObject({ id: z.uuid() });
export const consultationCommentBody = z.strictObject({
  /** The plan item commented on; none for the plan as a whole. */
  nodeId: z.uuid().optional(),
  body: text(3, 2000),
});
export const consultationAnswerBody = z.strictObject({ answer: text(3, 2000) });

export const consultationSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    plan: z.object({
      id: z.string(),
      kind: z.string(),
      name: z.string(),
      startYear: z.number(),
      endYear: z.number(),
    }),
    state: z.enum(consultationStates),
    opensOn: z.string(),
    closesOn: z.string(),
    comments: z.number().int(),
    unanswered: z.number().int(),
  })
  .meta({ id: 'ConsultationSummary' });

const comment = z.object({
  id: z.string(),
  nodeId: z.string().nullable(),
  /** The name the author shows (a citizen's display name, an office's account name); never contact data. */
  author: z.string(),
  body: z.string(),
  at: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const consultationDetail = consultationSummary
  .extend({
    items: z.array(
      z.object({
        id: z.string(),
        parentId: z.string().nullable(),
        kind: z.string(),
        code: z.string().nullable(),
        title: z.string(),
        depth: z.number().int(),
      }),
    ),
    commentList: z.array(comment),
    abilities: z.object({ comment: z.boolean(), answer: z.boolean(), open: z.boolean(), close: z.boolean() }),
    /** What still stands in the way of closing (the window, comments without an answer). */
    closeNeeds: z.array(z.object({ issue: z.string(), message: z.string() })),
  })
  .meta({ id: 'ConsultationDetail' });
export const consultationList = z.object({ items: z.array(consultationSummary) });
export const consultationCreated = z.object({ id: z.string() });
export const consultationCommentCreated = z.object({ id: z.string() });

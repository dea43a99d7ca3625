import type { FieldIssue } from '../errors/app-error.ts';
import { defineMachine } from './machine.ts';

/**
 * Public consultation on a draft plan (Permendagri 86/2017: the draft RPJMD, RKPD and Renstra go to
 * a public consultation before the musrenbang; its results are recorded). A consultation is drafted
 * (draf), opened for comments within its window (dibuka), and closed (ditutup) once the window has
 * passed and every comment has its answer; the closed record, comments and answers, stays with
 * the plan.
 */
export const consultationStates = ['draf', 'dibuka', 'ditutup'] as const;
export type ConsultationState = (typeof consultationStates)[number];

export interface ConsultationFacts {
  /** The window, as ISO dates (yyyy-mm-dd), and today in the kabupaten's time. */
  opensOn: string;
  closesOn: string;
  today: string;
  /** Items of the plan open for comments. */
  items: number;
  /** Comments still without an answer. */
  unanswered: number;
}

function openNeeds(f: ConsultationFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.closesOn < f.opensOn) issues.push({ field: 'body.closesOn', issue: 'window_reversed' });
  if (f.closesOn < f.today) issues.push({ field: 'body.closesOn', issue: 'window_past' });
  if (f.items === 0) issues.push({ field: 'body.planId', issue: 'plan_empty' });
  return issues;
}

function closeNeeds(f: ConsultationFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.today <= f.closesOn)
    issues.push({ field: 'consultation.closesOn', issue: 'window_still_open', params: { date: f.closesOn } });
  if (f.unanswered > 0)
    issues.push({
      field: 'consultation.comments',
      issue: 'comments_unanswered',
      params: { count: f.unanswered },
    });
  return issues;
}

export const consultationMachine = defineMachine<ConsultationState, 'buka' | 'tutup', ConsultationFacts>({
  name: 'consultation',
  states: consultationStates,
  steps: {
    buka: { from: ['draf'], to: 'dibuka', needs: openNeeds },
    tutup: { from: ['dibuka'], to: 'ditutup', needs: closeNeeds },
  },
});

/** Whether a comment may be made today: the consultation is open and today is in its window. */
export function mayComment(
  c: { state: ConsultationState; opensOn: string; closesOn: string },
  today: string,
): boolean {
  return c.state === 'dibuka' && c.opensOn <= today && today <= c.closesOn;
}

import type { id } from './i18n.ts';

/** Texts of public consultations in English (same keys as i18n.ts). */
export const en: typeof id = {
  consultation: {
    title: 'Public consultation on draft plans',
    intro:
      'Draft RPJMD, Renstra and RKPD plans are open to citizens’ comments before they are adopted (Permendagri 86/2017). Bappeda answers every comment, and the record stays with the plan.',
    none: 'No public consultation yet.',
    new: 'Prepare a public consultation',
    plan: 'Plan',
    name: 'Consultation title',
    description: 'Description (optional)',
    opensOn: 'Opening date',
    closesOn: 'Closing date',
    create: 'Save',
    window: '{{from}} to {{to}}',
    counts: '{{comments}} comments, {{unanswered}} without an answer',
    states: { draf: 'Prepared', dibuka: 'Open', ditutup: 'Closed' },
    open: 'Open for comments',
    close: 'Close and record',
    record: 'Record (PDF)',
    wholePlan: 'The plan as a whole',
    item: 'Item commented on',
    comment: 'Your comment',
    send: 'Send comment',
    signIn: 'Sign in or register as a citizen to comment.',
    notOpen: 'This consultation is not taking comments.',
    answer: 'Answer',
    answerBy: 'Answer by {{by}}, {{at}}',
    noAnswer: 'No answer yet',
    answerSend: 'Send answer',
    closeNeeds: 'Cannot be closed yet:',
    comments: 'Comments',
    items: 'Plan items',
    ofPlan: 'Public consultations on this plan',
  },
};

import type { id } from './i18n.ts';

export const en: typeof id = {
  citizen: {
    register: 'Register as a citizen',
    registerShort: 'register',
    registerHelp:
      'With a citizen account you can support proposals and comment on them. We send a link to your e-mail to activate the account.',
    name: 'Display name',
    nameHelp: 'Shown on your comments; a nickname is fine.',
    email: 'E-mail address',
    password: 'Password (at least 10 characters)',
    registerSubmit: 'Register',
    haveAccount: 'Already have an account? Sign in',
    checkMail: 'Check your e-mail',
    checkMailText:
      'If {{email}} was not registered yet, we have sent a link to activate the account. The link works for 48 hours.',
    verifyTitle: 'Citizen account activation',
    verified: 'Your citizen account is active. Sign in with your e-mail address and password.',
    voice: "Citizens' voice",
    supports_one: '{{shown}} citizen supports it',
    supports_other: '{{shown}} citizens support it',
    support: 'Support this proposal',
    withdraw: 'Withdraw support',
    or: 'or',
    toTakePart: 'to support and comment.',
    noComments: 'No comments yet.',
    hidden: 'Comment hidden by {{by}}: {{reason}}',
    hide: 'Hide',
    hideTitle: 'Hide comment',
    hideHelp: 'The comment is not deleted; citizens see that it was hidden and why.',
    comment: 'Your comment',
    send: 'Send comment',
  },
};

import type { id } from './i18n.ts';

/** Texts of the offline outbox in English (same keys as i18n.ts). */
export const en: typeof id = {
  outbox: {
    title: 'Waiting to be sent',
    nav: 'Outbox',
    offline: 'Offline',
    offlineHelp:
      'No connection. What you save stays on this device and is sent by itself when the connection returns.',
    waiting_one: '{{count}} waiting to be sent',
    waiting_other: '{{count}} waiting to be sent',
    toCheck_one: '{{count}} to check',
    toCheck_other: '{{count}} to check',
    intro:
      'What was made without a connection is kept on this device and sent in order once connected. Nothing is dropped unless you choose it yourself.',
    empty: 'Nothing is waiting. Everything has been sent.',
    sendNow: 'Send now',
    savedHere: 'Saved on this device, waiting to be sent.',
    madeAt: 'Made {{at}}',
    photos_one: 'with {{count}} photo',
    photos_other: 'with {{count}} photos',
    kinds: {
      proposal: 'New proposal',
      decision: 'Decision on a proposal',
      idm: 'IDM entry',
      progress: 'Progress report',
    },
    states: {
      waiting: 'Waiting to be sent',
      stale: 'Changed by someone else',
      refused: 'Refused by the server',
      signin: 'Sign in again',
    },
    staleHelp:
      'Since you started, someone else changed this record. Compare, then choose: send your version (it replaces the current one) or keep the current one (yours is dropped).',
    refusedHelp: 'The server refused this:',
    signinHelp: 'Your session ended. Sign in again with the same account; the writes are then sent.',
    field: 'Field',
    mine: 'Your version',
    theirs: 'Now on the server',
    noDifference: 'Your entries are the same as those now on the server.',
    nowAt: 'This proposal is now: {{where}}',
    sendMine: 'Send my version',
    sendAnyway: 'Send anyway',
    keepTheirs: 'Keep the current one',
    discard: 'Drop this',
    discardSure: 'Sure? This is removed from the device.',
    open: 'Open',
  },
};

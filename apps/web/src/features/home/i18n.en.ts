import type { id } from './i18n.ts';

/** The English texts, with the keys of the Bahasa Indonesia ones; loaded when English is chosen. */
export const en: typeof id = {
  home: {
    welcome: 'Welcome, {{name}}',
    regionsLoading: 'The national region list is loading…',
    waiting: 'Waiting for you',
    nothingWaits: 'Nothing waits for you right now.',
    seeAll: 'See all ({{count}})',
    calendar: 'Planning calendar for plan year {{year}}',
    atStep: '{{count}} proposals at this step',
    steps: {
      desa: 'Desa Musrenbang',
      kecamatan: 'Kecamatan Musrenbang',
      opd: 'Agency forum',
      kabupaten: 'Kabupaten Musrenbang',
      rkpd: 'RKPD adopted',
      kua_ppas: 'KUA-PPAS',
      apbd: 'APBD adopted',
      pelaksanaan: 'Implementation',
    },
    when: { done: 'done', now: 'under way', next: 'to come' },
    bell: 'Notifications',
    noNotifications: 'No notifications yet.',
    markAllRead: 'Mark all read',
    unread: '{{count}} unread',
  },
  notify: {
    title: 'Notifications by e-mail',
    email: 'E-mail address',
    mode: 'Send e-mail',
    modes: { off: 'No', each: 'For each new item', daily: 'Daily digest' },
    off: 'This server is not set up to send e-mail yet; notifications still appear under the bell.',
    saved: 'Notification settings saved.',
  },
  portal: {
    title: 'Sinergi {{name}}',
    find: 'Find',
    intro:
      'Open development planning: proposals of citizens and villages with the reason for every decision, the village index, projects and their progress.',
    search: 'Search proposals',
    searchHint: 'Title or tracking code (USL-…)',
    index: 'Village Development Index {{year}}',
    projects_one: '{{count}} project',
    projects_other: '{{count}} projects',
    progress: 'Average physical progress (%)',
    votes: 'Participatory budgeting votes',
    noVotes: 'No vote is open at the moment.',
    more: 'More',
  },
};

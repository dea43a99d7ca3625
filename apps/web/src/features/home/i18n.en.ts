import type { id } from './i18n.ts';

/** The English texts, with the keys of the Bahasa Indonesia ones; loaded when English is chosen. */
export const en: typeof id = {
  home: {
    welcome: 'Welcome, {{name}}',
    role: 'Role: {{role}}',
    scope: 'Working area: {{scope}}',
    organisation: 'Agency: {{name}}',
    regionsReady: 'Region data: {{edition}} ({{count}} regions)',
    regionsLoading: 'The national region list is loading…',
    openRegion: 'Open the kabupaten map',
    whatYouCanDo: 'What you can do',
  },
};

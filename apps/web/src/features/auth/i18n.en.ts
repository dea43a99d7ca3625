import type { id } from './i18n.ts';

/** The English texts, with the keys of the Bahasa Indonesia ones; loaded when English is chosen. */
export const en: typeof id = {
  login: {
    title: 'Sign in to Sinergi',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    publicPortal: 'Open the public village index portal without signing in',
    demoTitle: 'Demo accounts',
    demoText:
      'Every demo account uses the password {{password}}. Regions and village boundaries are real; other data are samples.',
  },
  account: {
    title: 'My account',
    changePassword: 'Change password',
    current: 'Current password',
    next: 'New password (at least 10 characters)',
    changed: 'Password changed. Other sessions of this account were ended.',
  },
};

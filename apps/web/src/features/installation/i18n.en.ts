import type { id } from './i18n.ts';

/** The English texts, with the keys of the Bahasa Indonesia ones; loaded when English is chosen. */
export const en: typeof id = {
  installation: {
    title: 'Installation',
    intro:
      'This Sinergi can serve several governments. Each has its own data, accounts, settings and public portal, at its own host names.',
    code: 'Code',
    name: 'Government',
    hosts: 'Host names',
    accounts: 'Accounts',
    first: 'first; also every other host name',
    serving: 'Served',
    starting: 'Being prepared',
    kinds: { provinsi: 'Province', kabupaten: 'Regency', kota: 'City' },
    add: 'Add a kabupaten/kota or a province',
    addHint:
      'Its database is made and the national regions loaded (about a minute). It is then served at its host names at once, without stopping the service.',
    codeHint: 'Kemendagri region code: 35.72 for a kabupaten/kota, 35 for a province',
    hostsHint: 'One or more, separated by spaces or commas, e.g. sinergi.blitarkota.go.id',
    submit: 'Add',
    added: '{{name}} is now served at {{hosts}}.',
    addedIdm: 'The IDM results of {{n}} of its desa were loaded from the Kemendesa national file held here.',
    addedStats: '{{n}} statistics figures of its region were loaded from the series held here.',
    makeAdmin: 'Make its first administrator',
    adminFor: 'First administrator of {{name}}',
    adminHint:
      'This administrator signs in at the host names of {{name}} and makes the other accounts. Hand over the password in person, not by e-mail.',
    adminMade: 'Account {{username}} made at {{name}}.',
  },
};

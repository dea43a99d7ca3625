import type { id } from './i18n.ts';

/** The English texts, with the keys of the Bahasa Indonesia ones; loaded when English is chosen. */
export const en: typeof id = {
  users: {
    title: 'Users',
    add: 'Add user',
    username: 'Username',
    displayName: 'Full name',
    password: 'Initial password',
    role: 'Role',
    organisation: 'Agency',
    region: 'Region code (kecamatan/desa)',
    status: 'Status',
    active: 'Active',
    inactive: 'Inactive',
    locked: 'Locked',
    lastLogin: 'Last sign-in',
    never: 'Never',
    save: 'Save',
    created: 'User {{username}} created.',
    deactivate: 'Deactivate',
    activate: 'Activate',
    unlock: 'Unlock',
    search: 'Search name or username',
    scope: 'Scope',
  },
  organisations: {
    title: 'Agencies (OPD)',
    code: 'Code',
    name: 'Name',
    shortName: 'Short name',
    kind: 'Kind',
    add: 'Add agency',
    seedNote:
      "The first list was compiled from the names of Kabupaten Blitar's agencies; admins can correct it.",
  },
};

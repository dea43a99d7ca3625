/** Texts of home: Bahasa Indonesia (the source of truth) and English, with the same keys. */
export const id = {
  home: {
    welcome: 'Selamat datang, {{name}}',
    role: 'Peran: {{role}}',
    scope: 'Wilayah kerja: {{scope}}',
    organisation: 'Perangkat daerah: {{name}}',
    regionsReady: 'Data wilayah: {{edition}} ({{count}} wilayah)',
    regionsLoading: 'Data wilayah nasional sedang dimuat…',
    openRegion: 'Buka peta kabupaten',
    whatYouCanDo: 'Yang dapat Anda lakukan',
  },
};

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

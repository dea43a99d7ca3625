/** Texts of home: Bahasa Indonesia, the source of truth (English, with the same keys, is in the .en.ts beside it). */
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

/** Texts of the offline outbox: Bahasa Indonesia, the source of truth (English, with the same keys, is in the .en.ts beside it). */
export const id = {
  outbox: {
    title: 'Menunggu dikirim',
    nav: 'Antrean kiriman',
    offline: 'Luring',
    offlineHelp:
      'Tidak ada sambungan. Yang Anda simpan tetap di perangkat ini dan dikirim otomatis saat sambungan kembali.',
    waiting_one: '{{count}} menunggu dikirim',
    waiting_other: '{{count}} menunggu dikirim',
    toCheck_one: '{{count}} perlu diperiksa',
    toCheck_other: '{{count}} perlu diperiksa',
    intro:
      'Kiriman yang dibuat tanpa sambungan disimpan di perangkat ini, lalu dikirim berurutan begitu tersambung. Tidak ada yang dibuang kecuali Anda sendiri yang memilih.',
    empty: 'Tidak ada kiriman yang menunggu. Semua sudah terkirim.',
    sendNow: 'Kirim sekarang',
    savedHere: 'Tersimpan di perangkat ini, menunggu dikirim.',
    madeAt: 'Dibuat {{at}}',
    photos_one: 'dengan {{count}} foto',
    photos_other: 'dengan {{count}} foto',
    kinds: {
      proposal: 'Usulan baru',
      decision: 'Keputusan atas usulan',
      idm: 'Isian IDM',
      progress: 'Laporan kemajuan',
    },
    states: {
      waiting: 'Menunggu dikirim',
      stale: 'Diubah orang lain',
      refused: 'Ditolak server',
      signin: 'Perlu masuk lagi',
    },
    staleHelp:
      'Sejak Anda mulai, data ini diubah oleh orang lain. Bandingkan, lalu pilih: kirim versi Anda (menggantikan yang sekarang) atau pakai yang sekarang (versi Anda dibuang).',
    refusedHelp: 'Server menolak kiriman ini:',
    signinHelp: 'Sesi Anda berakhir. Masuk lagi dengan akun yang sama; kiriman lalu dikirim.',
    field: 'Isian',
    mine: 'Versi Anda',
    theirs: 'Sekarang di server',
    noDifference: 'Isiannya sama dengan yang sekarang di server.',
    nowAt: 'Sekarang usulan ini: {{where}}',
    sendMine: 'Kirim versi saya',
    sendAnyway: 'Tetap kirim',
    keepTheirs: 'Pakai yang sekarang',
    discard: 'Buang kiriman ini',
    discardSure: 'Yakin? Kiriman ini hilang dari perangkat.',
    open: 'Buka',
  },
};

/** Texts of citizens: Bahasa Indonesia, the source of truth (English, with the same keys, is in the .en.ts beside it). */
export const id = {
  citizen: {
    register: 'Daftar sebagai warga',
    registerShort: 'daftar',
    registerHelp:
      'Dengan akun warga Anda dapat mendukung usulan dan memberi komentar. Kami mengirim tautan ke surel Anda untuk mengaktifkan akun.',
    name: 'Nama tampilan',
    nameHelp: 'Tampil pada komentar Anda; boleh nama panggilan.',
    email: 'Alamat surel',
    password: 'Kata sandi (minimal 10 karakter)',
    registerSubmit: 'Daftar',
    haveAccount: 'Sudah punya akun? Masuk',
    checkMail: 'Periksa surel Anda',
    checkMailText:
      'Bila {{email}} belum terdaftar, kami sudah mengirim tautan untuk mengaktifkan akun. Tautan berlaku 48 jam.',
    verifyTitle: 'Aktivasi akun warga',
    verified: 'Akun warga Anda aktif. Silakan masuk dengan alamat surel dan kata sandi Anda.',
    voice: 'Suara warga',
    supports_one: '{{shown}} warga mendukung',
    supports_other: '{{shown}} warga mendukung',
    support: 'Dukung usulan ini',
    withdraw: 'Tarik dukungan',
    or: 'atau',
    toTakePart: 'untuk mendukung dan berkomentar.',
    noComments: 'Belum ada komentar.',
    hidden: 'Komentar disembunyikan oleh {{by}}: {{reason}}',
    hide: 'Sembunyikan',
    hideTitle: 'Sembunyikan komentar',
    hideHelp: 'Komentar tidak dihapus; warga melihat bahwa komentar disembunyikan dan alasannya.',
    comment: 'Komentar Anda',
    send: 'Kirim komentar',
  },
};

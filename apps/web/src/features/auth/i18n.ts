/** Texts of login, account: Bahasa Indonesia, the source of truth (English, with the same keys, is in the .en.ts beside it). */
export const id = {
  login: {
    title: 'Masuk ke Sinergi',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    submit: 'Masuk',
    publicPortal: 'Lihat portal publik Indeks Desa tanpa masuk',
    demoTitle: 'Akun demo',
    demoText:
      'Semua akun demo memakai kata sandi {{password}}. Data wilayah dan batas desa asli; data lain adalah contoh.',
  },
  account: {
    title: 'Akun saya',
    changePassword: 'Ganti kata sandi',
    current: 'Kata sandi sekarang',
    next: 'Kata sandi baru (minimal 10 karakter)',
    changed: 'Kata sandi diganti. Sesi lain akun ini diakhiri.',
  },
};

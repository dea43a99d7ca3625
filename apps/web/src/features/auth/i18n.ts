/** Texts of login, account: Bahasa Indonesia (the source of truth) and English, with the same keys. */
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

/** Texts of the installation's page: Bahasa Indonesia, the source of truth (English in the .en.ts beside it). */
export const id = {
  installation: {
    title: 'Instalasi',
    intro:
      'Sinergi ini dapat melayani beberapa pemerintah. Masing-masing memiliki data, akun, pengaturan dan portal publiknya sendiri, di nama host-nya sendiri.',
    code: 'Kode',
    name: 'Pemerintah',
    hosts: 'Nama host',
    accounts: 'Akun',
    first: 'pertama; juga setiap nama host lain',
    serving: 'Dilayani',
    starting: 'Sedang disiapkan',
    kinds: { provinsi: 'Provinsi', kabupaten: 'Kabupaten', kota: 'Kota' },
    add: 'Tambah kabupaten/kota atau provinsi',
    addHint:
      'Basis datanya dibuat dan data wilayah nasional dimuat (sekitar satu menit). Setelah itu ia langsung dilayani di nama host-nya, tanpa menghentikan layanan.',
    codeHint: 'Kode wilayah Kemendagri: 35.72 untuk kabupaten/kota, 35 untuk provinsi',
    hostsHint: 'Satu atau lebih, dipisah spasi atau koma, mis. sinergi.blitarkota.go.id',
    submit: 'Tambahkan',
    added: '{{name}} sudah dilayani di {{hosts}}.',
    addedIdm: 'Hasil IDM {{n}} desanya dimuat dari berkas nasional Kemendesa yang ada.',
    addedStats: '{{n}} angka statistik wilayahnya dimuat dari seri statistik yang ada.',
    makeAdmin: 'Buat admin pertama',
    adminFor: 'Admin pertama {{name}}',
    adminHint:
      'Admin ini masuk di nama host {{name}} dan membuat akun lainnya sendiri. Berikan kata sandinya secara langsung, bukan lewat surel.',
    adminMade: 'Akun {{username}} dibuat di {{name}}.',
  },
};

/** Texts of open data: Bahasa Indonesia, the source of truth (English, with the same keys, is in the .en.ts beside it). */
export const id = {
  opendata: {
    title: 'Data terbuka',
    intro:
      'Tabel publik Sinergi sebagai dataset Satu Data Indonesia: setiap dataset dengan kamus data, lisensi dan versinya, dapat diunduh sebagai CSV, XLSX atau JSON. Boleh dipakai ulang dengan menyebut sumbernya.',
    policy:
      'Setiap dataset dibangun dari data terkini saat diunduh; versinya berubah setiap ada nilai yang berubah. Kemajuan proyek resmi setelah laporannya diverifikasi perangkat daerah.',
    rows_one: '{{shown}} baris',
    rows_other: '{{shown}} baris',
    version: 'versi {{version}}',
    licence: 'Lisensi',
    dictionary: 'Kamus data',
    column: 'Kolom',
    columnTitle: 'Judul',
    type: 'Tipe',
    meaning: 'Keterangan',
    types: {
      string: 'teks',
      integer: 'bilangan bulat',
      number: 'angka',
      date: 'tanggal',
      boolean: 'ya/tidak',
    },
    forPortals: 'Untuk portal Satu Data dan pemanen data',
    forPortalsText:
      'Sinergi menjawab API CKAN (package_list, package_show, package_search, datastore_search) dan menerbitkan katalog DCAT-AP.',
    ckan: 'Daftar dataset (API CKAN)',
    oc4ids: 'Paket proyek OC4IDS',
    dcat: 'Katalog DCAT-AP (JSON-LD)',
  },
};

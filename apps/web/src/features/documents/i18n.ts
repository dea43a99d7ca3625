/** Texts of documents: Bahasa Indonesia, the source of truth (English, with the same keys, is in the .en.ts beside it). */
export const id = {
  documents: {
    title: 'Kop surat dan penomoran',
    intro:
      'Berita acara dan laporan memakai kop surat ini. Berita acara Musrenbang desa dan kecamatan memakai nama desa dan kecamatannya di bawah baris pemerintah.',
    government: 'Pemerintah (baris pertama kop surat)',
    office: 'Nama kantor (kop surat tingkat kabupaten)',
    address: 'Alamat kantor',
    place: 'Tempat penandatanganan (tingkat kabupaten)',
    numberPattern: 'Pola nomor berita acara',
    numberHelp:
      '{no} nomor urut (3 angka; {no:4} untuk 4 angka), {bulan} bulan dalam angka Romawi, {tahun} tahun, {kode} kode wilayah forum.',
    example: 'Contoh: {{number}}',
    logo: 'Lambang daerah',
    logoHelp:
      'Tampil di kiri kop surat setiap berita acara dan laporan (JPEG, PNG atau WebP, paling besar 2 MiB).',
    logoNone: 'Belum ada lambang; kop surat hanya memuat tulisan.',
    logoUpload: 'Unggah lambang',
    logoRemove: 'Hapus lambang',
    officials: 'Pejabat penanda tangan',
    officialsHelp:
      'Jabatan, nama, dan NIP (18 angka). Dokumen yang ditandatangani jabatan ini (misalnya Kepala Bappeda, Sekretaris Daerah) memuat nama dan NIP-nya, kecuali forum menetapkan penanda tangannya sendiri; baris kosong diabaikan.',
    reportNumberPattern: 'Pola nomor dokumen lain',
    reportNumberHelp:
      'Berita acara IDM, matriks sinkronisasi, laporan bulanan dan laporan evaluasi; {jenis} kode dokumen (BA-IDM, MATRIKS-SINKRON, LAP-MONEV, EVAL-PROGRAM). Nomor diberikan saat dokumen pertama kali dicetak dan tetap sesudahnya.',
    saved: 'Kop surat dan penomoran disimpan.',
  },
};

import { actionTexts, entityTexts, side } from './i18n-actions.ts';

/** Texts of audit, jobs: Bahasa Indonesia, the source of truth (English, with the same keys, is in the .en.ts beside it). */
export const id = {
  audit: {
    title: 'Log audit',
    when: 'Waktu',
    who: 'Oleh',
    action: 'Tindakan',
    entity: 'Data',
    actor: 'Pengguna',
    from: 'Dari tanggal',
    to: 'Sampai tanggal',
    all: 'Semua',
    details: 'Rincian',
    total: '{{formatted}} catatan',
    actions: side(0, actionTexts),
    entities: side(0, entityTexts),
  },
  jobs: {
    title: 'Pekerjaan latar',
    empty: 'Belum ada pekerjaan.',
    kind: 'Jenis',
    status: 'Status',
    progress: 'Kemajuan',
    cancel: 'Batalkan',
    loadRegions: 'Muat ulang data wilayah nasional',
    backups: 'Cadangan data',
    backupNow: 'Buat cadangan sekarang',
    backupsEmpty:
      'Belum ada cadangan di server. Cadangan berisi seluruh data dan foto; simpan salinannya di tempat lain.',
    backupHint: 'Cadangan dibuat tanpa menghentikan layanan. Simpan salinannya di luar server ini.',
    download: 'Unduh',
    kinds: {
      'regions.load': 'Memuat data wilayah nasional',
      'allocation.solve': 'Menghitung skenario anggaran',
      'allocation.explain': 'Menjelaskan keputusan setiap usulan',
      'pb.count': 'Menghitung suara anggaran partisipatif',
      'backup.write': 'Membuat cadangan data',
    },
    statuses: {
      queued: 'Menunggu',
      running: 'Berjalan',
      succeeded: 'Selesai',
      failed: 'Gagal',
      cancelled: 'Dibatalkan',
    },
    messages: {
      'regions.loading': 'memuat wilayah',
      'regions.boundaries': 'memuat batas desa',
      'allocation.solving': 'mencari portofolio optimal',
      'allocation.explaining': 'menjelaskan setiap usulan',
      'pb.counting': 'menghitung suara',
      'backup.writing': 'tabel dan foto disalin',
    },
  },
};

import { actionTexts, entityTexts } from './i18n-actions.ts';

const side = (i: 0 | 1, texts: Record<string, readonly [string, string]>) =>
  Object.fromEntries(Object.entries(texts).map(([code, pair]) => [code, pair[i]]));

/** Texts of audit, jobs: Bahasa Indonesia (the source of truth) and English, with the same keys. */
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

export const en: typeof id = {
  audit: {
    title: 'Audit log',
    when: 'When',
    who: 'By',
    action: 'Action',
    entity: 'Record',
    actor: 'User',
    from: 'From',
    to: 'To',
    all: 'All',
    details: 'Details',
    total: '{{formatted}} entries',
    actions: side(1, actionTexts),
    entities: side(1, entityTexts),
  },
  jobs: {
    title: 'Background jobs',
    empty: 'No jobs yet.',
    kind: 'Kind',
    status: 'Status',
    progress: 'Progress',
    cancel: 'Cancel',
    loadRegions: 'Reload the national region list',
    backups: 'Backups',
    backupNow: 'Back up now',
    backupsEmpty: 'No backups on the server yet. A backup holds all data and photos; keep a copy elsewhere.',
    backupHint: 'Backups are written while the service keeps running. Keep a copy off this server.',
    download: 'Download',
    kinds: {
      'regions.load': 'Loading the national region list',
      'allocation.solve': 'Solving a budget scenario',
      'allocation.explain': 'Explaining the decision on every proposal',
      'pb.count': 'Counting the participatory budgeting vote',
      'backup.write': 'Writing a backup',
    },
    statuses: {
      queued: 'Queued',
      running: 'Running',
      succeeded: 'Done',
      failed: 'Failed',
      cancelled: 'Cancelled',
    },
    messages: {
      'regions.loading': 'loading regions',
      'regions.boundaries': 'loading village boundaries',
      'allocation.solving': 'searching for the optimal portfolio',
      'allocation.explaining': 'explaining every proposal',
      'pb.counting': 'counting the ballots',
      'backup.writing': 'tables and photos copied',
    },
  },
};

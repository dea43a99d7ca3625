import type { WaitingKind } from '@sinergi/core';

/**
 * What waits, in words: [Bahasa Indonesia, English], with `{count}` the number of items. The home
 * page, the bell and the e-mails all say it the same way. Every kind of core's waitingKinds has a
 * line (checked by `messages.test.ts`).
 */
export const waitingWords: Record<WaitingKind, readonly [id: string, en: string]> = {
  'aspirations.moderate': [
    '{count} aspirasi warga menunggu moderasi',
    '{count} citizen aspirations wait for moderation',
  ],
  'supports.moved': [
    '{count} usulan yang Anda dukung mengambil langkah baru',
    '{count} proposals you support took a new step',
  ],
  'proposals.desa': [
    '{count} usulan menunggu keputusan Musrenbang desa',
    '{count} proposals wait for the desa forum',
  ],
  'proposals.kecamatan': [
    '{count} usulan desa menunggu pemeringkatan kecamatan',
    '{count} desa proposals wait for the kecamatan ranking',
  ],
  'proposals.opd': [
    '{count} usulan menunggu penelaahan perangkat daerah',
    '{count} proposals wait for screening',
  ],
  'proposals.kabupaten': [
    '{count} usulan menunggu keputusan Musrenbang kabupaten',
    '{count} proposals wait for the kabupaten forum',
  ],
  'proposals.rkpd': ['{count} usulan menunggu penetapan RKPD', '{count} proposals wait for the RKPD'],
  'proposals.apbd': [
    '{count} usulan menunggu penganggaran APBD',
    '{count} proposals wait for the budget (APBD)',
  ],
  'proposals.pelaksanaan': ['{count} usulan sedang dilaksanakan', '{count} proposals are being carried out'],
  'forums.hold': ['{count} forum Musrenbang belum ditutup', '{count} Musrenbang forums are not closed yet'],
  'index.enter': [
    'Isian IDM tahun ini belum diajukan',
    "This year's village index entry is not submitted yet",
  ],
  'index.returned': [
    'Isian IDM dikembalikan untuk diperbaiki',
    'The village index entry was returned for correction',
  ],
  'index.verify': [
    '{count} isian IDM menunggu verifikasi',
    '{count} village index entries wait for verification',
  ],
  'index.approve': [
    '{count} isian IDM menunggu pengesahan',
    '{count} village index entries wait for approval',
  ],
  'progress.verify': [
    '{count} laporan kemajuan menunggu verifikasi',
    '{count} progress reports wait for verification',
  ],
  'progress.returned': [
    '{count} laporan kemajuan dikembalikan untuk diperbaiki',
    '{count} progress reports were returned for correction',
  ],
  'progress.due': [
    '{count} proyek perlu laporan kemajuan bulan ini',
    '{count} projects need a progress report this month',
  ],
  'projects.atRisk': ['{count} proyek terlambat atau kritis', '{count} projects are late or critical'],
  'cycles.approve': [
    '{count} siklus penyaluran menunggu persetujuan',
    '{count} payment cycles wait for approval',
  ],
  'cycles.returned': ['{count} siklus penyaluran dikembalikan', '{count} payment cycles were returned'],
  'grievances.open': ['{count} pengaduan belum diselesaikan', '{count} grievances are not settled'],
  'scenarios.draft': ['{count} skenario anggaran masih draf', '{count} budget scenarios are still drafts'],
  'scenarios.adopted': [
    '{count} skenario anggaran telah diadopsi',
    '{count} budget scenarios have been adopted',
  ],
  'pokir.active': ['{count} pokir Anda sedang diproses', '{count} of your pokir are on their way'],
  'jobs.failed': ['{count} pekerjaan latar gagal minggu ini', '{count} background jobs failed this week'],
  'accounts.locked': ['{count} akun terkunci', '{count} accounts are locked'],
};

/** The e-mail's own words: [Bahasa Indonesia, English]. */
export const mailWords = {
  subjectOne: ['[Sinergi] {text}', '[Sinergi] {text}'],
  subjectDigest: [
    '[Sinergi] Ringkasan harian: {count} pemberitahuan',
    '[Sinergi] Daily digest: {count} notifications',
  ],
  greeting: ['Yth. {name},', 'Dear {name},'],
  open: ['Buka di Sinergi: {url}', 'Open in Sinergi: {url}'],
  settings: [
    'Pengaturan pemberitahuan dapat diubah di halaman Akun Saya.',
    'You can change your notification settings on the My account page.',
  ],
  decisionSubject: ['[Sinergi] Keputusan atas aspirasi {code}', '[Sinergi] A decision on aspiration {code}'],
  decisionBody: [
    'Aspirasi Anda "{title}" ({code}): {decision}.',
    'Your aspiration "{title}" ({code}): {decision}.',
  ],
  reason: ['Alasan: {reason}', 'Reason: {reason}'],
  track: ['Ikuti perjalanannya: {url}', 'Follow it: {url}'],
} as const satisfies Record<string, readonly [string, string]>;

/** Fills `{name}` placeholders. */
export function fillWords(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** The e-mail that verifies a citizen's account (issue 20): [Bahasa Indonesia, English]. */
export const verifyMailWords = {
  subject: ['[Sinergi] Aktifkan akun warga Anda', '[Sinergi] Activate your citizen account'],
  body: [
    'Yth. {name},\n\nBuka tautan ini dalam {hours} jam untuk mengaktifkan akun warga Sinergi Anda:\n{url}\n\nBila Anda tidak mendaftar, abaikan surel ini.',
    'Dear {name},\n\nOpen this link within {hours} hours to activate your Sinergi citizen account:\n{url}\n\nIf you did not register, ignore this e-mail.',
  ],
} as const satisfies Record<string, readonly [string, string]>;

import type { ActingLevel, RejectReason, Stage } from '@sinergi/core';
import type { bidangList } from './musrenbang.ts';

type Bidang = (typeof bidangList)[number];

type Words<K extends string> = Record<K, readonly [id: string, en: string]>;

/**
 * Musrenbang's words: [Bahasa Indonesia, English]. The web's labels are built from these, and the
 * server says the same in what it writes (a decision mailed to a citizen, an export).
 */
export const stageWords: Words<Stage> = {
  moderasi: ['Moderasi desa', 'Village moderation'],
  desa: ['Musrenbang desa', 'Village forum'],
  kecamatan: ['Musrenbang kecamatan', 'Kecamatan forum'],
  opd: ['Verifikasi OPD', 'Agency screening'],
  kabupaten: ['Musrenbang kabupaten', 'Kabupaten forum'],
  rkpd: ['RKPD', 'RKPD'],
  apbd: ['APBD (didanai)', 'Budget (funded)'],
  pelaksanaan: ['Pelaksanaan', 'Implementation'],
};

export const reasonWords: Words<RejectReason> = {
  bukan_kewenangan: ['Bukan kewenangan tingkat ini', 'Not the authority of this level'],
  sudah_didanai_sumber_lain: ['Sudah didanai sumber lain', 'Already funded from another source'],
  tidak_sesuai_prioritas: ['Tidak sesuai prioritas pembangunan', 'Not in line with development priorities'],
  lahan_atau_izin_tidak_siap: ['Lahan atau izin belum siap', 'Land or permits not ready'],
  pagu_tidak_cukup: ['Pagu anggaran tidak cukup', 'Budget ceiling insufficient'],
  tidak_layak_teknis: ['Tidak layak secara teknis', 'Not technically feasible'],
  usulan_tidak_jelas: ['Usulan kurang jelas', 'Proposal unclear'],
  lainnya: ['Lainnya (lihat catatan)', 'Other (see note)'],
};

/** The bidang a proposal belongs to, as Musrenbang forms group them (contracts' `bidangList`). */
export const bidangWords: Words<Bidang> = {
  infrastruktur: ['Infrastruktur dan kewilayahan', 'Infrastructure'],
  ekonomi: ['Ekonomi', 'Economy'],
  sosial_budaya: ['Sosial budaya', 'Social and cultural'],
  pemerintahan: ['Pemerintahan', 'Government'],
  lingkungan: ['Lingkungan hidup', 'Environment'],
};

/** Who acts on an IDM indicator (core's ActingLevel), as the dashboard and its export name them. */
export const actorWords: Words<ActingLevel> = {
  pusat: ['Pusat', 'Central govt.'],
  provinsi: ['Provinsi', 'Province'],
  kabupaten: ['Kabupaten', 'Kabupaten'],
  desa: ['Desa', 'Village'],
  csr: ['CSR/swasta', 'CSR/private'],
  lainnya: ['Lainnya', 'Other'],
};

/** A decision on a proposal in words ("diteruskan ke Musrenbang kecamatan"). */
export const decisionWords = {
  teruskan: ['diteruskan ke {stage}', 'forwarded to {stage}'],
  selesai: ['selesai dilaksanakan', 'carried out'],
  tunda: ['ditunda ke tahun {year}', 'deferred to {year}'],
  tolak: ['ditolak', 'rejected'],
  gabung: ['digabung ke usulan {code}', 'merged into proposal {code}'],
} as const satisfies Record<string, readonly [string, string]>;

/** One language's side of a list of words, as the web's i18n resources hold them. */
export function wordsIn<K extends string>(words: Words<K>, lang: 'id' | 'en'): Record<K, string> {
  return Object.fromEntries(
    Object.entries(words).map(([k, v]) => [k, (v as readonly [string, string])[lang === 'en' ? 1 : 0]]),
  ) as Record<K, string>;
}

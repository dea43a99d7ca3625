import { bidangList, bidangWords, reasonWords, stageWords, wordsIn } from '@sinergi/contracts';
import { type ProposalState, type RejectReason, rejectReasons, type Stage } from '@sinergi/core';
import { columnKey } from '../../reports/xlsx.ts';

/*
 * The SIPD layout's columns and words. SIPD's citizen-proposal and pokir records carry the
 * proposal's fields and, at each step, a recommendation with its note: lurah/kepala desa, camat,
 * OPD (SKPD), mitra (the DPRD commission at the kabupaten forum) and TAPD (domain facts,
 * planning.md). The file is written in words an operator reads (bidang, reasons, step and final
 * status named, not coded); the importer reads the words and the codes alike, and a header by its
 * title or by its key, so files written by earlier versions still come back in.
 */
export const sipdSteps = [
  { key: 'lurah_kades', title: 'Lurah/Kepala Desa', stages: ['moderasi', 'desa'] },
  { key: 'camat', title: 'Camat', stages: ['kecamatan'] },
  { key: 'skpd', title: 'SKPD', stages: ['opd'] },
  { key: 'mitra', title: 'Mitra', stages: ['kabupaten'] },
  { key: 'tapd', title: 'TAPD', stages: ['rkpd', 'apbd', 'pelaksanaan'] },
] as const satisfies readonly { key: string; title: string; stages: readonly Stage[] }[];
export type SipdStep = (typeof sipdSteps)[number];

const titles = {
  kode_lacak: 'Kode Lacak',
  jenis_usulan: 'Jenis Usulan',
  tahun: 'Tahun',
  usulan: 'Usulan',
  permasalahan: 'Permasalahan',
  kode_desa: 'Kode Desa/Kelurahan',
  desa: 'Desa/Kelurahan',
  rt: 'RT',
  rw: 'RW',
  bidang: 'Bidang',
  skpd_kode: 'Kode SKPD',
  koefisien: 'Koefisien',
  satuan: 'Satuan',
  anggaran: 'Anggaran (Rp)',
  swadaya: 'Swadaya (Rp)',
  penerima_manfaat: 'Penerima Manfaat',
  pengusul: 'Pengusul',
  dapil: 'Dapil',
  ...Object.fromEntries(
    sipdSteps.flatMap((s) => [
      [`rek_${s.key}`, `Rekomendasi ${s.title}`],
      [`catatan_${s.key}`, `Catatan ${s.title}`],
    ]),
  ),
  tahap: 'Tahap',
  status_akhir: 'Status Akhir',
} as Record<string, string>;

export type SipdColumn =
  | 'kode_lacak'
  | 'jenis_usulan'
  | 'tahun'
  | 'usulan'
  | 'permasalahan'
  | 'kode_desa'
  | 'desa'
  | 'rt'
  | 'rw'
  | 'bidang'
  | 'skpd_kode'
  | 'koefisien'
  | 'satuan'
  | 'anggaran'
  | 'swadaya'
  | 'penerima_manfaat'
  | 'pengusul'
  | 'dapil'
  | `rek_${SipdStep['key']}`
  | `catatan_${SipdStep['key']}`
  | 'tahap'
  | 'status_akhir';

/** A column's title in the file ("Rekomendasi Camat"). */
export function sipdTitle(column: SipdColumn): string {
  return titles[column]!;
}

/** The column a header names, by its title or its key ("Rekomendasi Camat", "rek_camat"). */
export function sipdColumnOf(header: string): SipdColumn | null {
  const key = columnKey(header);
  if (key in titles) return key as SipdColumn;
  const found = Object.entries(titles).find(([, title]) => columnKey(title) === key);
  return (found?.[0] as SipdColumn | undefined) ?? null;
}

export const trackNames: Record<string, string> = {
  musrenbang: 'Musrenbang',
  pokir: 'Pokir',
  renja: 'Renja',
  aspirasi: 'Aspirasi',
};
export const recommendationNames: Record<string, string> = {
  teruskan: 'Disetujui',
  tolak: 'Ditolak',
  tunda: 'Ditunda',
  gabung: 'Digabung',
};

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const codeOf = <K extends string>(words: Record<K, string>, text: string): K | null =>
  (Object.keys(words) as K[]).find((k) => same(k, text) || same(words[k], text)) ?? null;

const bidangNames = wordsIn(bidangWords, 'id');
const reasonNames = wordsIn(reasonWords, 'id');
const stageNames = wordsIn(stageWords, 'id');

export const bidangName = (bidang: string) => bidangNames[bidang as keyof typeof bidangNames] ?? bidang;
export const stageName = (stage: Stage) => stageNames[stage];
/** A bidang read from a cell, by its name or its code; null when it is neither. */
export const bidangFrom = (text: string) => codeOf(bidangNames, text) as (typeof bidangList)[number] | null;
export const bidangChoices = bidangList.map((b) => bidangNames[b]).join(', ');
export const recommendationFrom = (text: string) => codeOf(recommendationNames, text);
export const recommendationChoices = Object.values(recommendationNames).join(', ');
export const trackFrom = (text: string) => codeOf(trackNames, text);

/**
 * Where a proposal ended, in words: a proposal still on its path says how far it went
 * ("Dilaksanakan" once it is carried out, "Didanai" once in the APBD), not only "in process".
 */
export function finalStatus(state: ProposalState, stage: Stage): string {
  if (state === 'ditolak') return 'Ditolak';
  if (state === 'digabung') return 'Digabung';
  if (state === 'selesai') return 'Selesai';
  if (stage === 'pelaksanaan') return 'Dilaksanakan';
  if (stage === 'apbd') return 'Didanai';
  return 'Dalam proses';
}

/** A rejection's note: the reason in words, then the office's note ("Pagu anggaran tidak cukup: ..."). */
export function noteWithReason(reason: string | null, note: string | null): string | null {
  if (!reason) return note;
  const words = reasonNames[reason as RejectReason] ?? reason;
  return note ? `${words}: ${note}` : words;
}

/** The reason and note read back from a rejection's note; a note without a known reason is "lainnya". */
export function reasonFromNote(text: string | null): { reason: RejectReason; note: string | null } {
  const [first = '', ...rest] = (text ?? '').split(': ');
  const reason = codeOf(reasonNames, first);
  if (reason && (rejectReasons as readonly string[]).includes(reason))
    return { reason, note: rest.join(': ') || null };
  return { reason: 'lainnya', note: text };
}

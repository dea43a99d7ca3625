import type { DimensionDef, IndexScheme } from '../scheme.ts';

/**
 * Indeks Desa (Permendesa PDTT 9/2024), official from 2025: 6 dimensions, 13 sub-dimensions and
 * 48 indicators, reported per dimension as 13/8/12/5/5/5 (domain facts). The regulation's
 * indicator list, the scoring, the aggregation and the status cut-offs were not available to
 * Sinergi in a confirmed form, so every one of those parts is listed in `unconfirmed` and explained
 * in `notes`; the interface shows them as such. An admin loads the confirmed version as a new
 * scheme version (JSON or XLSX) without code changes.
 */
const dimension = (code: string, name: string, count: number, subdimensions?: string): DimensionDef => ({
  code,
  name,
  indicators: Array.from({ length: count }, (_, i) => ({
    code: `${code}${String(i + 1).padStart(2, '0')}`,
    name: `${name}, indikator ${i + 1}`,
    ...(subdimensions ? { subdimension: subdimensions } : {}),
    actor: 'lainnya' as const,
    organisations: [],
  })),
});

export const indeksDesa2024: IndexScheme = {
  id: 'indeks-desa-2024',
  version: '2025-draft',
  name: 'Indeks Desa',
  regulation: 'Permendesa PDTT No. 9 Tahun 2024',
  scoreMin: 0,
  scoreMax: 5,
  aggregation: { kind: 'geometric-mean', scale: 100 },
  statuses: [
    { code: 'SANGAT TERTINGGAL', name: 'Sangat Tertinggal', above: null },
    { code: 'TERTINGGAL', name: 'Tertinggal', above: 49.07 },
    { code: 'BERKEMBANG', name: 'Berkembang', above: 59.89 },
    { code: 'MAJU', name: 'Maju', above: 70.72 },
    { code: 'MANDIRI', name: 'Mandiri', above: 81.55 },
  ],
  unconfirmed: ['indicators', 'scoring', 'aggregation', 'thresholds', 'routing'],
  notes: {
    indicators: {
      id: 'Jumlah indikator per dimensi (13/8/12/5/5/5) sesuai laporan resmi, tetapi nama dan urutan 48 indikator belum dipastikan: indikator di sini bernomor per dimensi sampai daftar resmi dimuat sebagai versi baru.',
      en: 'The number of indicators per dimension (13/8/12/5/5/5) follows the official reports, but the names and order of the 48 indicators are not confirmed: the indicators here are numbered per dimension until the official list is loaded as a new version.',
    },
    scoring: {
      id: 'Skala skor 0..5 per indikator diambil dari IDM dan belum dipastikan untuk Indeks Desa.',
      en: 'The 0..5 score range per indicator is taken from IDM and is not confirmed for Indeks Desa.',
    },
    aggregation: {
      id: 'Sumber berbeda pendapat antara rata-rata geometrik enam dimensi dan jumlah berbobot yang dinormalisasi min–maks (skala 0–100). Versi ini memakai rata-rata geometrik; jumlah berbobot tersedia sebagai jenis agregasi lain.',
      en: 'Sources disagree between a geometric mean of the six dimensions and a weighted, min–max normalised sum (0–100 scale). This version uses the geometric mean; the weighted sum is available as another aggregation kind.',
    },
    thresholds: {
      id: 'Batas status belum dipastikan; sementara memakai batas IDM dikali 100.',
      en: 'The status cut-offs are not confirmed; for now they are the IDM cut-offs times 100.',
    },
    routing: {
      id: 'Pihak yang bertindak belum ditetapkan untuk indikator yang belum dipastikan (semua "lainnya").',
      en: 'Who acts is not set for indicators that are not confirmed (all "other").',
    },
  },
  dimensions: [
    dimension('LD', 'Layanan Dasar', 13),
    dimension('SOS', 'Sosial', 8),
    dimension('EKO', 'Ekonomi', 12),
    dimension('LING', 'Lingkungan', 5),
    dimension('AKS', 'Aksesibilitas', 5),
    dimension('TKPD', 'Tata Kelola Pemerintahan Desa', 5),
  ],
};

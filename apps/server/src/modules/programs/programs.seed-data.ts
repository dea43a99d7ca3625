import type { EligibilityRule, OutcomeSpec } from '@sinergi/core';

/** SAMPLE data the program seed draws from: names, sectors, and the sample programs with their planted effects (made up for the demo). */
export const MALE = [
  'Agus',
  'Budi',
  'Sutrisno',
  'Suparman',
  'Joko',
  'Wahyu',
  'Eko',
  'Slamet',
  'Hadi',
  'Bambang',
  'Yusuf',
  'Rudi',
  'Imam',
  'Sugeng',
  'Teguh',
  'Heru',
];

export const FEMALE = [
  'Siti',
  'Sri',
  'Dewi',
  'Wulan',
  'Endang',
  'Sumiati',
  'Lestari',
  'Rina',
  'Ani',
  'Yuli',
  'Tutik',
  'Nur',
  'Sulastri',
  'Mariyam',
  'Indah',
  'Kartini',
];

export const SECOND = [
  'Rahayu',
  'Wati',
  'Santoso',
  'Prasetyo',
  'Hidayat',
  'Lestari',
  'Purnomo',
  'Wibowo',
  'Ningsih',
  'Susanti',
  'Setiawan',
  'Handayani',
];

export const SECTORS: [string, string][] = [
  ['10792', 'Keripik dan makanan ringan'],
  ['14111', 'Jahit pakaian'],
  ['16293', 'Kerajinan anyaman bambu'],
  ['01135', 'Sayuran organik'],
  ['10750', 'Katering rumahan'],
  ['47111', 'Toko kelontong'],
  ['10794', 'Jajanan pasar'],
  ['01461', 'Ternak ayam kampung'],
];

export interface ProgramPlan {
  code: string;
  name: string;
  type: 'pelatihan' | 'modal' | 'pemasaran' | 'bansos' | 'lainnya';
  opd: string;
  budget: number;
  target: number;
  participants: number;
  comparison: number;
  eligibility: EligibilityRule;
  outcomes: OutcomeSpec[];
  /** The planted effect on each outcome (per participant, on top of the common trend). */
  effect: Record<string, number>;
  excludes?: string[];
  cyclic?: boolean;
  completion: number;
}

export const plans: ProgramPlan[] = [
  {
    code: 'CONTOH-JAHIT',
    name: 'Pelatihan menjahit bagi perempuan prasejahtera',
    type: 'pelatihan',
    opd: 'DISNAKER',
    budget: 450_000_000,
    target: 300,
    participants: 260,
    comparison: 200,
    eligibility: {
      all: [
        { field: 'decile', min: 1, max: 4 },
        { field: 'sex', in: ['P'] },
        { field: 'age', min: 18, max: 55 },
      ],
    },
    outcomes: [{ indicator: 'pendapatan', direction: 'higher', target: 500_000 }],
    effect: { pendapatan: 400_000 },
    completion: 0.85,
  },
  {
    code: 'CONTOH-MODAL',
    name: 'Bantuan modal usaha mikro',
    type: 'modal',
    opd: 'DISKOPUM',
    budget: 1_500_000_000,
    target: 500,
    participants: 310,
    comparison: 250,
    eligibility: {
      all: [
        { field: 'ownsBusiness', equals: true },
        { field: 'decile', min: 1, max: 6 },
      ],
    },
    outcomes: [
      { indicator: 'omzet', direction: 'higher', target: 2_000_000 },
      { indicator: 'tenaga_kerja', direction: 'higher' },
    ],
    effect: { omzet: 1_500_000, tenaga_kerja: 0.4 },
    completion: 0.9,
  },
  {
    code: 'CONTOH-DARING',
    name: 'Pendampingan pemasaran daring UMKM',
    type: 'pemasaran',
    opd: 'DISKOPUM',
    budget: 300_000_000,
    target: 250,
    participants: 240,
    comparison: 200,
    eligibility: { all: [{ field: 'ownsBusiness', equals: true }] },
    outcomes: [{ indicator: 'omzet', direction: 'higher', target: 750_000 }],
    effect: { omzet: 800_000 },
    completion: 0.8,
  },
  {
    code: 'CONTOH-ORGANIK',
    name: 'Sekolah lapang pertanian organik',
    type: 'pelatihan',
    opd: 'DISTANPANGAN',
    budget: 400_000_000,
    target: 250,
    participants: 220,
    comparison: 180,
    eligibility: { all: [{ field: 'age', min: 20, max: 65 }] },
    outcomes: [
      { indicator: 'hasil_panen', direction: 'higher', target: 200 },
      { indicator: 'harga_jual', direction: 'higher', target: 1_000 },
    ],
    effect: { hasil_panen: 150, harga_jual: 1_200 },
    completion: 0.75,
  },
  {
    code: 'CONTOH-LAS',
    name: 'Pelatihan las dan bengkel',
    type: 'pelatihan',
    opd: 'DISNAKER',
    budget: 350_000_000,
    target: 200,
    participants: 180,
    comparison: 160,
    eligibility: {
      all: [
        { field: 'age', min: 18, max: 40 },
        { field: 'decile', min: 1, max: 5 },
      ],
    },
    outcomes: [{ indicator: 'pendapatan', direction: 'higher', target: 400_000 }],
    // No effect planted: the evaluation must not find one.
    effect: {},
    completion: 0.6,
  },
  {
    code: 'CONTOH-KEMASAN',
    name: 'Pelatihan kemasan dan izin PIRT',
    type: 'pelatihan',
    opd: 'DISPERINDAG',
    budget: 200_000_000,
    target: 200,
    participants: 150,
    comparison: 120,
    eligibility: { all: [{ field: 'ownsBusiness', equals: true }] },
    outcomes: [{ indicator: 'omzet', direction: 'higher' }],
    effect: { omzet: 500_000 },
    completion: 0.88,
  },
  {
    code: 'CONTOH-PAMERAN',
    name: 'Fasilitasi pameran produk lokal',
    type: 'pemasaran',
    opd: 'DISPERINDAG',
    budget: 250_000_000,
    target: 120,
    participants: 90,
    comparison: 80,
    eligibility: { all: [{ field: 'ownsBusiness', equals: true }] },
    outcomes: [{ indicator: 'omzet', direction: 'higher' }],
    effect: { omzet: 300_000 },
    completion: 0.95,
  },
  {
    code: 'CONTOH-WIRAUSAHA',
    name: 'Pelatihan wirausaha pemuda',
    type: 'pelatihan',
    opd: 'DISKOPUM',
    budget: 180_000_000,
    target: 150,
    participants: 140,
    comparison: 120,
    eligibility: { all: [{ field: 'age', min: 18, max: 30 }] },
    outcomes: [{ indicator: 'usaha_baru', direction: 'higher', binary: true }],
    effect: { usaha_baru: 0.25 },
    completion: 0.7,
  },
  {
    code: 'CONTOH-TERNAK',
    name: 'Bantuan ternak ayam kampung',
    type: 'modal',
    opd: 'DISPETERNAKAN',
    budget: 220_000_000,
    target: 200,
    participants: 110,
    comparison: 100,
    eligibility: { all: [{ field: 'decile', min: 1, max: 4 }] },
    outcomes: [{ indicator: 'pendapatan', direction: 'higher', target: 300_000 }],
    effect: { pendapatan: 250_000 },
    completion: 0.8,
  },
  {
    code: 'CONTOH-BLT',
    name: 'BLT Dana Desa (contoh)',
    type: 'bansos',
    opd: 'DPMD',
    budget: 900_000_000,
    target: 250,
    participants: 250,
    comparison: 0,
    eligibility: { all: [{ field: 'decile', min: 1, max: 2 }] },
    outcomes: [],
    effect: {},
    excludes: ['CONTOH-SEMBAKO'],
    cyclic: true,
    completion: 1,
  },
  {
    code: 'CONTOH-SEMBAKO',
    name: 'Bantuan pangan (contoh)',
    type: 'bansos',
    opd: 'DINSOS',
    budget: 600_000_000,
    target: 300,
    participants: 280,
    comparison: 0,
    eligibility: { all: [{ field: 'decile', min: 1, max: 4 }] },
    outcomes: [],
    effect: {},
    cyclic: true,
    completion: 1,
  },
  {
    code: 'CONTOH-KUR',
    name: 'Pendampingan akses KUR',
    type: 'modal',
    opd: 'DISKOPUM',
    budget: 150_000_000,
    target: 300,
    participants: 120,
    comparison: 100,
    eligibility: {
      all: [
        { field: 'ownsBusiness', equals: true },
        { field: 'decile', min: 1, max: 7 },
      ],
    },
    outcomes: [{ indicator: 'omzet', direction: 'higher', target: 1_000_000 }],
    effect: { omzet: 600_000 },
    completion: 0.65,
  },
];

/** The baseline level and the common change over the year of each outcome (both groups). */
export const baseline: Record<string, { mean: number; sd: number; trend: number; noise: number }> = {
  pendapatan: { mean: 1_400_000, sd: 450_000, trend: 80_000, noise: 350_000 },
  omzet: { mean: 4_500_000, sd: 1_800_000, trend: 200_000, noise: 1_200_000 },
  hasil_panen: { mean: 1_800, sd: 500, trend: 30, noise: 220 },
  harga_jual: { mean: 5_500, sd: 900, trend: 150, noise: 700 },
  tenaga_kerja: { mean: 1.6, sd: 0.9, trend: 0.05, noise: 0.6 },
  usaha_baru: { mean: 0, sd: 0, trend: 0.1, noise: 0 },
};

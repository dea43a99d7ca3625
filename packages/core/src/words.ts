import { monthWords } from './format.ts';

/**
 * Numbers and dates in Indonesian words, as an official document writes them ("Pada hari Senin
 * tanggal dua bulan Desember tahun dua ribu dua puluh enam"): the day and date of a berita acara
 * are spelled out so they cannot be altered (Permendagri 1/2023 on official document style
 * (tata naskah dinas) follows the same practice).
 */
const ones = [
  '',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
];

/** A whole number from 0 to 999,999,999,999 in words ("seribu dua ratus tiga puluh empat"). */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12)
    throw new RangeError('terbilang: a whole number 0..999,999,999,999');
  if (n === 0) return 'nol';
  const words = (x: number): string => {
    if (x < 12) return ones[x]!;
    if (x < 20) return `${ones[x - 10]} belas`;
    if (x < 100) return `${ones[Math.floor(x / 10)]} puluh ${words(x % 10)}`.trim();
    if (x < 200) return `seratus ${words(x - 100)}`.trim();
    if (x < 1000) return `${ones[Math.floor(x / 100)]} ratus ${words(x % 100)}`.trim();
    if (x < 2000) return `seribu ${words(x - 1000)}`.trim();
    if (x < 1e6) return `${words(Math.floor(x / 1000))} ribu ${words(x % 1000)}`.trim();
    if (x < 1e9) return `${words(Math.floor(x / 1e6))} juta ${words(x % 1e6)}`.trim();
    return `${words(Math.floor(x / 1e9))} miliar ${words(x % 1e9)}`.trim();
  };
  return words(n);
}

const days = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** A calendar date (YYYY-MM-DD) as a berita acara opens: "Pada hari Senin tanggal dua bulan Desember tahun dua ribu dua puluh enam". */
export function dateInWords(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`dateInWords: not a date: ${isoDate}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = days[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()]!;
  return `Pada hari ${day} tanggal ${terbilang(d)} bulan ${monthWords.id[mo - 1]} tahun ${terbilang(y)}`;
}

/** Month numbers as Roman numerals, as document numbers write them (".../XII/2026"). */
export const romanMonth = (month: number) =>
  ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][month - 1]!;

/**
 * A document number from the office's pattern: {no} the running number (three digits, {no:n} n
 * digits), {bulan} the month in Roman numerals, {tahun} the year, {kode} the region's code,
 * {jenis} the kind of document ("BA-IDM", "LAP-MONEV").
 */
export function documentNumber(
  pattern: string,
  v: { no: number; isoDate: string; regionCode: string; jenis?: string },
): string {
  const [y, mo] = v.isoDate.split('-').map(Number) as [number, number];
  return pattern
    .replace(/\{no(?::(\d))?\}/g, (_, width: string | undefined) =>
      String(v.no).padStart(Number(width ?? 3), '0'),
    )
    .replace(/\{bulan\}/g, romanMonth(mo))
    .replace(/\{tahun\}/g, String(y))
    .replace(/\{kode\}/g, v.regionCode)
    .replace(/\{jenis\}/g, v.jenis ?? '');
}

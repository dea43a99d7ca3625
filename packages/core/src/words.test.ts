import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInWords, documentNumber, terbilang } from './words.ts';

describe('numbers and dates in Indonesian words', () => {
  it('spells the tricky ones as Indonesians write them', () => {
    expect(terbilang(0)).toBe('nol');
    expect(terbilang(11)).toBe('sebelas');
    expect(terbilang(12)).toBe('dua belas');
    expect(terbilang(100)).toBe('seratus');
    expect(terbilang(115)).toBe('seratus lima belas');
    expect(terbilang(1000)).toBe('seribu');
    expect(terbilang(2026)).toBe('dua ribu dua puluh enam');
    expect(terbilang(1_100_000)).toBe('satu juta seratus ribu');
    expect(terbilang(157_500_000)).toBe('seratus lima puluh tujuh juta lima ratus ribu');
  });

  it('never leaves a double space, a "satu ratus", or a "satu ribu" that stands for a thousand alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (n) => {
        const w = terbilang(n);
        expect(w).not.toMatch(/ {2}|^ | $|satu ratus|(^|juta |miliar )satu ribu|satu belas|satu puluh/);
      }),
    );
  });

  it('opens a berita acara with the day and the date in words', () => {
    expect(dateInWords('2026-12-02')).toBe(
      'Pada hari Rabu tanggal dua bulan Desember tahun dua ribu dua puluh enam',
    );
    expect(dateInWords('2027-02-01')).toBe(
      'Pada hari Senin tanggal satu bulan Februari tahun dua ribu dua puluh tujuh',
    );
  });

  it('numbers a document from the office pattern', () => {
    expect(
      documentNumber('{no}/BA-MUSRENBANG/{kode}/{bulan}/{tahun}', {
        no: 7,
        isoDate: '2027-02-01',
        regionCode: '35.05.01',
      }),
    ).toBe('007/BA-MUSRENBANG/35.05.01/II/2027');
    expect(
      documentNumber('050/{no:4}/409.113/{tahun}', { no: 12, isoDate: '2026-12-02', regionCode: '' }),
    ).toBe('050/0012/409.113/2026');
    expect(
      documentNumber('{no}/{jenis}/{kode}/{bulan}/{tahun}', {
        no: 3,
        isoDate: '2026-12-04',
        regionCode: '35.05',
        jenis: 'LAP-MONEV',
      }),
    ).toBe('003/LAP-MONEV/35.05/XII/2026');
  });
});

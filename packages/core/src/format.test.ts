import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatMonth,
  formatNumber,
  formatRupiah,
  parseIndonesianDate,
  todayIn,
} from './format.ts';

describe('Indonesian formats', () => {
  it('writes rupiah with dots and no space: Rp1.250.000', () => {
    expect(formatRupiah(1_250_000)).toBe('Rp1.250.000');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(-5000)).toBe('-Rp5.000');
  });
  it('writes an amount in its own currency, never another currency as rupiah', () => {
    expect(formatMoney(1_250_000, 'IDR')).toBe('Rp1.250.000');
    expect(formatMoney(5_000, 'PLN')).toBe('5.000 PLN');
    expect(formatMoney(34_999.6, 'EUR')).toBe('35.000 EUR');
    expect(formatMoney(600, '')).toBe('600');
  });
  it('writes dates as 23 November 2026 in the kabupaten time zone', () => {
    expect(formatDate('2026-11-23T10:00:00Z')).toBe('23 November 2026');
    // 20:00 UTC is already the next day in WIB (UTC+7).
    expect(formatDate('2026-11-23T20:00:00Z')).toBe('24 November 2026');
    expect(formatDate('2026-11-23T16:59:59.999Z')).toBe('23 November 2026');
    expect(formatDate('2026-11-23T17:00:00Z')).toBe('24 November 2026');
    expect(formatDate('2026-08-17T00:00:00Z')).toBe('17 Agustus 2026');
    expect(formatDate('2026-08-17T00:00:00Z', 'en')).toBe('17 August 2026');
    expect(formatMonth('2026-11')).toBe('November 2026');
    expect(formatMonth('2026-02')).toBe('Februari 2026');
    expect(formatMonth('2026-02', 'en')).toBe('February 2026');
  });
  it('writes times in WIB with a colon', () => {
    expect(formatDateTime('2026-11-23T03:05:00Z')).toBe('23 November 2026, 10:05 WIB');
  });
  it('uses a comma for decimals', () => {
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
  });
});

/** Written by hand for speed in the browser (format.ts); Intl's text is the reference. */
describe("the formats are Intl's to the character", () => {
  const intlNumber = (fd: number) =>
    new Intl.NumberFormat('id-ID', { minimumFractionDigits: fd, maximumFractionDigits: fd });
  const values = fc.oneof(
    fc.double({ noNaN: true }),
    fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 1000),
    fc.integer({ min: -2e9, max: 2e9 }),
    fc.constantFrom(0, -0, 0.5, 1.005, 2.5, -2.5, 0.05, 9.995, 999.9996, 1e21, 1e-7, 123456789012345680000),
  );
  it('numbers with 0 to 4 decimals, amounts in both languages', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 4 }), (value, fd) => {
        expect(formatNumber(value, fd)).toBe(intlNumber(fd).format(value));
        expect(formatAmount(value)).toBe(new Intl.NumberFormat('id-ID').format(value));
        expect(formatAmount(value, 'en')).toBe(new Intl.NumberFormat('en-GB').format(value));
      }),
      { numRuns: 3000 },
    );
  });
  it('dates, months, times and today in WIB', () => {
    const wib = { timeZone: 'Asia/Jakarta' } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: -3e12, max: 5e12 }),
        fc.constantFrom('id', 'en') as fc.Arbitrary<'id' | 'en'>,
        (ms, lang) => {
          const d = new Date(ms);
          const locale = lang === 'en' ? 'en-GB' : 'id-ID';
          const date = new Intl.DateTimeFormat(locale, {
            ...wib,
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          }).format(d);
          expect(formatDate(d, lang)).toBe(date);
          const time = new Intl.DateTimeFormat('id-ID', {
            ...wib,
            hour: '2-digit',
            minute: '2-digit',
            hour12: false,
          }).format(d);
          expect(formatDateTime(d, lang)).toBe(`${date}, ${time.replace('.', ':')} WIB`);
          expect(todayIn(undefined, d)).toBe(
            new Intl.DateTimeFormat('en-CA', {
              ...wib,
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
            }).format(d),
          );
          const month = d.toISOString().slice(0, 7);
          if (/^\d{4}-/.test(month))
            expect(formatMonth(month, lang)).toBe(
              new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
                new Date(`${month}-01T00:00:00Z`),
              ),
            );
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('sameJson', () => {
  it('ignores key order but not values or array order', async () => {
    const { sameJson } = await import('./json.ts');
    expect(sameJson({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });
});

describe('dates as an office types them', () => {
  it('reads day-month-year with any separator, month names in either language, and ISO', () => {
    for (const text of [
      '17/08/2026',
      '17-8-2026',
      '17.08.2026',
      '17 Agustus 2026',
      '17 agt 2026',
      '17 Aug 2026',
      '2026-08-17',
    ])
      expect(parseIndonesianDate(text), text).toBe('2026-08-17');
  });
  it('refuses what is not a calendar date instead of rolling it over', () => {
    for (const text of ['31/06/2026', '29/02/2027', '2026-13-01', '17 Agustusan 2026', '', '1e15', '17/08'])
      expect(parseIndonesianDate(text), text).toBeNull();
    expect(parseIndonesianDate('29/02/2028')).toBe('2028-02-29');
  });
  it('reads back every date it could print in Indonesian', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = todayIn('Asia/Jakarta', d);
          expect(parseIndonesianDate(formatDate(`${iso}T05:00:00Z`))).toBe(iso);
        },
      ),
    );
  });
  it('takes today in WIB: 23:30 UTC is already tomorrow in Blitar', () => {
    expect(todayIn('Asia/Jakarta', new Date('2026-12-02T23:30:00Z'))).toBe('2026-12-03');
    expect(todayIn('Asia/Jakarta', new Date('2026-12-03T16:59:00Z'))).toBe('2026-12-03');
    expect(todayIn('Asia/Jayapura', new Date('2026-12-03T15:30:00Z'))).toBe('2026-12-04');
  });
});

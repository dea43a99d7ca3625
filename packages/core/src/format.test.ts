import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatRupiah } from './format.ts';

describe('Indonesian formats', () => {
  it('writes rupiah with dots and no space: Rp1.250.000', () => {
    expect(formatRupiah(1_250_000)).toBe('Rp1.250.000');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(-5000)).toBe('-Rp5.000');
  });
  it('writes dates as 23 November 2026 in the kabupaten time zone', () => {
    expect(formatDate('2026-11-23T10:00:00Z')).toBe('23 November 2026');
    // 20:00 UTC is already the next day in WIB (UTC+7).
    expect(formatDate('2026-11-23T20:00:00Z')).toBe('24 November 2026');
    expect(formatDate('2026-08-17T00:00:00Z')).toBe('17 Agustus 2026');
    expect(formatDate('2026-08-17T00:00:00Z', 'en')).toBe('17 August 2026');
  });
  it('writes times in WIB with a colon', () => {
    expect(formatDateTime('2026-11-23T03:05:00Z')).toBe('23 November 2026, 10:05 WIB');
  });
  it('uses a comma for decimals', () => {
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
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

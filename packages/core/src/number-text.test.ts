import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatRupiah } from './format.ts';
import { numberCellText, readNumber } from './number-text.ts';

describe('numbers in files, read the Indonesian way', () => {
  it('reads rupiah as an office writes it', () => {
    for (const text of [
      'Rp150.000.000',
      'Rp 150.000.000',
      'Rp.150.000.000',
      'rp150.000.000,00',
      'IDR 150.000.000',
    ])
      expect(readNumber(text, 'whole'), text).toBe(150_000_000);
    expect(readNumber('150.000.000')).toBe(150_000_000);
    expect(readNumber('150 000 000')).toBe(150_000_000);
    expect(readNumber('150\u00a0000\u00a0000')).toBe(150_000_000);
    expect(readNumber('-Rp5.000')).toBe(-5000);
    expect(readNumber('Rp-5.000')).toBe(-5000);
  });
  it('takes the comma as the decimal mark and a dot before three digits as grouping', () => {
    expect(readNumber('2,5')).toBe(2.5);
    expect(readNumber('1.234,5')).toBe(1234.5);
    expect(readNumber('-8,0085')).toBe(-8.0085);
    expect(readNumber('1.200')).toBe(1200);
    expect(readNumber('45,5 %')).toBe(45.5);
    expect(readNumber('\u22128,5')).toBe(-8.5);
  });
  it('reads a decimal point where a dot cannot be grouping, as other systems export', () => {
    expect(readNumber('0.7234')).toBe(0.7234);
    expect(readNumber('0.600')).toBe(0.6);
    expect(readNumber('-8.0085')).toBe(-8.0085);
    expect(readNumber('2.5')).toBe(2.5);
    expect(readNumber('1234.56')).toBe(1234.56);
    expect(readNumber('.5')).toBe(0.5);
    expect(readNumber('1.5E+08')).toBe(150_000_000);
    expect(readNumber('2,5e-3')).toBe(0.0025);
  });
  it('refuses what is not one number', () => {
    for (const text of [
      '',
      ' ',
      '-',
      'Rp',
      'abc',
      '1,2,3',
      '12.34.5',
      '1.23,4',
      '1,234.5',
      '1 2',
      '1.2.',
      '5-',
      'Rp1.000abc',
      '1e400',
    ])
      expect(readNumber(text), JSON.stringify(text)).toBeNull();
  });
  it('refuses decimals where a whole number is wanted, but not zeros after the comma', () => {
    expect(readNumber('Rp1.500,50', 'whole')).toBeNull();
    expect(readNumber('2,5', 'whole')).toBeNull();
    expect(readNumber('1.500,00', 'whole')).toBe(1500);
    expect(readNumber('150000000.00', 'whole')).toBe(150_000_000);
  });
  it('reads back every number the app writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(readNumber(formatRupiah(n), 'whole')).toBe(n);
        expect(readNumber(formatNumber(n), 'whole')).toBe(n);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 4 }), (k, digits) => {
        const n = k / 10 ** digits;
        expect(readNumber(formatNumber(n, digits))).toBeCloseTo(n, digits + 2);
      }),
    );
  });
  it('reads a workbook number as the number the workbook holds, 2.125 included', () => {
    expect(numberCellText(2.125)).toBe('2,125');
    expect(numberCellText(-999.5)).toBe('-999.5');
    expect(numberCellText(1200)).toBe('1200');
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (n) => {
        expect(readNumber(numberCellText(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

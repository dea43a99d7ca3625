import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import type { RegionCode } from '../types.ts';
import { ancestorsOf, isWithin, levelOf, parentOf, parseRegionCode, villageKindOf } from './region-code.ts';

const code = (value: string) => parseRegionCode(value);

describe('region codes', () => {
  it('reads the level from the number of segments', () => {
    expect(levelOf(code('35'))).toBe('provinsi');
    expect(levelOf(code('35.05'))).toBe('kabupaten');
    expect(levelOf(code('35.05.01'))).toBe('kecamatan');
    expect(levelOf(code('35.05.01.2001'))).toBe('desa');
  });

  it('tells a desa (9th digit 2) from a kelurahan (1) and a desa adat (3)', () => {
    expect(villageKindOf(code('35.05.01.2001'))).toBe('desa');
    expect(villageKindOf(code('35.05.07.1001'))).toBe('kelurahan');
    expect(villageKindOf(code('91.03.01.3007'))).toBe('desa_adat');
    expect(villageKindOf(code('35.05.07'))).toBeNull();
  });

  it('refuses a village segment that is neither desa nor kelurahan', () => {
    expect(() => villageKindOf(code('35.05.01.4001'))).toThrow(AppError);
  });

  it.each(['3505', '35.5', '35.05.01.201', 'ab.cd', '', '35.05.', '35.05.01.2001.1'])(
    'rejects "%s"',
    (bad) => {
      expect(() => parseRegionCode(bad)).toThrowError(expect.objectContaining({ code: 'BAD_REGION_CODE' }));
    },
  );

  it('walks up to the parent and lists the ancestors outermost first', () => {
    expect(parentOf(code('35.05.01.2001'))).toBe('35.05.01');
    expect(parentOf(code('35'))).toBeNull();
    expect(ancestorsOf(code('35.05.01.2001'))).toEqual(['35', '35.05', '35.05.01']);
  });

  it('does not count a sibling with a longer prefix as inside ("35.05.1" is not in "35.05.01")', () => {
    expect(isWithin(code('35.05.01.2001'), code('35.05'))).toBe(true);
    expect(isWithin(code('35.05.11'), code('35.05.01') as RegionCode)).toBe(false);
    expect(isWithin(code('35.05'), code('35.05'))).toBe(true);
  });
});

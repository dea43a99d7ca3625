import { expect, it } from 'vitest';
import { describeDetails } from './details.ts';

it('names a background job by its kind, not by its code', () => {
  const named = (code: string) => (code === 'regions.load' ? 'Muat wilayah' : code);
  const text = describeDetails({ kind: 'regions.load', params: {} }, 'id', named);
  expect(text).toContain('Muat wilayah');
  expect(text).not.toContain('regions.load');
});

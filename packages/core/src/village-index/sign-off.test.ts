import { describe, expect, it } from 'vitest';
import { nextEntryState } from './sign-off.ts';

describe('sign-off chain', () => {
  it('goes draft -> submitted -> verified -> approved', () => {
    expect(nextEntryState(null, 'save')).toBe('draft');
    expect(nextEntryState('draft', 'submit')).toBe('submitted');
    expect(nextEntryState('submitted', 'verify')).toBe('verified');
    expect(nextEntryState('verified', 'approve')).toBe('approved');
  });
  it('lets the kecamatan or kabupaten send it back to the desa', () => {
    expect(nextEntryState('submitted', 'return')).toBe('draft');
    expect(nextEntryState('verified', 'return')).toBe('draft');
  });
  it('locks an approved year and refuses skipped steps', () => {
    for (const action of ['save', 'submit', 'verify', 'approve', 'return'] as const) {
      expect(() => nextEntryState('approved', action)).toThrowError(
        expect.objectContaining({ code: 'INVALID_STATE' }),
      );
    }
    expect(() => nextEntryState('draft', 'approve')).toThrow();
    expect(() => nextEntryState('submitted', 'save')).toThrow();
  });
});

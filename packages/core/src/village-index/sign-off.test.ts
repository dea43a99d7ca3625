import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, can } from '../auth/policy.ts';
import { parseRegionCode } from '../regions/region-code.ts';
import { entryAbilities, entryStates, entryStep, entryStepPermission, nextEntryState } from './sign-off.ts';

describe('sign-off chain', () => {
  it('goes draft -> submitted -> verified -> approved', () => {
    expect(nextEntryState(null, 'save')).toBe('draft');
    expect(nextEntryState('draft', 'submit')).toBe('submitted');
    expect(nextEntryState('submitted', 'verify')).toBe('verified');
    expect(nextEntryState('verified', 'approve')).toBe('approved');
  });
  it('lets the kecamatan or kabupaten send it back to the desa', () => {
    expect(nextEntryState('submitted', 'return', 'Skor IKL tidak sesuai data')).toBe('draft');
    expect(() => nextEntryState('submitted', 'return')).toThrowError(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(nextEntryState('verified', 'return', 'Periksa lagi')).toBe('draft');
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

describe('who takes each step', () => {
  const jaten = parseRegionCode('35.05.01.2001');
  const desa: Actor = { role: 'desa', userId: 'd', regionCode: jaten };
  const otherDesa: Actor = { role: 'desa', userId: 'e', regionCode: parseRegionCode('35.05.02.2001') };
  const kec: Actor = { role: 'kecamatan', userId: 'k', regionCode: parseRegionCode('35.05.01') };
  const bappeda: Actor = { role: 'perencana', userId: 'p' };
  it('gives the desa its own entry, the kecamatan the verification, Bappeda the approval', () => {
    expect(entryAbilities(desa, jaten, 'draft')).toMatchObject({ save: true, submit: true, verify: false });
    expect(entryAbilities(otherDesa, jaten, 'draft')).toMatchObject({ save: false, submit: false });
    expect(entryStep(otherDesa, 'save', jaten)).toBe('out_of_scope');
    expect(entryAbilities(kec, jaten, 'submitted')).toMatchObject({
      verify: true,
      return: true,
      approve: false,
    });
    expect(entryAbilities(bappeda, jaten, 'verified')).toMatchObject({
      approve: true,
      return: true,
      verify: false,
    });
    expect(entryAbilities(bappeda, jaten, 'approved')).toEqual({
      save: false,
      submit: false,
      verify: false,
      approve: false,
      return: false,
    });
  });
  it('offers a step only when the chain allows it and the role holds its permission', () => {
    const roles = ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.constantFrom(null, ...entryStates),
        fc.constantFrom('35.05.01', '35.05.01.2001', '35.05.02'),
        (role, state, area) => {
          const actor = { role, userId: 'u', regionCode: parseRegionCode(area) } as Actor;
          for (const [action, ok] of Object.entries(entryAbilities(actor, jaten, state))) {
            if (!ok) continue;
            const a = action as keyof typeof entryStepPermission;
            expect(can(actor, entryStepPermission[a])).toBe(true);
            expect(() => nextEntryState(state, a, 'alasan pengembalian')).not.toThrow();
          }
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { LOCKOUT_THRESHOLD, lockoutMinutes, passwordProblem } from './password.ts';

describe('password rules', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('kebun kopi di lereng kelud', 'siti')).toBeNull();
  });
  it('refuses short, common and username-equal passwords', () => {
    expect(passwordProblem('short', 'siti')).toBe('too_short');
    expect(passwordProblem('password123', 'siti')).toBe('too_common');
    expect(passwordProblem('sitirahayu99', 'SitiRahayu99')).toBe('same_as_username');
    expect(passwordProblem('x'.repeat(129), 'siti')).toBe('too_long');
  });
  it('locks only from the threshold on, doubling and capped at a day', () => {
    expect(lockoutMinutes(LOCKOUT_THRESHOLD - 1)).toBe(0);
    expect(lockoutMinutes(LOCKOUT_THRESHOLD)).toBe(15);
    expect(lockoutMinutes(LOCKOUT_THRESHOLD + 1)).toBe(30);
    expect(lockoutMinutes(LOCKOUT_THRESHOLD + 20)).toBe(24 * 60);
  });
});

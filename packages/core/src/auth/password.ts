/**
 * Password rules, pure so that the server and the web tell the user the same thing.
 * NIST SP 800-63B: length over composition; refuse known-bad choices.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_username' | 'too_common';

const common = new Set([
  'password',
  'password123',
  '1234567890',
  'qwertyuiop',
  'sinergi123',
  'blitar1234',
  'admin12345',
]);

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (password.toLowerCase() === username.toLowerCase()) return 'same_as_username';
  if (common.has(password.toLowerCase())) return 'too_common';
  return null;
}

/** Lockout after repeated failures: the window doubles with each further failure, capped. */
export const LOCKOUT_THRESHOLD = 5;
export function lockoutMinutes(failedAttempts: number): number {
  if (failedAttempts < LOCKOUT_THRESHOLD) return 0;
  return Math.min(15 * 2 ** (failedAttempts - LOCKOUT_THRESHOLD), 24 * 60);
}

import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal identifiers (NIK, No. KK) as DESIGN.md requires: encrypted at rest with AES-256-GCM under
 * the key from PERSONAL_DATA_KEY, and found again through a keyed hash (HMAC-SHA-256), so that an
 * exact lookup or a duplicate check never needs the clear value in the database, a URL or a log.
 */
export type IdentifierKind = 'nik' | 'kk' | 'pb-code' | 'aspiration-photo';

/** The keyed hash for exact lookup; the kind is part of the input, so a NIK never matches a KK. */
export function keyedHash(key: Buffer, kind: IdentifierKind, value: string): string {
  return createHmac('sha256', key).update(`${kind}:${value}`).digest('base64url');
}

/** iv (12 bytes) + tag (16 bytes) + ciphertext, base64url. */
export function encrypt(key: Buffer, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function decrypt(key: Buffer, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** 3505xxxxxxxx1234 → 3505********1234: enough to recognise, not enough to use. */
export function maskIdentifier(value: string): string {
  return value.length <= 8
    ? '*'.repeat(value.length)
    : `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** A NIK or No. KK: 16 digits whose first six are a kabupaten/kecamatan code (Permendagri 108/2019). */
export const IDENTIFIER_PATTERN = /^\d{16}$/;

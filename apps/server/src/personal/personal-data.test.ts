import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, keyedHash, maskIdentifier } from './personal-data.ts';

const key = Buffer.alloc(32, 7);

describe('personal identifiers', () => {
  it('encrypts with a fresh nonce each time and decrypts back; a changed byte is refused', () => {
    const a = encrypt(key, '3505012345670001');
    expect(a).not.toBe(encrypt(key, '3505012345670001'));
    expect(a).not.toContain('3505012345670001');
    expect(decrypt(key, a)).toBe('3505012345670001');
    // A character in the middle carries six bits of the ciphertext (one near the end may be padding).
    const at = Math.floor(a.length / 2);
    const tampered = `${a.slice(0, at)}${a[at] === 'A' ? 'B' : 'A'}${a.slice(at + 1)}`;
    expect(() => decrypt(key, tampered)).toThrow();
    expect(() => decrypt(Buffer.alloc(32, 8), a)).toThrow();
  });

  it('hashes by key and kind, so the same digits as NIK and as KK, or under another key, differ', () => {
    const h = keyedHash(key, 'nik', '3505012345670001');
    expect(h).toBe(keyedHash(key, 'nik', '3505012345670001'));
    expect(h).not.toBe(keyedHash(key, 'kk', '3505012345670001'));
    expect(h).not.toBe(keyedHash(Buffer.alloc(32, 8), 'nik', '3505012345670001'));
  });

  it('masks all but the first and last four digits', () => {
    expect(maskIdentifier('3505012345670001')).toBe('3505********0001');
  });
});

import { describe, expect, it } from 'vitest';
import { fieldLabel } from './messages.ts';

describe('field labels', () => {
  it('name a place in an uploaded file in the reader’s language', () => {
    expect(fieldLabel('id', 'line 3, column KODE_DESA')).toBe('baris 3, kolom KODE_DESA');
    expect(fieldLabel('id', 'sheet Pohon, line 4, column induk')).toBe('lembar Pohon, baris 4, kolom induk');
    expect(fieldLabel('en', 'sheet Pohon, line 4, column induk')).toBe('sheet Pohon, line 4, column induk');
    expect(fieldLabel('id', 'line 12')).toBe('baris 12');
  });

  it('name a body field by its last name, skipping list positions', () => {
    expect(fieldLabel('id', 'body.vote.2')).toBe('Pilihan');
    expect(fieldLabel('en', 'body.budget')).toBe('Budget');
  });
});

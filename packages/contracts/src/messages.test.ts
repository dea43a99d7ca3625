import { describe, expect, it } from 'vitest';
import { fieldLabel } from './messages.ts';

describe('field labels', () => {
  it('name a place in an uploaded file in the reader’s language', () => {
    expect(fieldLabel('id', 'line 3, column KODE_DESA')).toBe('baris 3, kolom KODE_DESA');
    expect(fieldLabel('id', 'sheet Pohon, line 4, column induk')).toBe('lembar Pohon, baris 4, kolom induk');
    expect(fieldLabel('en', 'sheet Pohon, line 4, column induk')).toBe('sheet Pohon, line 4, column induk');
    expect(fieldLabel('id', 'line 12')).toBe('baris 12');
  });

  it('name a body field by its nearest named part, with its place in a list', () => {
    expect(fieldLabel('id', 'body.vote.2')).toBe('Pilihan ke-3');
    expect(fieldLabel('en', 'body.vote.2')).toBe('Choices #3');
    expect(fieldLabel('en', 'body.budget')).toBe('Budget');
    expect(fieldLabel('id', 'body.budget.dua ribu')).toBe('Pagu');
    expect(fieldLabel('id', 'body.scores.IKS13_KURSUS')).toBe('Lembaga kursus');
    expect(fieldLabel('id', 'params.id')).toBe('Data');
    expect(fieldLabel('id', 'body')).toBe('Isian');
  });
});

describe('a step the state does not allow', () => {
  it('is said with the state and action in words, never codes', async () => {
    const { errorMessage } = await import('./messages.ts');
    expect(errorMessage('id', 'INVALID_STATE', { action: 'verifikasi', state: 'ditolak' })).toBe(
      'Tidak dapat memverifikasi data yang berstatus ditolak.',
    );
    expect(errorMessage('en', 'INVALID_STATE', { action: 'save', state: 'official' })).toBe(
      'Cannot save a record that is official.',
    );
    expect(errorMessage('id', 'INVALID_STATE', { state: 'not_solved' })).toBe(
      'Tindakan ini tidak dapat dilakukan pada data yang berstatus belum dihitung.',
    );
    expect(errorMessage('id', 'INVALID_STATE', { state: 'zzz' })).not.toContain('zzz');
  });
  it('knows every state of the state machines in core', async () => {
    const { stateWords } = await import('./messages-states.ts');
    const { cycleStates, proposalStates, entryStates } = await import('@sinergi/core');
    for (const state of [...cycleStates, ...proposalStates, ...entryStates])
      expect(stateWords[state], state).toBeDefined();
  });
});

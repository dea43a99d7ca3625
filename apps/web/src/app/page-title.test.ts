import { describe, expect, it } from 'vitest';
import { sectionOf } from './page-title.ts';

describe('the navigation entry a page is under, for its title', () => {
  it('takes the longest address the page is under, the reader’s own entry where two share one', () => {
    expect(sectionOf('/indeks-desa', 'public')?.label).toBe('nav.villageIndex');
    expect(sectionOf('/indeks-desa/35.05.01.2001', 'public')?.label).toBe('nav.villageIndex');
    expect(sectionOf('/indeks-desa/impor', 'perencana')?.label).toBe('nav.indexImport');
    expect(sectionOf('/indeks-desa/verifikasi', 'desa')?.label).toBe('nav.indexEntry');
    expect(sectionOf('/indeks-desa/verifikasi', 'perencana')?.label).toBe('nav.worklist');
    expect(sectionOf('/', 'public')?.label).toBe('nav.home');
    expect(sectionOf('/akun', 'desa')?.label).toBe('nav.account');
  });

  it('names no section for an address under none, nor for one that only shares its first letters', () => {
    expect(sectionOf('/tidak-ada', 'public')).toBeUndefined();
    expect(sectionOf('/indeks-desaku', 'public')).toBeUndefined();
  });
});

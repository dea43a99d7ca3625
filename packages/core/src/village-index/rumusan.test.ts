import { describe, expect, it } from 'vitest';
import { round4 } from './engine.ts';
import { idm2024Indicators, rumusanOf } from './fixtures.ts';
import { readRumusan } from './rumusan.ts';
import { indicatorsOf } from './scheme.ts';
import { idm2016 } from './schemes/idm-2016.ts';

const jatenRow = idm2024Indicators.find((r) => r.kode_desa === '35.05.01.2001')!;

describe("Kemendesa's per-desa rumusan", () => {
  it("reads Jaten's 2024 file: 50 scores in the scheme's order, checked against the file's subtotals", () => {
    const r = readRumusan(idm2016, rumusanOf(jatenRow), null);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.result.code).toBe('35.05.01.2001');
    expect(r.result.year).toBe(2024);
    for (const ind of indicatorsOf(idm2016))
      expect(r.result.scores[ind.code]).toBe(Number(jatenRow[ind.code]));
    expect(Object.keys(r.result.activities).length).toBeGreaterThan(0);
    // Unwrapped documents (without the API envelope) read the same.
    expect(readRumusan(idm2016, rumusanOf(jatenRow).mapData, null).ok).toBe(true);
  });

  it('takes the desa code from the caller when the file has none, and says so when neither has it', () => {
    const doc = rumusanOf(jatenRow, false);
    expect(readRumusan(idm2016, doc, null)).toMatchObject({
      ok: false,
      issues: [{ field: 'IDENTITAS.kode_desa', issue: 'no_desa_code' }],
    });
    expect(readRumusan(idm2016, doc, '3505012001')).toMatchObject({
      ok: true,
      result: { code: '35.05.01.2001' },
    });
  });

  it('refuses a file whose scores do not add up to its own IKS and IDM, naming the row', () => {
    const doc = rumusanOf(jatenRow);
    const first = doc.mapData.ROW[0] as { SKOR: number };
    first.SKOR = first.SKOR === 5 ? 4 : first.SKOR + 1;
    const r = readRumusan(idm2016, doc, null);
    if (r.ok) throw new Error('expected a refusal');
    const iks = round4(Number(jatenRow.iks_recomputed));
    expect(r.issues[0]).toMatchObject({ field: 'ROW 36 (IKS 2024), SKOR', issue: 'composite_mismatch' });
    expect(r.issues[0]!.params!.expected).not.toBe(iks.toFixed(4));
  });

  it('refuses scores out of range, missing rows and documents of another shape', () => {
    const doc = rumusanOf(jatenRow);
    (doc.mapData.ROW[2] as { SKOR: number }).SKOR = 7;
    expect(readRumusan(idm2016, doc, null)).toMatchObject({
      ok: false,
      issues: [{ field: 'ROW 3 (NO 3), SKOR', issue: 'score_range' }],
    });
    const short = rumusanOf(jatenRow);
    short.mapData.ROW.splice(5, 1);
    expect(readRumusan(idm2016, short, null)).toMatchObject({
      ok: false,
      issues: [{ issue: 'indicator_rows' }],
    });
    expect(readRumusan(idm2016, { hello: 'world' }, null)).toMatchObject({
      ok: false,
      issues: [{ field: 'ROW', issue: 'not_rumusan' }],
    });
    expect(readRumusan(idm2016, [1, 2], null).ok).toBe(false);
  });
});

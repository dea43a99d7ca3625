import type { FieldIssue } from '../errors/app-error.ts';
import { desaCodeFrom } from '../regions/region-code.ts';
import { computeIndex, round4 } from './engine.ts';
import { type IndexScheme, indicatorsOf } from './scheme.ts';

/**
 * Kemendesa's per-desa IDM result ("rumusan"), as villages keep it: `ROW` (or `ROWS`) lists each
 * indicator with NO, INDIKATOR, SKOR, KETERANGAN, KEGIATAN, NILAI and who can act (PUSAT, PROV,
 * KAB, DESA, CSR, LAINNYA); subtotal rows carry NO = null and INDIKATOR "IKS 2024", "IKE 2024",
 * "IKL 2024", "IDM 2024", "STATUS IDM 2024"; `SUMMARIES` gives SKOR_SAAT_INI, STATUS,
 * TARGET_STATUS, SKOR_MINIMAL, PENAMBAHAN and TAHUN; `IDENTITAS` names the desa (domain facts).
 * The document may come as the API's envelope (`mapData`) or unwrapped.
 *
 * Indicators are matched by NO in the scheme's order (1..35 IKS, 36..47 IKE, 48..50 IKL); the
 * scores are then checked against the file's own subtotals, so a file that does not add up, or a
 * scheme whose order differs, is refused instead of being stored wrong.
 */
export interface RumusanResult {
  code: string;
  year: number;
  scores: Record<string, number>;
  /** What Kemendesa recommends per indicator (KEGIATAN), where the file gives it. */
  activities: Record<string, string>;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function numberOf(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v.trim().replace(',', '.'));
  return Number.NaN;
}

/**
 * Reads one rumusan document. `codeHint` (e.g. from the file name or the user) is used when the
 * document does not carry the desa code. Problems are returned, each naming the row and field.
 */
export function readRumusan(
  scheme: IndexScheme,
  doc: unknown,
  codeHint: string | null,
): { ok: true; result: RumusanResult } | { ok: false; issues: FieldIssue[] } {
  const body = isRec(doc) && isRec(doc.mapData) ? doc.mapData : doc;
  const rows = isRec(body) ? (body.ROW ?? body.ROWS) : undefined;
  if (!isRec(body) || !Array.isArray(rows))
    return { ok: false, issues: [{ field: 'ROW', issue: 'not_rumusan' }] };
  const issues: FieldIssue[] = [];
  const summaries = isRec(body.SUMMARIES) ? body.SUMMARIES : {};
  const identity = Array.isArray(body.IDENTITAS) && isRec(body.IDENTITAS[0]) ? body.IDENTITAS[0] : {};

  const fromFile = ['kode_desa', 'KODE_DESA', 'kode_wilayah', 'KODE_WILAYAH', 'kode_kemendagri']
    .map((k) => identity[k])
    .find((v) => v != null);
  const code = desaCodeFrom(fromFile) ?? desaCodeFrom(codeHint);
  if (!code) issues.push({ field: 'IDENTITAS.kode_desa', issue: 'no_desa_code' });

  const indicators = indicatorsOf(scheme);
  const scores: Record<string, number> = {};
  const activities: Record<string, string> = {};
  const subtotals = new Map<string, { value: unknown; row: number }>();
  let yearFromRows: number | null = null;
  let numbered = 0;
  rows.forEach((row, i) => {
    if (!isRec(row)) {
      issues.push({ field: `ROW ${i + 1}`, issue: 'invalid_type', params: { expected: 'object' } });
      return;
    }
    const no = row.NO;
    if (no === null || no === undefined || no === '') {
      const label = String(row.INDIKATOR ?? '')
        .trim()
        .toUpperCase();
      const m = /^(.*\S)\s+(\d{4})$/.exec(label);
      if (m) {
        subtotals.set(m[1]!, {
          value: label.startsWith('STATUS') ? (row.SKOR ?? row.KETERANGAN) : row.SKOR,
          row: i + 1,
        });
        yearFromRows = Number(m[2]);
      }
      return;
    }
    const n = numberOf(no);
    const ind = Number.isInteger(n) ? indicators[n - 1] : undefined;
    if (!ind || scores[ind.code] !== undefined) {
      issues.push({
        field: `ROW ${i + 1}, NO`,
        issue: 'indicator_rows',
        params: { expected: indicators.length },
      });
      return;
    }
    numbered++;
    const s = numberOf(row.SKOR);
    if (!Number.isInteger(s) || s < scheme.scoreMin || s > scheme.scoreMax) {
      issues.push({
        field: `ROW ${i + 1} (NO ${n}), SKOR`,
        issue: 'score_range',
        params: { min: scheme.scoreMin, max: scheme.scoreMax },
      });
    }
    scores[ind.code] = s;
    if (typeof row.KEGIATAN === 'string' && row.KEGIATAN.trim())
      activities[ind.code] = row.KEGIATAN.trim().slice(0, 500);
  });
  if (numbered !== indicators.length && !issues.some((x) => x.issue === 'indicator_rows'))
    issues.push({ field: 'ROW', issue: 'indicator_rows', params: { expected: indicators.length } });

  const year = Number.isInteger(numberOf(summaries.TAHUN)) ? numberOf(summaries.TAHUN) : yearFromRows;
  if (!year || year < 2015 || year > 2100) issues.push({ field: 'SUMMARIES.TAHUN', issue: 'no_year' });
  if (issues.length) return { ok: false, issues };

  // The file's own subtotals must agree with its scores (4 decimals, as Kemendesa publishes).
  const r = computeIndex(scheme, scores);
  const check = (label: string, computed: number) => {
    const given = subtotals.get(label);
    if (!given) return;
    const v = numberOf(given.value);
    if (!Number.isFinite(v) || Math.abs(round4(v) - round4(computed)) > 0.00005)
      issues.push({
        field: `ROW ${given.row} (${label} ${year}), SKOR`,
        issue: 'composite_mismatch',
        params: { expected: round4(computed).toFixed(4) },
      });
  };
  for (const d of r.dimensions) check(d.code, d.value);
  check('IDM', r.value);
  const status = String(summaries.STATUS ?? subtotals.get('STATUS IDM')?.value ?? '')
    .trim()
    .toUpperCase();
  if (status && status !== r.status.code)
    issues.push({ field: 'SUMMARIES.STATUS', issue: 'status_mismatch', params: { expected: r.status.code } });
  if (issues.length) return { ok: false, issues };
  return { ok: true, result: { code: code!, year: year!, scores, activities } };
}

import { formatRupiah } from '@sinergi/core';
import { sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import type { Explanation } from './allocation.explain.ts';
import type { getScenario } from './allocation.service.ts';

type Scenario = Awaited<ReturnType<typeof getScenario>>;

/** A rule in words, as the report prints it. */
export function ruleLabel(r: Record<string, unknown>): string {
  switch (r.kind) {
    case 'budget':
      return 'pagu';
    case 'opdCap':
      return `batas atas OPD ${r.key}`;
    case 'opdFloor':
      return `batas bawah OPD ${r.key}`;
    case 'bidangCap':
      return `batas atas bidang ${r.key}`;
    case 'bidangFloor':
      return `batas bawah bidang ${r.key}`;
    case 'kecamatanFloor':
      return `batas bawah kecamatan ${r.key}`;
    case 'mustFund':
      return `wajib didanai ${r.id}`;
    case 'requires':
      return `${r.b} hanya bila ${r.a}`;
    case 'exclusive':
      return `paling banyak satu dari ${(r.ids as string[]).join(', ')}`;
    case 'yearCeiling':
      return `pagu tahun ${r.year}`;
    default:
      return String(r.kind);
  }
}

function reason(e: Explanation | undefined): string {
  if (!e) return '';
  if (e.selected)
    return e.displaced?.length
      ? `terpilih; menggeser ${e.displaced.join(', ')} dari daftar urut nilai`
      : 'terpilih';
  const parts = [`aturan mengikat: ${(e.binding ?? []).map(ruleLabel).join('; ')}`];
  if (e.scoreLoss !== undefined)
    parts.push(
      `mendanainya menurunkan nilai total ${e.scoreLoss.toFixed(2)}${e.displaced?.length ? ` dan menggeser ${e.displaced.join(', ')}` : ''}`,
    );
  if (e.maxCost !== undefined)
    parts.push(
      e.maxCost === null
        ? 'tidak terpilih walau biayanya nol'
        : `terpilih bila biayanya paling banyak ${formatRupiah(e.maxCost)}`,
    );
  return parts.join('; ');
}

/** The scenario as a workbook: summary, every candidate with its decision and reason, spending, conflicts. */
export function scenarioXlsx(s: Scenario): Promise<Buffer> {
  const r = s.result;
  const summary: [string, string | number | null][] = [
    ['skenario', s.name],
    ['tahun rencana', s.planYear],
    ['pagu (Rp)', s.budget],
    ['status', r?.status ?? 'belum dihitung'],
    ['nilai optimal', r?.objective ?? null],
    ['biaya optimal (Rp)', r?.cost ?? null],
    ['gap terbukti', r?.gap ?? null],
    ['nilai daftar urut', r?.greedy.objective ?? null],
    ['biaya daftar urut (Rp)', r?.greedy.cost ?? null],
    [
      'selisih nilai (%)',
      r?.objective != null && r.greedy.objective > 0
        ? Math.round((r.objective / r.greedy.objective - 1) * 10000) / 100
        : null,
    ],
    ...s.criteria.map((c) => [`bobot ${c.code}`, r?.weights[c.code] ?? c.weight] as [string, number]),
    ['rasio konsistensi AHP', r?.consistencyRatio ?? null],
    ['dihitung', r?.computedAt ?? null],
  ];
  type Cand = Scenario['candidates'][number];
  const spending = r
    ? (['kecamatan', 'opd', 'bidang'] as const).flatMap((dim) => {
        const keys = new Set([
          ...Object.keys(r.spending.optimum[dim]),
          ...Object.keys(r.spending.greedy[dim]),
        ]);
        return [...keys].map((k) => ({
          dim,
          k,
          opt: r.spending.optimum[dim][k] ?? 0,
          greedy: r.spending.greedy[dim][k] ?? 0,
        }));
      })
    : [];
  const sheets = [
    sheet(
      'Ringkasan',
      [
        { header: 'butir', width: 28, value: (x) => x[0] },
        { header: 'nilai', width: 40, value: (x) => x[1] },
      ],
      summary,
    ),
    sheet<Cand>(
      'Usulan',
      [
        { header: 'kode_lacak', width: 16, value: (c) => c.trackingCode },
        { header: 'usulan', width: 40, value: (c) => c.title },
        { header: 'desa', width: 16, value: (c) => c.regionName },
        { header: 'kecamatan', width: 16, value: (c) => c.kecamatanName },
        { header: 'opd', width: 12, value: (c) => c.opd },
        { header: 'bidang', width: 14, value: (c) => c.bidang },
        { header: 'biaya_rp', width: 16, format: '#,##0', total: true, value: (c) => c.cost },
        { header: 'nilai', width: 8, format: '0.00', value: (c) => c.score },
        { header: 'optimal', width: 8, value: (c) => (c.inOptimum ? 'ya' : 'tidak') },
        { header: 'daftar_urut', width: 10, value: (c) => (c.inGreedy ? 'ya' : 'tidak') },
        {
          header: 'alasan',
          width: 80,
          value: (c) => reason(s.explanations[c.id] as Explanation | undefined),
        },
      ],
      [...s.candidates].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)),
      [`Skenario anggaran: ${s.name}`, `Rencana tahun ${s.planYear} · pagu ${formatRupiah(s.budget)}`],
    ),
    sheet(
      'Belanja',
      [
        { header: 'menurut', value: (x) => x.dim },
        { header: 'kelompok', width: 24, value: (x) => x.k },
        { header: 'optimal_rp', width: 16, format: '#,##0', value: (x) => x.opt },
        { header: 'daftar_urut_rp', width: 16, format: '#,##0', value: (x) => x.greedy },
      ],
      spending,
    ),
  ];
  if (r?.conflicts)
    sheets.push(
      sheet(
        'Konflik',
        [
          { header: 'aturan', width: 50, value: (x) => x.rule },
          { header: 'longgarkan', width: 20, value: (x) => x.by },
        ],
        [
          ...r.conflicts.map((c) => ({ rule: `bertentangan: ${ruleLabel(c)}`, by: null as number | null })),
          ...(r.relaxation ?? []).map((x) => ({ rule: `pelonggaran: ${ruleLabel(x.rule)}`, by: x.by })),
        ],
      ),
    );
  return xlsxOfSheets(sheets, { title: `Skenario anggaran ${s.name}` });
}

import { formatNumber, formatRupiah, todayIn } from '@sinergi/core';
import { type Letterhead, letterhead, numberLine, signedBy } from '../../reports/letterhead.ts';
import { headerRow, printedFooter, renderPdf } from '../../reports/pdf.ts';
import { sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import type { matrix } from './plans.analysis.ts';

/**
 * The "matriks sinkronisasi" as Bappeda files it: for each RPJMD sasaran, the national priorities
 * it serves and every Renja program and RKPDes item below it with its pagu of the year and its
 * share of all the pagu; the work that serves nothing; and the alignment score of each OPD and desa.
 * The same rows feed the XLSX and the PDF.
 */
type Matrix = Awaited<ReturnType<typeof matrix>>;

const kindName: Record<string, string> = {
  program: 'Program',
  kegiatan: 'Kegiatan',
  subkegiatan: 'Sub-kegiatan',
  rkpdes: 'Kegiatan RKPDes',
};
const NONE = '— belum ada program atau kegiatan —';

/** The words of a matrix: a kabupaten's (RPJMD toward its OPD and desa) or a province's. */
export interface MatrixLabels {
  goal: string;
  target: string;
  owner: string;
  scores: string;
  scoresHeading: string;
  villages: string | null;
  subtitle: string;
}
const kabupatenLabels: MatrixLabels = {
  goal: 'Tujuan RPJMD',
  target: 'Sasaran RPJMD',
  owner: 'Perangkat daerah / desa',
  scores: 'Skor OPD dan desa',
  scoresHeading: 'Skor keselarasan perangkat daerah dan desa',
  villages: 'Keselarasan desa',
  subtitle: 'RPJPN – RPJMD – Renja perangkat daerah – RKPDes',
};
export const provinceLabels: MatrixLabels = {
  goal: 'Tujuan RPJMD provinsi',
  target: 'Sasaran RPJMD provinsi',
  owner: 'Kabupaten/kota · perangkat daerah',
  // A sheet's name may not hold a slash.
  scores: 'Skor kabupaten dan kota',
  scoresHeading: 'Skor keselarasan kabupaten/kota dan perangkat daerah provinsi',
  villages: null,
  subtitle: 'RPJMN – RPJMD provinsi – RPJMD, Renstra dan Renja kabupaten/kota',
};

const UNFUNDED = (year: string) => `— ada program, tanpa pagu ${year} —`;

/**
 * One line per target and item carrying pagu in the year; a target served only by items without
 * pagu this year gets one line saying so, and a target with nothing below one line saying that.
 */
export function matrixLines(m: Matrix) {
  return m.rows.flatMap((r, i) => {
    const head = {
      no: i + 1,
      priorities: r.priorities.join('; '),
      goal: r.goal ?? '',
      target: r.target,
    };
    const funded = r.serving.filter((w) => w.amount > 0);
    if (!funded.length)
      return [
        {
          ...head,
          owner: '',
          plan: '',
          kind: '',
          code: '',
          item: r.serving.length ? UNFUNDED(m.year) : NONE,
          amount: 0,
        },
      ];
    return funded.map((w) => ({
      ...head,
      owner: w.owner,
      plan: w.plan,
      kind: kindName[w.kind] ?? w.kind,
      code: w.code ?? '',
      item: w.title,
      amount: w.amount,
    }));
  });
}

const share = (amount: number, total: number) => (total > 0 ? amount / total : null);

export function matrixXlsx(m: Matrix, scope: string, labels = kabupatenLabels): Promise<Buffer> {
  type Line = ReturnType<typeof matrixLines>[number];
  type Row = Matrix['rows'][number];
  type Score = Matrix['scores'][number];
  type Orphan = Matrix['orphans'][number];
  const scoreColumns = [
    { header: 'Pemilik', width: 40, value: (s: Score) => s.ownerName },
    { header: `Pagu ${m.year} (Rp)`, width: 18, format: '#,##0', value: (s: Score) => s.total },
    { header: 'Pagu selaras (Rp)', width: 18, format: '#,##0', value: (s: Score) => s.aligned },
    { header: 'Skor (%)', width: 10, format: '0.0', value: (s: Score) => s.score },
  ];
  return xlsxOfSheets(
    [
      sheet<Line>(
        'Matriks sinkronisasi',
        [
          { header: 'No', width: 5, value: (l) => l.no },
          { header: 'Prioritas nasional', width: 34, value: (l) => l.priorities },
          { header: labels.goal, width: 34, value: (l) => l.goal },
          { header: labels.target, width: 34, value: (l) => l.target },
          { header: labels.owner, width: 28, value: (l) => l.owner },
          { header: 'Dokumen', width: 26, value: (l) => l.plan },
          { header: 'Jenis', width: 14, value: (l) => l.kind },
          { header: 'Kode', width: 14, value: (l) => l.code },
          { header: 'Program / kegiatan', width: 44, value: (l) => l.item },
          { header: `Pagu ${m.year} (Rp)`, width: 18, format: '#,##0', value: (l) => l.amount },
          { header: 'Porsi (%)', width: 10, format: '0.00', value: (l) => pctOf(l.amount, m.total) },
        ],
        matrixLines(m),
      ),
      sheet<Row>(
        'Ringkasan per sasaran',
        [
          { header: labels.target, width: 44, value: (r) => r.target },
          { header: 'Prioritas nasional', width: 40, value: (r) => r.priorities.join('; ') },
          { header: 'Jumlah butir', width: 12, value: (r) => r.serving.length },
          { header: `Pagu ${m.year} (Rp)`, width: 18, format: '#,##0', value: (r) => r.amount },
          { header: 'Porsi (%)', width: 10, format: '0.00', value: (r) => pctOf(r.amount, m.total) },
        ],
        [
          ...m.rows,
          // The money that serves no kabupaten target, and the total, as the last two rows.
          {
            target: `Tidak melayani ${labels.target.toLowerCase().replace('rpjmd', 'RPJMD')}`,
            priorities: [],
            serving: [],
            amount: m.total - m.served,
            goal: null,
          },
          { target: 'JUMLAH', priorities: [], serving: [], amount: m.total, goal: null },
        ],
      ),
      sheet<Orphan>(
        'Tidak mendukung',
        [
          { header: 'Butir', width: 50, value: (o) => o.title },
          { header: 'Dokumen', width: 30, value: (o) => o.plan },
          { header: 'Pemilik', width: 34, value: (o) => o.ownerName ?? '' },
        ],
        m.orphans,
      ),
      sheet<Score>(labels.scores, scoreColumns, m.scores),
      ...(labels.villages ? [sheet<Score>(labels.villages, scoreColumns, m.villages)] : []),
    ],
    { title: `Matriks sinkronisasi perencanaan tahun ${m.year}`, scope },
  );
}

const pctOf = (amount: number, total: number) => {
  const s = share(amount, total);
  return s === null ? null : Math.round(s * 10000) / 100;
};

export function matrixPdf(
  m: Matrix,
  printedAt: Date,
  head: Letterhead,
  labels = kabupatenLabels,
): Promise<Buffer> {
  const lines = matrixLines(m);
  const pct = (x: number) => {
    const p = pctOf(x, m.total);
    return p === null ? '–' : `${formatNumber(p, 2)} %`;
  };
  const body = [
    headerRow([
      'No',
      'Prioritas nasional',
      labels.target,
      labels.owner,
      'Program / kegiatan',
      `Pagu ${m.year}`,
      'Porsi',
    ]),
    // The number, priorities and target are written once per target, spanning its lines.
    ...lines.map((l, k) => {
      const first = k === 0 || lines[k - 1]!.no !== l.no;
      const span = lines.filter((x) => x.no === l.no).length;
      const spanned = (text: string) => (first ? { text, rowSpan: span } : {});
      return [
        spanned(String(l.no)),
        spanned(l.priorities || '–'),
        spanned(l.target),
        l.owner,
        l.item === NONE || l.item.startsWith('—')
          ? { text: l.item, color: '#c92a2a' }
          : `${l.code ? `${l.code} ` : ''}${l.item}`,
        { text: formatRupiah(l.amount), alignment: 'right' },
        { text: pct(l.amount), alignment: 'right' },
      ];
    }),
  ];
  const scores = [
    headerRow(['Pemilik', `Pagu ${m.year}`, 'Pagu selaras', 'Skor']),
    ...[...m.scores].map((s) => [
      s.ownerName,
      { text: formatRupiah(s.total), alignment: 'right' },
      { text: formatRupiah(s.aligned), alignment: 'right' },
      { text: s.score === null ? '–' : `${formatNumber(s.score, 1)} %`, alignment: 'right' },
    ]),
  ];
  return renderPdf({
    pageOrientation: 'landscape',
    pageMargins: [24, 40, 24, 40],
    footer: printedFooter(printedAt),
    content: [
      ...letterhead(head, 794),
      { text: 'MATRIKS SINKRONISASI PERENCANAAN', bold: true, fontSize: 12, alignment: 'center' },
      {
        text: `${labels.subtitle} · tahun ${m.year}`,
        alignment: 'center',
        margin: [0, 2, 0, 2],
      },
      ...numberLine(head),
      ...(m.sample
        ? [
            {
              text: 'Memuat DATA CONTOH untuk demonstrasi.',
              color: '#c92a2a',
              alignment: 'center',
              margin: [0, 0, 0, 6],
            },
          ]
        : []),
      {
        text: `Jumlah pagu ${m.year}: ${formatRupiah(m.total)}; melayani ${labels.target.toLowerCase().replace('rpjmd', 'RPJMD')}: ${formatRupiah(m.served)} (${pct(m.served)}); tidak melayani: ${formatRupiah(m.total - m.served)} (${pct(m.total - m.served)}).`,
        margin: [0, 0, 0, 6],
      },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [18, 120, 130, 110, '*', 80, 40], body },
        fontSize: 7,
      },
      { text: labels.scoresHeading, bold: true, margin: [0, 12, 0, 4] },
      { table: { headerRows: 1, widths: ['*', 90, 90, 50], body: scores }, fontSize: 7 },
      ...(m.orphans.length
        ? [
            { text: 'Butir yang tidak mendukung sasaran mana pun', bold: true, margin: [0, 12, 0, 4] },
            { ul: m.orphans.map((o) => `${o.title} (${o.plan})`), fontSize: 8 },
          ]
        : []),
      signedBy(head, todayIn(undefined, printedAt), [], ['Kepala Bappeda']),
    ],
  });
}

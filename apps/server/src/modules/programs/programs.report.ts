import { formatDateTime, formatNumber, formatRupiah, indicators, todayIn } from '@sinergi/core';
import { type Letterhead, letterhead, numberLine, signedBy } from '../../reports/letterhead.ts';
import { headerRow, printedFooter, renderPdf } from '../../reports/pdf.ts';
import { sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import type { evaluate } from './programs.service.ts';

type Evaluation = Awaited<ReturnType<typeof evaluate>>;
type Outcome = Evaluation['evaluation']['outcomes'][number];

const sections = [
  ['pendahuluan', 'Pendahuluan'],
  ['tujuan', 'Tujuan'],
  ['pelaksanaan', 'Pelaksanaan'],
  ['dampak', 'Dampak positif'],
  ['tantangan', 'Tantangan'],
  ['rekomendasi', 'Rekomendasi'],
  ['kesimpulan', 'Kesimpulan'],
] as const;

const label = (i: string) => indicators[i]?.label ?? i;
const value = (i: string, x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x)
    ? '–'
    : indicators[i]?.money
      ? formatRupiah(Math.round(x))
      : formatNumber(x, Number.isInteger(x) ? 0 : 2);

/**
 * A bar chart as SVG (pdfmake draws it): per outcome, the mean change of participants beside the
 * comparison group's, on one scale per outcome.
 */
function changeChart(outcomes: readonly Outcome[]): string | null {
  const shown = outcomes.filter((o) => o.participants);
  if (!shown.length) return null;
  const rowH = 46;
  const w = 500;
  const left = 150;
  const h = shown.length * rowH + 30;
  const parts: string[] = [];
  shown.forEach((o, i) => {
    const a = o.participants?.estimate ?? 0;
    const b = o.comparison?.estimate ?? 0;
    const max = Math.max(Math.abs(a), Math.abs(b), 1e-9);
    const scale = (w - left - 110) / max;
    const y = 10 + i * rowH;
    parts.push(`<text x="0" y="${y + 18}" font-size="9">${label(o.indicator)}</text>`);
    const bar = (v: number, dy: number, colour: string, name: string) =>
      `<rect x="${left}" y="${y + dy}" width="${Math.max(1, Math.abs(v) * scale)}" height="14" fill="${colour}"/>` +
      `<text x="${left + Math.abs(v) * scale + 4}" y="${y + dy + 11}" font-size="8">${name}: ${value(o.indicator, v)}</text>`;
    parts.push(bar(a, 2, '#12b886', 'peserta'));
    if (o.comparison) parts.push(bar(b, 20, '#adb5bd', 'pembanding'));
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${parts.join('')}</svg>`;
}

/** The evaluation report as the DPRD's evaluations are shaped, in Bahasa Indonesia. */
export function evaluationPdf(r: Evaluation, printedAt: Date, head: Letterhead): Promise<Buffer> {
  const e = r.evaluation;
  const chart = changeChart(e.outcomes);
  const outcomeRows = e.outcomes.map((o) => [
    label(o.indicator),
    `${formatNumber(o.measured.peserta)} / ${formatNumber(o.measured.pembanding)}`,
    value(o.indicator, o.participants?.estimate),
    value(o.indicator, o.comparison?.estimate),
    o.effect
      ? `${value(o.indicator, o.effect.estimate)}\n(${value(o.indicator, o.effect.low)} s.d. ${value(o.indicator, o.effect.high)})`
      : '–',
    o.costPerOutcome === null ? '–' : formatRupiah(Math.round(o.costPerOutcome)),
  ]);
  return renderPdf({
    pageMargins: [50, 50, 50, 50],
    footer: printedFooter(printedAt),
    content: [
      ...letterhead(head),
      { text: 'LAPORAN EVALUASI PROGRAM', bold: true, fontSize: 13, alignment: 'center' },
      {
        text: `${r.program.name} (${r.program.code})`,
        fontSize: 11,
        alignment: 'center',
        margin: [0, 2, 0, 2],
      },
      { text: r.program.organisation, alignment: 'center', margin: [0, 0, 0, 4] },
      ...numberLine(head),
      ...(r.program.sample
        ? [
            {
              text: 'DATA CONTOH: program dan pesertanya dibuat untuk demonstrasi.',
              color: '#c92a2a',
              alignment: 'center',
            },
          ]
        : []),
      ...sections.flatMap(([key, title], i) => [
        { text: `${i + 1}. ${title}`, bold: true, fontSize: 11, margin: [0, 12, 0, 4] },
        ...(r.narrative[key].length
          ? r.narrative[key].map((s) => ({ text: s.text, margin: [0, 0, 0, 3] }))
          : [{ text: 'Tidak ada temuan.', italics: true, color: '#666' }]),
        ...(key === 'dampak' && outcomeRows.length
          ? [
              {
                margin: [0, 6, 0, 6],
                table: {
                  headerRows: 1,
                  widths: ['*', 60, 70, 70, 95, 70],
                  body: [
                    headerRow([
                      'Ukuran',
                      'Diukur (peserta / pembanding)',
                      'Perubahan peserta',
                      'Perubahan pembanding',
                      'Dampak (selang 95 %)',
                      'Biaya per hasil',
                    ]),
                    ...outcomeRows,
                  ],
                },
                fontSize: 8,
              },
              ...(chart ? [{ svg: chart, width: 480, margin: [0, 4, 0, 4] }] : []),
            ]
          : []),
        ...(key === 'pelaksanaan' && e.byKecamatan.length
          ? [
              {
                margin: [0, 6, 0, 0],
                fontSize: 8,
                table: {
                  headerRows: 1,
                  widths: ['*', 60, 60, 90],
                  body: [
                    headerRow(['Kecamatan', 'Peserta', 'Selesai', 'Rata-rata perubahan']),
                    ...e.byKecamatan.map((k) => [
                      k.key,
                      formatNumber(k.enrolled),
                      formatNumber(k.completed),
                      value(e.outcomes[0]?.indicator ?? '', k.meanChange),
                    ]),
                  ],
                },
              },
            ]
          : []),
      ]),
      signedBy(head, todayIn(undefined, printedAt), [], ['Kepala Perangkat Daerah', 'Kepala Bappeda']),
    ],
  });
}

export function evaluationXlsx(r: Evaluation): Promise<Buffer> {
  const e = r.evaluation;
  const summary: [string, string | number | null][] = [
    ['program', `${r.program.name} (${r.program.code})`],
    ['perangkat daerah', r.program.organisation],
    ['data contoh', r.program.sample ? 'ya' : 'tidak'],
    ['peserta', e.reach.enrolled],
    ['target penerima', e.reach.target],
    ['jangkauan', e.reach.share],
    ['kelompok pembanding', e.comparisonGroup],
    ['penyelesaian', e.completion.share],
    ['biaya per penerima (Rp)', e.costPerBeneficiary === null ? null : Math.round(e.costPerBeneficiary)],
    ['dihitung', formatDateTime(r.computedAt)],
  ];
  return xlsxOfSheets(
    [
      sheet(
        'Ringkasan',
        [
          { header: 'ukuran', width: 28, value: (x: (typeof summary)[number]) => x[0] },
          { header: 'nilai', width: 40, value: (x: (typeof summary)[number]) => x[1] },
        ],
        summary,
      ),
      sheet(
        'Dampak',
        [
          { header: 'indikator', width: 24, value: (o: Outcome) => label(o.indicator) },
          { header: 'peserta diukur', width: 14, value: (o: Outcome) => o.measured.peserta },
          { header: 'pembanding diukur', width: 16, value: (o: Outcome) => o.measured.pembanding },
          { header: 'perubahan peserta', width: 18, value: (o: Outcome) => o.participants?.estimate ?? null },
          {
            header: 'perubahan pembanding',
            width: 20,
            value: (o: Outcome) => o.comparison?.estimate ?? null,
          },
          { header: 'dampak', width: 14, value: (o: Outcome) => o.effect?.estimate ?? null },
          { header: 'galat baku', width: 12, value: (o: Outcome) => o.effect?.se ?? null },
          { header: 'batas bawah 95 %', width: 16, value: (o: Outcome) => o.effect?.low ?? null },
          { header: 'batas atas 95 %', width: 16, value: (o: Outcome) => o.effect?.high ?? null },
          {
            header: 'terbukti',
            width: 10,
            value: (o: Outcome) => (o.effect ? (o.effect.significant ? 'ya' : 'tidak') : null),
          },
          { header: 'peserta membaik', width: 16, value: (o: Outcome) => o.achieved },
          {
            header: 'biaya per hasil (Rp)',
            width: 18,
            value: (o: Outcome) => (o.costPerOutcome === null ? null : Math.round(o.costPerOutcome)),
          },
        ],
        e.outcomes,
      ),
      ...(
        [
          ['Per kecamatan', e.byKecamatan],
          ['Per jenis kelamin', e.bySex],
          ['Per umur', e.byAge],
        ] as const
      ).map(([name, rows]) =>
        sheet(
          name,
          [
            { header: 'kelompok', width: 22, value: (k: (typeof rows)[number]) => k.key },
            { header: 'peserta', width: 10, value: (k: (typeof rows)[number]) => k.enrolled },
            { header: 'selesai', width: 10, value: (k: (typeof rows)[number]) => k.completed },
            { header: 'rata-rata perubahan', width: 20, value: (k: (typeof rows)[number]) => k.meanChange },
          ],
          rows,
        ),
      ),
      sheet(
        'Narasi',
        [
          { header: 'bagian', width: 16, value: (x: { part: string; text: string; rule: string }) => x.part },
          {
            header: 'kalimat',
            width: 100,
            value: (x: { part: string; text: string; rule: string }) => x.text,
          },
          { header: 'aturan', width: 24, value: (x: { part: string; text: string; rule: string }) => x.rule },
        ],
        sections.flatMap(([key, title]) =>
          r.narrative[key].map((s) => ({ part: title, text: s.text, rule: s.rule })),
        ),
      ),
    ],
    { title: `Evaluasi program ${r.program.name}`, scope: r.program.organisation },
  );
}

import {
  formatDate,
  formatNumber,
  formatRupiah,
  fundingSources,
  officialReport,
  type ReportState,
  sourceOfKey,
  todayIn,
} from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { type Letterhead, letterhead, numberLine, signedBy } from '../../reports/letterhead.ts';
import { headerRow, printedFooter, renderPdf } from '../../reports/pdf.ts';
import { sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import * as repo from './projects.repository.ts';
import { projectItems } from './projects.service.ts';

/**
 * The monthly monitoring report as offices send it upward: per project the budget, the money
 * realised by funding source, physical progress planned and actual, the deviation, the problems
 * and the follow-up; totals at the end. The month's standing is taken at its last day.
 */
export const SOURCES = fundingSources;
const sourceName: Record<string, string> = {
  apbn: 'APBN',
  apbd_provinsi: 'APBD Prov.',
  apbd_kabupaten: 'APBD Kab.',
  dana_desa: 'Dana Desa',
  swadaya: 'Swadaya',
  csr: 'CSR',
};
const statusName: Record<string, string> = {
  sesuai: 'Sesuai jadwal',
  terlambat: 'Terlambat',
  kritis: 'Kritis',
  selesai: 'Selesai',
  belum_mulai: 'Belum mulai',
};

export async function monthlyRows(ctx: AppContext, month: string, organisationId?: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const on = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const { items } = await projectItems(ctx, { on, organisationId });
  // Projects that had started by the end of the month.
  const active = items.filter((p) => p.startDate <= on);
  const reports = await repo.findReportsOfProjects(
    ctx.database.db,
    active.map((p) => p.id),
  );
  const rows = active.map((p) => {
    // The official figures: the latest verified report (core's officialReport), as on the page.
    const last = officialReport(
      reports.filter((r) => r.projectId === p.id).map((r) => ({ ...r, state: r.state as ReportState })),
      on,
    );
    // A partner's CSR line ("csr:<partner>") counts in the CSR column.
    const bySource = Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<string, number>;
    for (const [key, amount] of Object.entries(last?.spending ?? {}))
      bySource[sourceOfKey(key)] = (bySource[sourceOfKey(key)] ?? 0) + amount;
    return {
      code: p.code,
      name: p.name,
      organisation: p.organisation,
      location: `${p.regionName}, ${p.kecamatanName}`,
      budget: p.contractValue,
      bySource,
      spent: Object.values(bySource).reduce((a, b) => a + b, 0),
      planned: p.plannedPhysical,
      physical: p.physical,
      deviation: p.deviation,
      status: p.status,
      problems: last?.problems ?? '',
      followUp: last?.followUp ?? '',
      sample: p.sample,
    };
  });
  const totals = {
    budget: rows.reduce((s, r) => s + r.budget, 0),
    bySource: Object.fromEntries(
      SOURCES.map((s) => [s, rows.reduce((a, r) => a + r.bySource[s]!, 0)]),
    ) as Record<string, number>,
    spent: rows.reduce((s, r) => s + r.spent, 0),
  };
  return {
    month,
    on,
    rows,
    totals,
    sources: SOURCES.filter((s) => totals.bySource[s]! > 0 || rows.some((r) => r.bySource[s]! > 0)),
  };
}

type Monthly = Awaited<ReturnType<typeof monthlyRows>>;
const pct = (x: number) => `${formatNumber(Math.round(x * 10) / 10, 1)} %`;

export function monthlyPdf(r: Monthly, printedAt: Date, title: string, head: Letterhead): Promise<Buffer> {
  const sources = r.sources.length ? r.sources : (['apbd_kabupaten'] as const);
  const widths = [16, '*', 60, 62, ...sources.map(() => 55), 38, 38, 34, 50, 70];
  const body = [
    headerRow([
      'No',
      'Proyek',
      'Lokasi',
      'Pagu (Rp)',
      ...sources.map((s) => `Realisasi ${sourceName[s]}`),
      'Rencana fisik',
      'Realisasi fisik',
      'Deviasi',
      'Status',
      'Masalah / tindak lanjut',
    ]),
    ...r.rows.map((x, i) => [
      String(i + 1),
      { text: `${x.name}\n${x.code} · ${x.organisation}`, fontSize: 7 },
      { text: x.location, fontSize: 7 },
      formatNumber(x.budget),
      ...sources.map((s) => formatNumber(x.bySource[s] ?? 0)),
      pct(x.planned),
      pct(x.physical),
      {
        text: formatNumber(Math.round(x.deviation * 10) / 10, 1),
        color: x.deviation < 0 ? '#c92a2a' : '#000',
      },
      statusName[x.status] ?? x.status,
      { text: [x.problems, x.followUp].filter(Boolean).join(' / '), fontSize: 7 },
    ]),
    [
      { text: 'Jumlah', colSpan: 3, bold: true },
      '',
      '',
      { text: formatNumber(r.totals.budget), bold: true },
      ...sources.map((s) => ({ text: formatNumber(r.totals.bySource[s] ?? 0), bold: true })),
      '',
      '',
      '',
      '',
      { text: `Realisasi keuangan ${formatRupiah(r.totals.spent)}`, bold: true, fontSize: 7 },
    ],
  ];
  return renderPdf({
    pageOrientation: 'landscape',
    pageMargins: [24, 40, 24, 40],
    footer: printedFooter(printedAt),
    content: [
      ...letterhead(head, 794),
      { text: 'LAPORAN BULANAN PEMANTAUAN PROYEK', bold: true, fontSize: 12, alignment: 'center' },
      { text: `${title} · keadaan ${formatDate(r.on)}`, alignment: 'center', margin: [0, 2, 0, 2] },
      ...numberLine(head),
      ...(r.rows.some((x) => x.sample)
        ? [
            {
              text: 'Memuat DATA CONTOH untuk demonstrasi.',
              color: '#c92a2a',
              alignment: 'center',
              margin: [0, 0, 0, 6],
            },
          ]
        : []),
      { table: { headerRows: 1, dontBreakRows: true, widths, body }, fontSize: 7 },
      signedBy(head, todayIn(undefined, printedAt), [], ['Kepala Perangkat Daerah', 'Kepala Bappeda']),
    ],
  });
}

export function monthlyXlsx(r: Monthly, title: string): Promise<Buffer> {
  type Row = Monthly['rows'][number];
  return xlsxOfSheets([
    sheet<Row>(
      'Laporan bulanan',
      [
        { header: 'kode', width: 16, value: (x) => x.code },
        { header: 'proyek', width: 40, value: (x) => x.name },
        { header: 'perangkat daerah', width: 14, value: (x) => x.organisation },
        { header: 'lokasi', width: 28, value: (x) => x.location },
        { header: 'pagu', width: 16, format: '#,##0', total: true, value: (x) => x.budget },
        ...SOURCES.map((s) => ({
          header: `realisasi ${s}`,
          width: 16,
          format: '#,##0',
          total: true,
          value: (x: Row) => x.bySource[s] ?? 0,
        })),
        { header: 'realisasi jumlah', width: 16, format: '#,##0', total: true, value: (x) => x.spent },
        { header: 'rencana fisik (%)', width: 12, format: '0.0', value: (x) => x.planned },
        { header: 'realisasi fisik (%)', width: 12, format: '0.0', value: (x) => x.physical },
        { header: 'deviasi (poin)', width: 12, format: '0.0', value: (x) => x.deviation },
        { header: 'status', width: 14, value: (x) => statusName[x.status] ?? x.status },
        { header: 'masalah', width: 30, value: (x) => x.problems },
        { header: 'tindak lanjut', width: 30, value: (x) => x.followUp },
      ],
      r.rows,
      ['Laporan bulanan kemajuan proyek', title],
    ),
  ]);
}

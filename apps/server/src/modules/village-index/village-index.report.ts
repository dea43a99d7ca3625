import { createRequire } from 'node:module';
import {
  formatDate,
  formatDateTime,
  idm2016,
  levelOf,
  parseRegionCode,
  round4,
  statusCounts,
} from '@sinergi/core';
import type { findWorklist } from './village-index.entries.ts';

const require = createRequire(import.meta.url);
// pdfmake's server build with its bundled Roboto (Latin, enough for Indonesian).
const pdfmake = require('pdfmake') as {
  addFonts(fonts: unknown): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
const fontFiles = new Set(Object.values(fonts.Roboto));
pdfmake.addFonts(fonts);
// A report never fetches anything: no URLs, and no local file but the bundled fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));

const stateName: Record<string, string> = {
  draft: 'Draf desa',
  submitted: 'Diajukan desa',
  verified: 'Diverifikasi kecamatan',
  approved: 'Disetujui kabupaten',
};

const signer: Record<string, [string, string]> = {
  desa: ['Kepala Desa', 'Ketua BPD'],
  kecamatan: ['Camat', 'Kepala Seksi PMD Kecamatan'],
  kabupaten: ['Kepala Bappeda', 'Kepala Dinas PMD'],
};

const fmt = (v: number) => round4(v).toFixed(4).replace('.', ',');

/**
 * Berita acara rekapitulasi of a year's village index for a desa, a kecamatan or the kabupaten:
 * every desa with its composites, status and sign-off step, the status counts, and a signature
 * block for the level that signs.
 */
export async function beritaAcaraPdf(
  list: Awaited<ReturnType<typeof findWorklist>>,
  printedAt: Date,
): Promise<Buffer> {
  const level = levelOf(parseRegionCode(list.region.code));
  const signs = signer[level === 'provinsi' ? 'kabupaten' : level] ?? signer.kabupaten!;
  const heading =
    level === 'kecamatan'
      ? `Kecamatan ${list.region.name}`
      : level === 'desa'
        ? `Desa ${list.region.name}`
        : list.region.name;
  const counts = statusCounts(
    idm2016,
    list.items.map((i) => i.status),
  );
  const body = [
    ['No', 'Kode', 'Desa', 'Kecamatan', 'IDM', 'Status', 'Tahap'].map((text) => ({
      text,
      bold: true,
      fillColor: '#e6fcf5',
    })),
    ...list.items.map((item, i) => [
      String(i + 1),
      item.code,
      item.name,
      item.kecamatan,
      fmt(item.value),
      idm2016.statuses.find((s) => s.code === item.status)?.name ?? item.status,
      stateName[item.state] ?? item.state,
    ]),
  ];
  const doc = {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    info: { title: `Berita acara IDM ${list.year} ${list.region.name}` },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    footer: (page: number, pages: number) => ({
      text: `Dicetak dari Sinergi, ${formatDateTime(printedAt)} · halaman ${page} dari ${pages}`,
      alignment: 'center',
      fontSize: 7,
      color: '#666',
    }),
    content: [
      { text: 'BERITA ACARA', bold: true, fontSize: 14, alignment: 'center' },
      {
        text: `REKAPITULASI HASIL INDEKS DESA MEMBANGUN (IDM) TAHUN ${list.year}`,
        bold: true,
        fontSize: 11,
        alignment: 'center',
      },
      { text: heading.toUpperCase(), bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      {
        text:
          `Pada hari ini, ${formatDate(printedAt)}, telah direkapitulasi hasil pengukuran Indeks Desa Membangun ` +
          `(Permendesa PDTT No. 2 Tahun 2016) tahun ${list.year} untuk ${list.items.length} desa di ${heading}, ` +
          'dengan rincian sebagai berikut.',
        margin: [0, 0, 0, 8],
      },
      {
        table: { headerRows: 1, widths: [18, 62, '*', 70, 36, 58, 78], body },
        layout: 'lightHorizontalLines',
      },
      {
        margin: [0, 10, 0, 0],
        text: `Rekapitulasi status: ${idm2016.statuses
          .slice()
          .reverse()
          .map((s) => `${s.name} ${counts[s.code] ?? 0}`)
          .join(', ')}.`,
      },
      {
        margin: [0, 30, 0, 0],
        columns: signs.map((title) => ({
          stack: [
            { text: title, alignment: 'center' },
            { text: '\n\n\n\n(______________________________)', alignment: 'center' },
          ],
        })),
      },
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}

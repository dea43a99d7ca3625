import { dateInWords, idm2016, levelOf, parseRegionCode, round4, statusCounts, todayIn } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { type Letterhead, letterhead, numberLine, signedBy } from '../../reports/letterhead.ts';
import { headerRow, printedFooter, renderPdf } from '../../reports/pdf.ts';
import { numberedLetterhead } from '../system/documents.service.ts';
import { findWorklist } from './village-index.entries.ts';
import type { getScorecard } from './village-index.service.ts';

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

const footer = printedFooter;

const fmt = (v: number) => round4(v).toFixed(4).replace('.', ',');

/**
 * Berita acara rekapitulasi of a year's village index for a desa, a kecamatan or the kabupaten:
 * every desa with its composites, status and sign-off step, the status counts, and a signature
 * block for the level that signs.
 */
export async function beritaAcaraOf(
  ctx: AppContext,
  principal: Principal,
  q: Parameters<typeof findWorklist>[2],
) {
  const list = await findWorklist(ctx, principal, q);
  const head = await numberedLetterhead(ctx, list.region.code, 'idm', `${list.region.code}:${list.year}`);
  return { list, pdf: await beritaAcaraPdf(list, ctx.clock(), head) };
}

async function beritaAcaraPdf(
  list: Awaited<ReturnType<typeof findWorklist>>,
  printedAt: Date,
  head: Letterhead,
): Promise<Buffer> {
  const today = todayIn(undefined, printedAt);
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
    headerRow(['No', 'Kode', 'Desa', 'Kecamatan', 'IDM', 'Status', 'Tahap']),
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
    pageMargins: [40, 50, 40, 50],
    info: { title: `Berita acara IDM ${list.year} ${list.region.name}` },
    footer: footer(printedAt),
    content: [
      ...letterhead(head),
      { text: 'BERITA ACARA', bold: true, fontSize: 14, alignment: 'center' },
      {
        text: `REKAPITULASI HASIL INDEKS DESA MEMBANGUN (IDM) TAHUN ${list.year}`,
        bold: true,
        fontSize: 11,
        alignment: 'center',
      },
      { text: heading.toUpperCase(), bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
      ...numberLine(head),
      { text: '', margin: [0, 0, 0, 8] },
      {
        text:
          `${dateInWords(today)}, bertempat di ${head.place}, telah direkapitulasi hasil pengukuran Indeks Desa Membangun ` +
          `(Permendesa PDTT No. 2 Tahun 2016) tahun ${list.year} untuk ${list.items.length} desa di ${heading}, ` +
          'dengan rincian sebagai berikut.',
        alignment: 'justify',
        margin: [0, 0, 0, 8],
      },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [18, 62, '*', 70, 36, 58, 78], body },
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
      signedBy(head, today, [], signs),
    ],
  };
  return renderPdf(doc);
}

const actorName: Record<string, string> = {
  pusat: 'Pusat',
  provinsi: 'Provinsi',
  kabupaten: 'Kabupaten',
  desa: 'Desa',
  csr: 'CSR/swasta',
  lainnya: 'Lainnya',
};

/** A desa scorecard: history, the 50 indicators with who acts, and the cheapest plan to the next status. */
export async function scorecardPdf(
  card: Awaited<ReturnType<typeof getScorecard>>,
  printedAt: Date,
): Promise<Buffer> {
  const statusName = (code: string | null) =>
    card.scheme.statuses.find((s) => s.code === code)?.name ?? code ?? '';
  const who = (actor: string, orgs: string[]) =>
    `${actorName[actor] ?? actor}${orgs.length ? ` · ${orgs.join(', ')}` : ''}`;
  const head = headerRow;
  const plan = card.plan;
  const content: unknown[] = [
    { text: `KARTU SKOR INDEKS DESA MEMBANGUN`, bold: true, fontSize: 13, alignment: 'center' },
    {
      text: `Desa ${card.name}, Kecamatan ${card.kecamatan.name} (${card.code})`,
      alignment: 'center',
      margin: [0, 0, 0, 10],
    },
    { text: 'Riwayat', bold: true, margin: [0, 4, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: [40, 60, 60, 60, 60, '*'],
        body: [
          head(['Tahun', 'IKS', 'IKE', 'IKL', 'IDM', 'Status']),
          ...card.history.map((h) => [
            String(h.year),
            fmt(h.dimensions.IKS ?? 0),
            fmt(h.dimensions.IKE ?? 0),
            fmt(h.dimensions.IKL ?? 0),
            fmt(h.value),
            statusName(h.status),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  if (plan?.ok) {
    content.push(
      { text: `Rencana naik status ke ${statusName(plan.target)}`, bold: true, margin: [0, 12, 0, 2] },
      {
        text: `IDM minimal ${fmt(plan.needed ?? 0)} (sekarang ${fmt(plan.current)}); ${plan.totalPoints} poin indikator, IDM menjadi ${fmt(plan.projected ?? 0)}.`,
        margin: [0, 0, 0, 4],
      },
      {
        table: {
          headerRows: 1,
          widths: ['*', 50, 50, 150],
          body: [
            head(['Indikator', 'Skor', '+IDM', 'Yang bertindak']),
            ...plan.steps.map((s) => [
              s.name,
              `${s.from} ke ${s.to}`,
              s.gain.toFixed(4).replace('.', ','),
              who(s.actor, s.organisations),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
    );
  } else if (plan) {
    content.push({
      text:
        plan.reason === 'ALREADY_TOP'
          ? 'Desa ini sudah berstatus tertinggi.'
          : 'Status berikutnya tidak tercapai.',
      margin: [0, 12, 0, 0],
    });
  }
  if (card.indicators) {
    content.push(
      {
        text: `${card.indicators.items.length} indikator (${card.indicators.year})`,
        bold: true,
        margin: [0, 12, 0, 4],
      },
      {
        table: {
          headerRows: 1,
          widths: [30, '*', 30, 150],
          body: [
            head(['Dimensi', 'Indikator', 'Skor', 'Yang bertindak']),
            ...card.indicators.items.map((i) => [
              i.dimension,
              i.name,
              String(i.score),
              who(i.actor, i.organisations),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 8,
      },
    );
  }
  if (card.scheme.unconfirmed.length) {
    content.push({
      text: `Belum dipastikan regulasi: ${card.scheme.unconfirmed.map((p) => card.scheme.notes[p]?.id ?? p).join(' ')}`,
      fontSize: 7,
      color: '#8a6d00',
      margin: [0, 10, 0, 0],
    });
  }
  return renderPdf({
    pageMargins: [40, 45, 40, 45],
    info: { title: `Kartu skor IDM ${card.name}` },
    footer: footer(printedAt),
    content,
  });
}

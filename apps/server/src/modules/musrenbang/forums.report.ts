import { bidangWords, reasonWords, wordsIn } from '@sinergi/contracts';
import { dateInWords, formatDate, formatNumber, formatRupiah, type RejectReason } from '@sinergi/core';
import {
  attendanceTable,
  type Letterhead,
  letterhead,
  signedBy,
  titleWithNumber,
} from '../../reports/letterhead.ts';
import { headerRow, printedFooter, renderPdf } from '../../reports/pdf.ts';
import { sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import type { getForum } from './forums.service.ts';

type Forum = Awaited<ReturnType<typeof getForum>>;

const levelName: Record<string, string> = { desa: 'Desa', kecamatan: 'Kecamatan', kabupaten: 'Kabupaten' };
const signers: Record<string, string[]> = {
  desa: ['Kepala Desa', 'Ketua BPD', 'Wakil Masyarakat'],
  kecamatan: ['Camat', 'Wakil Delegasi Desa', 'Wakil Bappeda'],
  kabupaten: ['Kepala Bappeda', 'Sekretaris Daerah', 'Wakil DPRD'],
};
const bidangName: Record<string, string> = wordsIn(bidangWords, 'id');
const decisionName: Record<string, string> = {
  teruskan: 'Diteruskan',
  gabung: 'Digabung',
  tunda: 'Ditunda',
  tolak: 'Ditolak',
};

/** Agenda items in the order the forum ranked them (unranked last, in agenda order). */
function ranked(f: Forum) {
  return [...f.items].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.position - b.position);
}

const location = (p: Forum['items'][number]['proposal']) =>
  `${p.regionName}${p.rt ? ` RT ${p.rt}` : ''}${p.rw ? `/RW ${p.rw}` : ''}`;

/** What a decision said, in the words of the berita acara ("Ditolak: Pagu anggaran tidak cukup"). */
function decisionText(i: Forum['items'][number]): string {
  if (!i.decision) return 'Belum diputuskan';
  const d = i.decisionDetail;
  const base = decisionName[i.decision] ?? i.decision;
  const said =
    i.decision === 'tolak' && d?.reason
      ? `${base}: ${reasonWords[d.reason as RejectReason]?.[0] ?? d.reason}`
      : i.decision === 'gabung' && d?.into
        ? `${base} ke ${d.into}`
        : i.decision === 'tunda' && d?.toYear
          ? `${base} ke ${d.toYear}`
          : base;
  return d?.note ? `${said}. ${d.note}` : said;
}

/**
 * Berita acara of a forum, as an office signs it: the letterhead, the title and number, the day
 * and date in words with the place, who came, the ranked list with each decision and its reason,
 * the attendance list with a signature column, and the signatories' names and NIP. Long tables
 * repeat their header and never split a row; amounts never wrap.
 */
export function forumBeritaAcaraPdf(f: Forum, printedAt: Date, head: Letterhead): Promise<Buffer> {
  const where = `${levelName[f.level]} ${f.regionName}`;
  const p = f.participants;
  const rows = ranked(f).map((i) => [
    i.rank ? String(i.rank) : '—',
    { text: `${i.proposal.title}\n${i.proposal.trackingCode}`, fontSize: 8 },
    location(i.proposal),
    { text: `${formatNumber(i.proposal.volume)} ${i.proposal.unit}`, noWrap: true },
    { text: formatRupiah(i.proposal.estimatedCost), noWrap: true, alignment: 'right' },
    f.method === 'suara' ? formatNumber(i.votes) : formatNumber(i.total),
    { text: decisionText(i), fontSize: 8 },
  ]);
  return renderPdf({
    pageMargins: [40, 40, 40, 50],
    info: { title: `Berita acara ${f.title}` },
    footer: printedFooter(printedAt),
    content: [
      ...letterhead(head),
      ...titleWithNumber(
        [
          'BERITA ACARA',
          `MUSYAWARAH PERENCANAAN PEMBANGUNAN ${where.toUpperCase()}`,
          `RENCANA TAHUN ${f.planYear}`,
        ],
        f.documentNumber,
      ),
      {
        text:
          `${dateInWords(f.heldOn)}, bertempat di ${where}, telah diselenggarakan ${f.title}, ` +
          `dihadiri ${formatNumber(p.total)} peserta (perempuan ${formatNumber(p.perempuan)}, pemuda ${formatNumber(p.pemuda)}, ` +
          `penyandang disabilitas ${formatNumber(p.disabilitas)})` +
          `${f.quorum ? `, memenuhi kuorum ${formatNumber(f.quorum)} peserta` : ''}. Forum membahas ${formatNumber(f.items.length)} usulan dan ` +
          `menetapkan peringkat ${f.method === 'suara' ? 'berdasarkan suara peserta' : 'berdasarkan skor kriteria'} serta keputusan berikut.`,
        alignment: 'justify',
        margin: [0, 0, 0, 8],
      },
      ...(f.state === 'draf'
        ? [{ text: 'DRAF: forum belum ditutup; keputusan belum berlaku.', bold: true, margin: [0, 0, 0, 8] }]
        : []),
      ...f.reopenings.map((r) => ({
        text: `Forum ini dibuka kembali pada ${formatDate(new Date(r.at))} oleh ${r.by} dengan alasan: ${r.reason}. Keputusan di bawah adalah keputusan setelah forum dibuka kembali.`,
        italics: true,
        margin: [0, 0, 0, 8],
      })),
      ...(f.method === 'skor' && f.criteria.length
        ? [
            {
              text: `Kriteria (bobot): ${f.criteria.map((c) => `${c.label} (${c.weight})`).join(', ')}.`,
              margin: [0, 0, 0, 8],
            },
          ]
        : []),
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [22, '*', 70, 'auto', 'auto', 26, 90],
          body: [
            headerRow([
              'Urut',
              'Usulan',
              'Lokasi',
              'Volume',
              'Biaya',
              f.method === 'suara' ? 'Suara' : 'Skor',
              'Keputusan',
            ]),
            ...rows,
          ],
        },
        layout: 'lightHorizontalLines',
      },
      signedBy(head, f.heldOn, p.penandatangan, signers[f.level] ?? signers.kabupaten!),
      ...(p.daftar.length
        ? [
            { text: 'Lampiran: daftar hadir', bold: true, margin: [0, 16, 0, 4], pageBreak: 'before' },
            attendanceTable(p.daftar),
          ]
        : []),
    ],
  });
}

/** The "daftar usulan prioritas" in the common layout: rank, activity, location to RT/RW, volume, swadaya, bidang. */
export function prioritasXlsx(f: Forum): Promise<Buffer> {
  type Item = Forum['items'][number];
  return xlsxOfSheets([
    sheet<Item>(
      'Daftar usulan prioritas',
      [
        { header: 'prioritas', width: 10, value: (i) => i.rank },
        { header: 'kegiatan', width: 44, value: (i) => i.proposal.title },
        { header: 'lokasi', width: 28, value: (i) => location(i.proposal) },
        { header: 'volume', width: 10, value: (i) => i.proposal.volume },
        { header: 'satuan', width: 10, value: (i) => i.proposal.unit },
        {
          header: 'swadaya_rp',
          width: 14,
          format: '#,##0',
          total: true,
          value: (i) => i.proposal.communityContribution,
        },
        {
          header: 'perkiraan_biaya_rp',
          width: 16,
          format: '#,##0',
          total: true,
          value: (i) => i.proposal.estimatedCost,
        },
        { header: 'bidang', width: 24, value: (i) => bidangName[i.proposal.bidang] ?? i.proposal.bidang },
        { header: 'opd', width: 14, value: (i) => i.proposal.organisation?.shortName ?? null },
        { header: 'kode_lacak', width: 16, value: (i) => i.proposal.trackingCode },
        {
          header: f.method === 'suara' ? 'suara' : 'skor',
          width: 8,
          value: (i) => (f.method === 'suara' ? i.votes : i.total),
        },
        {
          header: 'keputusan',
          width: 12,
          value: (i) => (i.decision ? (decisionName[i.decision] ?? i.decision) : null),
        },
      ],
      ranked(f),
      [
        `Daftar usulan prioritas: ${f.title}`,
        `${levelName[f.level]} ${f.regionName} · rencana tahun ${f.planYear} · ${formatDate(new Date(`${f.heldOn}T00:00:00+07:00`))}`,
      ],
    ),
  ]);
}

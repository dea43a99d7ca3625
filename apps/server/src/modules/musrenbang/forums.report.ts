import { formatDate, formatNumber, formatRupiah } from '@sinergi/core';
import { headerRow, printedFooter, renderPdf, signatureBlock } from '../../reports/pdf.ts';
import { sheet, xlsxOfSheets } from '../../reports/xlsx.ts';
import type { getForum } from './forums.service.ts';

type Forum = Awaited<ReturnType<typeof getForum>>;

const levelName: Record<string, string> = { desa: 'Desa', kecamatan: 'Kecamatan', kabupaten: 'Kabupaten' };
const signers: Record<string, string[]> = {
  desa: ['Kepala Desa', 'Ketua BPD', 'Wakil Masyarakat'],
  kecamatan: ['Camat', 'Wakil Delegasi Desa', 'Wakil Bappeda'],
  kabupaten: ['Kepala Bappeda', 'Sekretaris Daerah', 'Wakil DPRD'],
};
const bidangName: Record<string, string> = {
  infrastruktur: 'Infrastruktur dan kewilayahan',
  ekonomi: 'Ekonomi',
  sosial_budaya: 'Sosial budaya',
  pemerintahan: 'Pemerintahan',
  lingkungan: 'Lingkungan hidup',
};
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

/** Berita acara of a forum: when and who, the ranked list with each decision, and the signatures. */
export function forumBeritaAcaraPdf(f: Forum, printedAt: Date): Promise<Buffer> {
  const where = `${levelName[f.level]} ${f.regionName}`;
  const p = f.participants;
  const rows = ranked(f).map((i) => [
    i.rank ? String(i.rank) : '—',
    { text: `${i.proposal.title}\n${i.proposal.trackingCode}`, fontSize: 8 },
    location(i.proposal),
    `${formatNumber(i.proposal.volume)} ${i.proposal.unit}`,
    formatRupiah(i.proposal.estimatedCost),
    f.method === 'suara' ? formatNumber(i.votes) : formatNumber(i.total),
    i.decision ? (decisionName[i.decision] ?? i.decision) : 'Belum diputuskan',
  ]);
  return renderPdf({
    pageMargins: [40, 50, 40, 50],
    info: { title: `Berita acara ${f.title}` },
    footer: printedFooter(printedAt),
    content: [
      { text: 'BERITA ACARA', bold: true, fontSize: 14, alignment: 'center' },
      {
        text: `MUSYAWARAH PERENCANAAN PEMBANGUNAN ${where.toUpperCase()}`,
        bold: true,
        fontSize: 11,
        alignment: 'center',
      },
      { text: `RENCANA TAHUN ${f.planYear}`, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      {
        text:
          `Pada ${formatDate(new Date(`${f.heldOn}T00:00:00+07:00`))} telah diselenggarakan ${f.title} di ${where}, ` +
          `dihadiri ${formatNumber(p.total)} peserta (perempuan ${formatNumber(p.perempuan)}, pemuda ${formatNumber(p.pemuda)}, ` +
          `penyandang disabilitas ${formatNumber(p.disabilitas)})` +
          `${f.quorum ? `, memenuhi kuorum ${formatNumber(f.quorum)} peserta` : ''}. Forum membahas ${f.items.length} usulan dan ` +
          `menetapkan peringkat ${f.method === 'suara' ? 'berdasarkan suara peserta' : 'berdasarkan skor kriteria'} serta keputusan berikut.`,
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
          widths: [24, 138, 78, 46, 60, 26, 52],
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
      ...(p.daftar.length
        ? [
            { text: 'Daftar hadir', bold: true, margin: [0, 12, 0, 4] },
            {
              table: {
                headerRows: 1,
                widths: [24, '*', 160],
                body: [
                  headerRow(['No', 'Nama', 'Unsur']),
                  ...p.daftar.map((d, i) => [String(i + 1), d.nama, d.unsur || '—']),
                ],
              },
              layout: 'lightHorizontalLines',
            },
          ]
        : []),
      signatureBlock(signers[f.level] ?? signers.kabupaten!),
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

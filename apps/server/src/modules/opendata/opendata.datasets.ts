import { commitmentRows } from '../partners/partners.service.ts';
import { listPublicProposals } from '../portal/portal.service.ts';
import { officialSeries } from '../poverty/poverty.service.ts';
import { projectItems } from '../projects/projects.service.ts';
import { getResults, publishedYears } from '../village-index/village-index.service.ts';
import { col, type Dataset, type Row } from './opendata.dataset.ts';
import { moreDatasets } from './opendata.datasets-more.ts';

/**
 * The public tables Sinergi publishes as open data (issue 21; Satu Data Indonesia, Perpres 39/2019:
 * data with metadata, a dictionary and standard codes). Each column names its type and meaning;
 * region codes are Kemendagri's (Kepmendagri 300.2.2-2138/2025). Rows come from the same public
 * reads the portal shows, so nothing reaches a dataset that the public could not already see.
 */
const regionColumns = [
  col(
    'kode_desa',
    'string',
    ['Kode desa', 'Desa code'],
    [
      'Kode wilayah Kemendagri (Kepmendagri 300.2.2-2138/2025)',
      'Kemendagri region code (Kepmendagri 300.2.2-2138/2025)',
    ],
  ),
  col('desa', 'string', ['Desa/kelurahan', 'Desa/kelurahan']),
  col('kecamatan', 'string', ['Kecamatan', 'Kecamatan (district)']),
];

const villageIndex: Dataset = {
  id: 'indeks-desa-membangun',
  title: ['Indeks Desa Membangun per desa', 'Village Development Index by desa'],
  description: [
    'Nilai IDM (Permendes PDTT 2/2016) tiap desa per tahun yang sudah disahkan: indeks ketahanan sosial, ekonomi dan ekologi, nilai IDM dan statusnya.',
    'The IDM score (Permendes PDTT 2/2016) of each desa per approved year: the social, economic and ecological resilience indices, the IDM value and its status.',
  ],
  keywords: ['IDM', 'indeks desa', 'desa'],
  columns: [
    col('tahun', 'integer', ['Tahun', 'Year']),
    ...regionColumns,
    col('iks', 'number', ['Indeks Ketahanan Sosial', 'Social Resilience Index']),
    col('ike', 'number', ['Indeks Ketahanan Ekonomi', 'Economic Resilience Index']),
    col('ikl', 'number', ['Indeks Ketahanan Ekologi', 'Ecological Resilience Index']),
    col(
      'idm',
      'number',
      ['Nilai IDM', 'IDM value'],
      ['Rata-rata IKS, IKE dan IKL', 'Mean of IKS, IKE and IKL'],
    ),
    col(
      'status',
      'string',
      ['Status IDM', 'IDM status'],
      [
        'Sangat tertinggal, tertinggal, berkembang, maju atau mandiri',
        'Very underdeveloped, underdeveloped, developing, advanced or independent',
      ],
    ),
  ],
  async rows(ctx) {
    const rows: Row[] = [];
    for (const year of (await publishedYears(ctx)).complete) {
      const r = await getResults(ctx, { year });
      for (const i of r.items)
        rows.push({
          tahun: r.year,
          kode_desa: i.code,
          desa: i.name,
          kecamatan: i.kecamatan,
          iks: i.dimensions.IKS ?? null,
          ike: i.dimensions.IKE ?? null,
          ikl: i.dimensions.IKL ?? null,
          idm: i.value,
          status: i.status,
        });
    }
    return rows;
  },
};

const proposals: Dataset = {
  id: 'usulan-publik',
  title: ['Usulan pembangunan publik', 'Public development proposals'],
  description: [
    'Usulan Musrenbang, pokir dan Renja yang sudah melewati moderasi desa: tempat, tahap, biaya, keputusan terakhir dan alasannya, dukungan warga, dan proyek yang dibangun darinya. Tanpa data pengusul.',
    'Musrenbang, pokir and Renja proposals past their desa moderation: place, step, cost, the latest decision and its reason, citizens’ support, and the project built from it. No proposer data.',
  ],
  keywords: ['Musrenbang', 'usulan', 'perencanaan'],
  columns: [
    col('kode_lacak', 'string', ['Kode lacak', 'Tracking code']),
    col('judul', 'string', ['Judul', 'Title']),
    col(
      'jalur',
      'string',
      ['Jalur usulan', 'Track'],
      ['musrenbang, pokir, renja atau aspirasi', 'musrenbang, pokir, renja or aspirasi'],
    ),
    col('bidang', 'string', ['Bidang', 'Sector']),
    ...regionColumns,
    col('tahun_rencana', 'integer', ['Tahun rencana', 'Plan year']),
    col('tahap', 'string', ['Tahap', 'Step']),
    col(
      'keadaan',
      'string',
      ['Keadaan', 'State'],
      ['aktif, digabung, ditolak atau selesai', 'aktif, digabung, ditolak or selesai'],
    ),
    col('perkiraan_biaya', 'integer', ['Perkiraan biaya (Rp)', 'Estimated cost (Rp)']),
    col('keputusan_terakhir', 'string', ['Keputusan terakhir', 'Latest decision']),
    col('alasan', 'string', ['Alasan keputusan', 'Reason of the decision']),
    col('dukungan_warga', 'integer', ['Dukungan warga', 'Citizens’ supports']),
    col('kode_proyek', 'string', ['Kode proyek', 'Project code']),
  ],
  async rows(ctx) {
    const list = await listPublicProposals(ctx, { limit: 1_000_000, offset: 0 });
    return list.items.map((p) => ({
      kode_lacak: p.trackingCode,
      judul: p.title,
      jalur: p.track,
      bidang: p.bidang,
      kode_desa: p.regionCode,
      desa: p.regionName,
      kecamatan: p.kecamatanName,
      tahun_rencana: p.planYear,
      tahap: p.stage,
      keadaan: p.state,
      perkiraan_biaya: p.estimatedCost,
      keputusan_terakhir: p.decision?.kind ?? null,
      alasan: p.decision?.reason ?? null,
      dukungan_warga: p.supports,
      kode_proyek: p.project?.code ?? null,
    }));
  },
};

const projects: Dataset = {
  id: 'proyek',
  title: ['Proyek pembangunan dan kemajuannya', 'Development projects and their progress'],
  description: [
    'Setiap proyek: pelaksana, tempat, nilai kontrak, jadwal, kemajuan fisik rencana dan realisasi, realisasi keuangan dan statusnya per hari ini. Kolom data_contoh menandai data contoh demo.',
    'Every project: agency, place, contract value, schedule, planned and actual physical progress, money spent and its standing today. The data_contoh column marks the demo’s sample data.',
  ],
  keywords: ['proyek', 'pemantauan', 'APBD'],
  columns: [
    col('kode', 'string', ['Kode proyek', 'Project code']),
    col('nama', 'string', ['Nama proyek', 'Project name']),
    col('jenis', 'string', ['Jenis', 'Type']),
    col('perangkat_daerah', 'string', ['Perangkat daerah', 'Agency']),
    ...regionColumns,
    col('nilai_kontrak', 'integer', ['Nilai kontrak (Rp)', 'Contract value (Rp)']),
    col('tanggal_mulai', 'date', ['Tanggal mulai', 'Start date']),
    col('tanggal_selesai', 'date', ['Tanggal selesai', 'End date']),
    col('fisik_rencana', 'number', ['Fisik rencana (%)', 'Planned physical progress (%)']),
    col(
      'fisik_realisasi',
      'number',
      ['Fisik realisasi (%)', 'Actual physical progress (%)'],
      ['Dari laporan terakhir yang diverifikasi', 'From the latest verified report'],
    ),
    col('realisasi_keuangan', 'integer', ['Realisasi keuangan (Rp)', 'Money spent (Rp)']),
    col(
      'status',
      'string',
      ['Status', 'Standing'],
      [
        'belum_mulai, sesuai, terlambat, kritis atau selesai',
        'belum_mulai, sesuai, terlambat, kritis or selesai',
      ],
    ),
    col('laporan_terakhir', 'date', ['Laporan terakhir', 'Latest report']),
    col(
      'data_contoh',
      'boolean',
      ['Data contoh', 'Sample data'],
      ['Benar bila baris ini data contoh demo', 'True when the row is demo sample data'],
    ),
  ],
  async rows(ctx) {
    const { items } = await projectItems(ctx, {});
    return items.map((p) => ({
      kode: p.code,
      nama: p.name,
      jenis: p.type,
      perangkat_daerah: p.organisation,
      kode_desa: p.regionCode,
      desa: p.regionName,
      kecamatan: p.kecamatanName,
      nilai_kontrak: p.contractValue,
      tanggal_mulai: p.startDate,
      tanggal_selesai: p.endDate,
      fisik_rencana: Math.round(p.plannedPhysical * 100) / 100,
      fisik_realisasi: p.physical,
      realisasi_keuangan: p.spent,
      status: p.status,
      laporan_terakhir: p.lastReport,
      data_contoh: p.sample,
    }));
  },
};

const poverty: Dataset = {
  id: 'kemiskinan',
  title: ['Kemiskinan: angka resmi BPS', 'Poverty: official BPS figures'],
  description: [
    'Persentase penduduk miskin, indeks kedalaman (P1) dan keparahan (P2), jumlah penduduk miskin dan garis kemiskinan kabupaten per tahun, dengan sumbernya.',
    'The poverty rate, depth (P1) and severity (P2) indices, the number of poor people and the poverty line of the kabupaten per year, with their source.',
  ],
  keywords: ['kemiskinan', 'BPS', 'statistik'],
  columns: [
    col('indikator', 'string', ['Indikator', 'Indicator']),
    col('periode', 'string', ['Periode', 'Period']),
    col('nilai', 'number', ['Nilai', 'Value']),
    col('satuan', 'string', ['Satuan', 'Unit']),
    col('sumber', 'string', ['Sumber', 'Source']),
  ],
  async rows(ctx) {
    return (await officialSeries(ctx)).map((s) => ({
      indikator: s.indicator,
      periode: s.period,
      nilai: s.value,
      satuan: s.unit,
      sumber: s.source ?? null,
    }));
  },
};

const commitments: Dataset = {
  id: 'komitmen-mitra',
  title: ['Komitmen mitra pembangunan', 'Development partners’ commitments'],
  description: [
    'Setiap komitmen mitra (dana, barang, keahlian) dalam perjanjian kerja samanya (MoU, PKS), dengan masa berlakunya.',
    'Each partner commitment (money, goods, expertise) in its agreement (MoU, PKS), with its term.',
  ],
  keywords: ['CSR', 'TJSL', 'mitra'],
  columns: [
    col('mitra', 'string', ['Mitra', 'Partner']),
    col(
      'jenis_mitra',
      'string',
      ['Jenis mitra', 'Kind of partner'],
      [
        'swasta, bumn_bumd, lsm, perguruan_tinggi atau internasional',
        'swasta, bumn_bumd, lsm, perguruan_tinggi or internasional',
      ],
    ),
    col('perjanjian', 'string', ['Perjanjian', 'Agreement']),
    col(
      'jenis_perjanjian',
      'string',
      ['Jenis perjanjian', 'Kind of agreement'],
      ['mou atau pks', 'mou or pks'],
    ),
    col('nomor', 'string', ['Nomor perjanjian', 'Agreement number']),
    col('berlaku_mulai', 'date', ['Berlaku mulai', 'Starts on']),
    col('berakhir', 'date', ['Berakhir', 'Ends on']),
    col(
      'jenis_komitmen',
      'string',
      ['Jenis komitmen', 'Kind of commitment'],
      ['uang, barang atau keahlian', 'uang, barang or keahlian'],
    ),
    col('uraian', 'string', ['Uraian', 'Description']),
    col('nilai', 'integer', ['Nilai (Rp)', 'Value (Rp)']),
    col(
      'data_contoh',
      'boolean',
      ['Data contoh', 'Sample data'],
      ['Benar bila mitra ini contoh demo', 'True when the partner is a demo sample'],
    ),
  ],
  async rows(ctx) {
    return (await commitmentRows(ctx)).map(({ partner, agreement, commitment }) => ({
      mitra: partner.name,
      jenis_mitra: partner.kind,
      perjanjian: agreement.title,
      jenis_perjanjian: agreement.kind,
      nomor: agreement.number,
      berlaku_mulai: agreement.startsOn,
      berakhir: agreement.endsOn,
      jenis_komitmen: commitment.kind,
      uraian: commitment.description,
      nilai: commitment.amount,
      data_contoh: partner.sample,
    }));
  },
};

export const datasets: readonly Dataset[] = [
  villageIndex,
  proposals,
  projects,
  poverty,
  commitments,
  ...moreDatasets,
];

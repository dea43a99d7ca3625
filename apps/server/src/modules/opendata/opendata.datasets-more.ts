import type { AppContext } from '../../context.ts';
import { publicIndustryTotals, publicSentra } from '../industry/industry.facade.ts';
import { getElection, listElections } from '../pb/pb.service.ts';
import { allSeries } from '../plans/plans.facade.ts';
import { getPlan, listPlans } from '../plans/plans.service.ts';
import { listSurveys, povertyFigures } from '../poverty/poverty.service.ts';
import { col, type Dataset, type Row } from './opendata.dataset.ts';

/**
 * The rest of the public tables (issue 21, part 5): plan targets and their realisations, the
 * statistics series, participatory-budgeting results, the industry totals (cells of fewer than
 * three businesses withheld) and the sentra IKM.
 */
const sampleColumn = col(
  'data_contoh',
  'boolean',
  ['Data contoh', 'Sample data'],
  ['Benar bila baris ini data contoh demo', 'True when the row is demo sample data'],
);

const planTargets: Dataset = {
  id: 'target-rencana',
  title: ['Target dan realisasi indikator rencana', 'Plan indicator targets and realisations'],
  description: [
    'Setiap indikator setiap rencana (RPJPN sampai RKPDes, dan RPIK): target dan realisasinya per tahun, sumber realisasi dan persentase capaian (Permendagri 86/2017).',
    'Every indicator of every plan (RPJPN to RKPDes, and the RPIK): its target and realisation per year, the source of the realisation and the achievement (Permendagri 86/2017).',
  ],
  keywords: ['perencanaan', 'RPJMD', 'indikator', 'capaian'],
  columns: [
    col('rencana', 'string', ['Rencana', 'Plan']),
    col(
      'jenis_rencana',
      'string',
      ['Jenis rencana', 'Kind of plan'],
      [
        'RPJPN, RPJMN, RPJMD, RPIK, Renstra, Renja, RKPDes, ...',
        'RPJPN, RPJMN, RPJMD, RPIK, Renstra, Renja, RKPDes, ...',
      ],
    ),
    col(
      'butir',
      'string',
      ['Butir rencana', 'Plan item'],
      [
        'Tujuan, sasaran, program atau kegiatan yang diukur',
        'The goal, target, program or activity measured',
      ],
    ),
    col('indikator', 'string', ['Indikator', 'Indicator']),
    col('satuan', 'string', ['Satuan', 'Unit']),
    col(
      'arah',
      'string',
      ['Arah', 'Direction'],
      ['higher: makin tinggi makin baik; lower: sebaliknya', 'higher: higher is better; lower: the reverse'],
    ),
    col('tahun', 'integer', ['Tahun', 'Year']),
    col('target', 'number', ['Target', 'Target']),
    col('realisasi', 'number', ['Realisasi', 'Realisation']),
    col('sumber_realisasi', 'string', ['Sumber realisasi', 'Source of the realisation']),
    col('capaian_persen', 'number', ['Capaian (%)', 'Achievement (%)']),
    sampleColumn,
  ],
  async rows(ctx) {
    const rows: Row[] = [];
    for (const summary of (await listPlans(ctx)).items) {
      const plan = await getPlan(ctx, summary.id);
      for (const node of plan.nodes)
        for (const i of node.indicators)
          for (const y of i.byYear)
            rows.push({
              rencana: plan.name,
              jenis_rencana: plan.kind,
              butir: node.title,
              indikator: i.name,
              satuan: i.unit,
              arah: i.direction,
              tahun: y.year,
              target: y.target,
              realisasi: y.realisation,
              sumber_realisasi: y.source,
              capaian_persen: y.achievement === null ? null : Math.round(y.achievement * 10) / 10,
              data_contoh: plan.sample,
            });
    }
    return rows;
  },
};

const statistics: Dataset = {
  id: 'seri-statistik',
  title: ['Seri statistik daerah', 'Regional statistics series'],
  description: [
    'Nilai per indikator, wilayah dan tahun yang dipakai Sinergi (angka BPS yang diimpor dan total tahunan registri industri), masing-masing dengan sumbernya.',
    'The values per indicator, region and year Sinergi uses (imported BPS figures and the industry registry’s yearly totals), each with its source.',
  ],
  keywords: ['statistik', 'BPS', 'seri'],
  columns: [
    col('indikator', 'string', ['Indikator', 'Indicator']),
    col(
      'kode_wilayah',
      'string',
      ['Kode wilayah', 'Region code'],
      ['Kode wilayah Kemendagri', 'Kemendagri region code'],
    ),
    col('tahun', 'integer', ['Tahun', 'Year']),
    col('nilai', 'number', ['Nilai', 'Value']),
    col('satuan', 'string', ['Satuan', 'Unit']),
    col(
      'sumber',
      'string',
      ['Sumber', 'Source'],
      ['Sumber; "contoh" menandai angka peragaan', 'Source; "contoh" marks demo figures'],
    ),
  ],
  async rows(ctx) {
    return (await allSeries(ctx)).map((s) => ({
      indikator: s.indicator,
      kode_wilayah: s.regionCode,
      tahun: s.year,
      nilai: s.value,
      satuan: s.unit,
      sumber: s.source,
    }));
  },
};

const pbResults: Dataset = {
  id: 'hasil-anggaran-partisipatif',
  title: ['Hasil anggaran partisipatif', 'Participatory budgeting results'],
  description: [
    'Setiap usulan dalam pemungutan suara anggaran partisipatif yang sudah dihitung: biaya, suara dan apakah terpilih. Suara tampil sesudah pemungutan ditutup.',
    'Every project in a participatory-budgeting vote that has been counted: cost, votes and whether it was chosen. Votes show once voting has closed.',
  ],
  keywords: ['anggaran partisipatif', 'pemungutan suara', 'Equal Shares'],
  columns: [
    col('pemilihan', 'string', ['Pemungutan suara', 'Vote']),
    col('tahun_rencana', 'integer', ['Tahun rencana', 'Plan year']),
    col('pagu', 'integer', ['Pagu (Rp)', 'Budget (Rp)']),
    col('kode_usulan', 'string', ['Kode usulan', 'Project code']),
    col('judul', 'string', ['Judul', 'Title']),
    col('biaya', 'integer', ['Biaya (Rp)', 'Cost (Rp)']),
    col('wilayah', 'string', ['Wilayah', 'Region']),
    col('suara', 'integer', ['Suara', 'Votes']),
    col('terpilih', 'boolean', ['Terpilih', 'Chosen']),
  ],
  async rows(ctx) {
    const rows: Row[] = [];
    for (const summary of (await listElections(ctx)).items) {
      const e = await getElection(ctx, summary.id);
      if (!e.final) continue;
      for (const p of e.projects)
        rows.push({
          pemilihan: e.title,
          tahun_rencana: e.planYear,
          pagu: e.budget,
          kode_usulan: p.code,
          judul: p.title,
          biaya: p.cost,
          wilayah: p.regionName,
          suara: p.votes,
          terpilih: p.selected,
        });
    }
    return rows;
  },
};

const industryTotals: Dataset = {
  id: 'industri-dan-emisi',
  title: [
    'Industri terdaftar: produksi, tenaga kerja dan emisi',
    'Registered industry: output, workforce and emissions',
  ],
  description: [
    'Total tahunan registri industri menurut golongan pokok KBLI 2020 dan menurut kecamatan: jumlah usaha, tenaga kerja, nilai produksi, emisi GRK (IPCC 2006, faktor jaringan Jawa-Bali) dan intensitasnya. Sel dengan kurang dari 3 usaha tidak ditampilkan (ditahan) agar angka satu usaha tidak terbuka.',
    'The industry registry’s yearly totals by KBLI 2020 division and by kecamatan: businesses, workforce, output, greenhouse-gas emissions (IPCC 2006, the Jawa-Bali grid factor) and their intensity. Cells of fewer than 3 businesses are withheld so no single business’s figures show.',
  ],
  keywords: ['industri', 'IKM', 'emisi', 'gas rumah kaca'],
  columns: [
    col('tahun', 'integer', ['Tahun', 'Year']),
    col(
      'menurut',
      'string',
      ['Menurut', 'By'],
      ['semua, kbli atau kecamatan', 'semua (all), kbli or kecamatan'],
    ),
    col(
      'kode',
      'string',
      ['Kode', 'Code'],
      ['Golongan pokok KBLI atau kode kecamatan Kemendagri', 'KBLI division or Kemendagri kecamatan code'],
    ),
    col('nama', 'string', ['Nama', 'Name']),
    col('jumlah_usaha', 'integer', ['Jumlah usaha', 'Businesses']),
    col(
      'ditahan',
      'boolean',
      ['Ditahan', 'Withheld'],
      [
        'Benar bila angka sel ini ditahan (kurang dari 3 usaha)',
        'True when the cell is withheld (fewer than 3 businesses)',
      ],
    ),
    col('tenaga_kerja', 'integer', ['Tenaga kerja', 'Workforce']),
    col('nilai_produksi', 'integer', ['Nilai produksi (Rp)', 'Output (Rp)']),
    col('emisi_t_co2e', 'number', ['Emisi (t CO2e)', 'Emissions (t CO2e)']),
    col('intensitas', 'number', ['t CO2e per Rp1 miliar', 't CO2e per Rp1 billion']),
  ],
  async rows(ctx) {
    return (await publicIndustryTotals(ctx)).map((c) => ({
      tahun: c.year,
      menurut: c.by,
      kode: c.key,
      nama: c.name,
      jumlah_usaha: c.businesses,
      ditahan: c.withheld,
      tenaga_kerja: c.workforce,
      nilai_produksi: c.productionValue,
      emisi_t_co2e: c.emissions,
      intensitas: c.intensity,
    }));
  },
};

const sentra: Dataset = {
  id: 'sentra-ikm',
  title: ['Sentra IKM', 'Sentra IKM (industry clusters)'],
  description: [
    'Sentra industri kecil dan menengah: produk, desa, titik lokasi bila dicatat, dan jumlah usaha anggotanya yang terdaftar.',
    'Clusters of small and medium industries: product, desa, point where recorded, and the number of registered member businesses.',
  ],
  keywords: ['sentra', 'IKM', 'industri'],
  columns: [
    col('nama', 'string', ['Nama sentra', 'Name']),
    col('produk', 'string', ['Produk', 'Product']),
    col(
      'kode_desa',
      'string',
      ['Kode desa', 'Desa code'],
      ['Kode wilayah Kemendagri', 'Kemendagri region code'],
    ),
    col('desa', 'string', ['Desa/kelurahan', 'Desa/kelurahan']),
    col('kecamatan', 'string', ['Kecamatan', 'Kecamatan']),
    col('lintang', 'number', ['Lintang', 'Latitude']),
    col('bujur', 'number', ['Bujur', 'Longitude']),
    col('jumlah_usaha', 'integer', ['Jumlah usaha anggota', 'Member businesses']),
  ],
  async rows(ctx: AppContext) {
    return (await publicSentra(ctx)).map((s) => ({
      nama: s.name,
      produk: s.product,
      kode_desa: s.desaCode,
      desa: s.desa,
      kecamatan: s.kecamatan,
      lintang: s.latitude,
      bujur: s.longitude,
      jumlah_usaha: s.businesses,
    }));
  },
};

const povertyByKecamatan: Dataset = {
  id: 'kemiskinan-kecamatan',
  title: ['Kemiskinan dan ketimpangan per kecamatan', 'Poverty and inequality by kecamatan'],
  description: [
    'Dari setiap survei rumah tangga yang diimpor: persentase penduduk miskin (P0), indeks kedalaman (P1) dan keparahan (P2) pada garis kemiskinan survei, rasio Gini dan bagian 40 % terbawah, per kecamatan (ukuran FGT dan Gini seperti BPS).',
    'From each imported household survey: the poverty rate (P0), depth (P1) and severity (P2) at the survey’s poverty line, the Gini ratio and the bottom 40 % share, per kecamatan (FGT and Gini as BPS computes them).',
  ],
  keywords: ['kemiskinan', 'ketimpangan', 'kecamatan'],
  columns: [
    col('survei', 'string', ['Survei', 'Survey']),
    col('garis_kemiskinan', 'number', [
      'Garis kemiskinan (Rp/kapita/bulan)',
      'Poverty line (Rp/capita/month)',
    ]),
    col(
      'kode_kecamatan',
      'string',
      ['Kode kecamatan', 'Kecamatan code'],
      ['Kode wilayah Kemendagri', 'Kemendagri region code'],
    ),
    col('kecamatan', 'string', ['Kecamatan', 'Kecamatan']),
    col('rumah_tangga', 'integer', ['Rumah tangga tersurvei', 'Households surveyed']),
    col(
      'p0',
      'number',
      ['P0 (%)', 'P0 (%)'],
      ['Persentase penduduk di bawah garis kemiskinan', 'Share of people below the poverty line'],
    ),
    col('p1', 'number', ['P1', 'P1'], ['Indeks kedalaman kemiskinan', 'Poverty gap index']),
    col('p2', 'number', ['P2', 'P2'], ['Indeks keparahan kemiskinan', 'Poverty severity index']),
    col('gini', 'number', ['Rasio Gini', 'Gini ratio']),
    col('bagian_40_terbawah', 'number', ['Bagian 40 % terbawah (%)', 'Bottom 40 % share (%)']),
    sampleColumn,
  ],
  async rows(ctx) {
    const rows: Row[] = [];
    for (const s of await listSurveys(ctx)) {
      const f = await povertyFigures(ctx, { survey: s.survey });
      if (!('kecamatan' in f) || !f.survey) continue;
      for (const k of f.kecamatan)
        rows.push({
          survei: f.survey.name,
          garis_kemiskinan: f.survey.line,
          kode_kecamatan: k.code,
          kecamatan: k.name,
          rumah_tangga: k.households,
          p0: k.p0,
          p1: k.p1,
          p2: k.p2,
          gini: k.gini,
          bagian_40_terbawah: k.bottom40Share,
          data_contoh: f.survey.sample,
        });
    }
    return rows;
  },
};

export const moreDatasets: readonly Dataset[] = [
  planTargets,
  statistics,
  povertyByKecamatan,
  pbResults,
  industryTotals,
  sentra,
];

import type { AppContext } from '../../context.ts';
import { firstProposalsOf, linkProposalsInTx } from '../musrenbang/musrenbang.facade.ts';
import { findOrganisations } from '../organisations/organisations.service.ts';
import * as repo from './plans.repository.ts';

/**
 * Demo mode only: a SAMPLE set of plans, all marked `sample`. The national priorities follow the
 * RPJPN 2025–2045 headline targets (UU 59/2024) and Kab. Blitar's stated priorities; the RPJMD,
 * Renstra, Renja and RKPDes entries, their pagu and targets are made up for the demo. The RPJMD's
 * indicators draw their realisations from the real published statistics (BPS, reference-data/stats).
 */
export async function seedSamplePlans(ctx: AppContext) {
  if (ctx.config.mode !== 'demo' || ctx.config.activeKabupaten !== '35.05') return 0;
  const { db } = ctx.database;
  if ((await repo.countPlans(db)) > 0) return 0;
  const year = String(ctx.clock().getUTCFullYear());
  const planRows: (repo.NewPlan & { id: string })[] = [];
  const nodeRows: (repo.NewNode & { id: string })[] = [];
  const links: { nodeId: string; supportsId: string }[] = [];
  const plan = (
    kind: string,
    level: string,
    name: string,
    start: number,
    end: number,
    owner: string | null = null,
  ) => {
    const id = crypto.randomUUID();
    planRows.push({ id, kind, level, name, startYear: start, endYear: end, owner, sample: true });
    return id;
  };
  const node = (
    planId: string,
    kind: string,
    title: string,
    opts: { parent?: string; supports?: string[]; budget?: number; tags?: string[]; code?: string } = {},
  ) => {
    const id = crypto.randomUUID();
    nodeRows.push({
      id,
      planId,
      kind,
      title,
      code: opts.code ?? null,
      parentId: opts.parent ?? null,
      tags: opts.tags ?? [],
      budget: opts.budget ? { [year]: opts.budget } : {},
      // Among its siblings, in the order written here.
      position: nodeRows.filter((r) => r.planId === planId && r.parentId === (opts.parent ?? null)).length,
    });
    for (const s of opts.supports ?? []) links.push({ nodeId: id, supportsId: s });
    return id;
  };

  const rpjpn = plan('RPJPN', 'nasional', 'RPJPN 2025–2045 (sasaran utama)', 2025, 2045);
  const nIncome = node(rpjpn, 'prioritas', 'Pendapatan per kapita setara negara maju');
  const nPoverty = node(rpjpn, 'prioritas', 'Kemiskinan menuju 0,5–0,8 %');
  const nHuman = node(rpjpn, 'prioritas', 'Kualitas sumber daya manusia (IPM)');
  node(rpjpn, 'prioritas', 'Penurunan emisi gas rumah kaca menuju net zero');

  const rpjmd = plan('RPJMD', 'kabupaten', 'RPJMD Kab. Blitar 2025–2029 (contoh)', 2025, 2029);
  const tSdm = node(rpjmd, 'tujuan', 'Meningkatkan kualitas sumber daya manusia', { supports: [nHuman] });
  const sSekolah = node(rpjmd, 'sasaran', 'Meningkatnya rata-rata lama sekolah', { parent: tSdm });
  const sSehat = node(rpjmd, 'sasaran', 'Menurunnya prevalensi stunting', { parent: tSdm });
  const tMiskin = node(rpjmd, 'tujuan', 'Menurunkan kemiskinan dan pengangguran', {
    supports: [nPoverty],
    tags: ['Program Unggulan Bupati'],
  });
  const sMiskin = node(rpjmd, 'sasaran', 'Menurunnya persentase penduduk miskin', { parent: tMiskin });
  const sKerja = node(rpjmd, 'sasaran', 'Menurunnya tingkat pengangguran terbuka', { parent: tMiskin });
  const tEkonomi = node(rpjmd, 'tujuan', 'Memperkuat pertanian, perdagangan dan industri pengolahan', {
    supports: [nIncome],
  });
  const sTani = node(rpjmd, 'sasaran', 'Meningkatnya produktivitas pertanian', { parent: tEkonomi });
  const sUmkm = node(rpjmd, 'sasaran', 'Meningkatnya omzet UMKM pengolahan', { parent: tEkonomi });
  // Nothing below serves this one yet: an uncovered target on the dashboard.
  node(rpjmd, 'sasaran', 'Meningkatnya kemantapan jalan kabupaten', { parent: tEkonomi });

  // The RPIK (UU 3/2014, PP 14/2015): its sasaran serve the RPJMD's industry target, and its
  // indicators are measured by the industry registry's yearly totals (the industry module's series).
  const rpik = plan('RPIK', 'kabupaten', 'RPIK Kab. Blitar 2025–2035 (contoh)', 2025, 2035);
  const sIkm = node(rpik, 'sasaran', 'IKM tumbuh dengan produksi yang lebih hijau', { supports: [sUmkm] });

  // Renstra 2025–2029 of two OPD: their programs serve RPJMD sasaran; their Renja programs serve them.
  const renstra = (opd: string, code: string, title: string, supports: string[]) => {
    const p = plan('Renstra', 'opd', `Renstra ${opd} 2025–2029 (contoh)`, 2025, 2029, opd);
    return node(p, 'program', title, { supports, code });
  };
  const rsDinsos = renstra('DINSOS', '1.06.04', 'Program rehabilitasi sosial', [sMiskin]);
  const rsDiskopum = renstra('DISKOPUM', '2.17.07', 'Program pemberdayaan usaha menengah, kecil dan mikro', [
    sUmkm,
    sMiskin,
  ]);

  // Renja of the year. Codes: the program level of the nomenclature (reference-data/nomenclature).
  const programOf = new Map<string, string>();
  const renja = (opd: string, items: [string, string, number, string[]][]) => {
    const p = plan('Renja', 'opd', `Renja ${opd} ${year} (contoh)`, Number(year), Number(year), opd);
    for (const [code, title, pagu, supports] of items) {
      const id = node(p, 'program', title, { budget: pagu, supports, code });
      if (!programOf.has(opd)) programOf.set(opd, id);
    }
    return programOf.get(opd)!;
  };
  renja('DISDIK', [['1.01.02', 'Program pengelolaan pendidikan', 4_200_000_000, [sSekolah]]]);
  renja('DINKES', [
    ['1.02.02', 'Program pemenuhan upaya kesehatan perorangan dan masyarakat', 3_100_000_000, [sSehat]],
    // Serves nothing above: an orphan on the dashboard.
    ['1.02.01', 'Program penunjang urusan pemerintahan daerah', 900_000_000, []],
  ]);
  // Dinsos carries its pagu on sub-kegiatan, so the drill-down reaches that level.
  const rjDinsos = plan(
    'Renja',
    'opd',
    `Renja DINSOS ${year} (contoh)`,
    Number(year),
    Number(year),
    'DINSOS',
  );
  const pDinsos = node(rjDinsos, 'program', 'Program rehabilitasi sosial', {
    supports: [rsDinsos],
    code: '1.06.04',
  });
  programOf.set('DINSOS', pDinsos);
  const kDinsos = node(
    rjDinsos,
    'kegiatan',
    'Rehabilitasi sosial penyandang disabilitas dan lansia terlantar',
    {
      parent: pDinsos,
    },
  );
  node(rjDinsos, 'subkegiatan', 'Pemberian permakanan bagi lansia terlantar', {
    parent: kDinsos,
    budget: 1_500_000_000,
  });
  node(rjDinsos, 'subkegiatan', 'Penyediaan alat bantu bagi penyandang disabilitas', {
    parent: kDinsos,
    budget: 900_000_000,
  });
  renja('DISNAKER', [
    ['2.07.03', 'Program pelatihan kerja dan produktivitas tenaga kerja', 1_300_000_000, [sKerja, sMiskin]],
  ]);
  const pTani = renja('DISTANPANGAN', [
    ['3.27.02', 'Program penyediaan dan pengembangan sarana pertanian', 2_800_000_000, [sTani]],
  ]);
  renja('DISKOPUM', [
    ['2.17.07', 'Program pemberdayaan usaha menengah, kecil dan mikro', 1_700_000_000, [rsDiskopum]],
  ]);

  const rkpdes = (desa: string, name: string, items: [string, number, string[]][]) => {
    const p = plan('RKPDes', 'desa', `RKPDes ${name} ${year} (contoh)`, Number(year), Number(year), desa);
    for (const [title, pagu, supports] of items) node(p, 'rkpdes', title, { budget: pagu, supports });
  };
  rkpdes('35.05.01.2001', 'Jaten', [
    ['Pelatihan pengolahan hasil pertanian', 45_000_000, [sUmkm]],
    ['Pembangunan gapura desa', 60_000_000, []],
    ['Posyandu dan pemberian makanan tambahan', 35_000_000, [sSehat]],
  ]);
  rkpdes('35.05.01.2011', 'Kolomayan', [
    ['Rabat beton jalan usaha tani', 120_000_000, []],
    ['BLT Dana Desa', 90_000_000, [sMiskin]],
  ]);

  // Indicators of the RPJMD. Targets are sample figures (the 2045 poverty target follows the RPJPN's
  // 0.5–0.8 %); realisations come from the real statistics series (reference-data/stats), linked
  // by name, so a newly imported BPS figure reaches them.
  const series = (nodeId: string, seriesIndicator: string, spec: Omit<repo.NewIndicator, 'nodeId'>) =>
    ({ nodeId, ...spec, seriesIndicator, seriesRegion: '35.05' }) as repo.NewIndicator;
  const indicators = [
    series(sMiskin, 'persentase_penduduk_miskin_P0', {
      name: 'Persentase penduduk miskin',
      unit: '%',
      direction: 'lower',
      baselineYear: 2016,
      baselineValue: 9.88,
      targets: { '2025': 7.9, '2026': 7.5, '2027': 7.1, '2028': 6.7, '2029': 6.3, '2045': 0.8 },
    }),
    series(sKerja, 'tingkat_pengangguran_terbuka', {
      name: 'Tingkat pengangguran terbuka',
      unit: '%',
      direction: 'lower',
      baselineYear: 2023,
      baselineValue: 4.91,
      targets: { '2025': 4.6, '2026': 4.45, '2027': 4.3, '2028': 4.15, '2029': 4.0 },
    }),
    series(sSehat, 'prevalensi_stunting', {
      name: 'Prevalensi stunting balita',
      unit: '%',
      direction: 'lower',
      baselineYear: 2022,
      baselineValue: 14.3,
      targets: { '2025': 14, '2026': 13, '2027': 12, '2028': 11, '2029': 10 },
    }),
    series(tSdm, 'ipm_hdi', {
      name: 'Indeks pembangunan manusia',
      unit: 'indeks',
      direction: 'higher',
      baselineYear: 2016,
      baselineValue: 68.88,
      targets: { '2025': 73.5, '2026': 74, '2027': 74.5, '2028': 75, '2029': 75.5 },
    }),
    series(tEkonomi, 'laju_pertumbuhan_ekonomi', {
      name: 'Laju pertumbuhan ekonomi',
      unit: '%',
      direction: 'higher',
      baselineYear: 2022,
      baselineValue: 5.2,
      targets: { '2025': 5.3, '2026': 5.4, '2027': 5.5, '2028': 5.6, '2029': 5.7 },
    }),
    series(sIkm, 'industri_nilai_produksi', {
      name: 'Nilai produksi IKM terdaftar',
      unit: 'Rp',
      direction: 'higher',
      baselineYear: 2025,
      baselineValue: 90_000_000_000,
      targets: { '2026': 96_000_000_000, '2030': 125_000_000_000, '2035': 170_000_000_000 },
    }),
    series(sIkm, 'industri_intensitas_emisi', {
      name: 'Intensitas emisi GRK industri',
      unit: 't CO2e per Rp1 miliar',
      direction: 'lower',
      baselineYear: 2025,
      baselineValue: 23,
      targets: { '2026': 22, '2030': 18, '2035': 13 },
    }),
    series(sIkm, 'industri_bersertifikat_hijau', {
      name: 'Usaha bersertifikat Standar Industri Hijau',
      unit: 'unit usaha',
      direction: 'higher',
      baselineYear: 2025,
      baselineValue: 0,
      targets: { '2026': 2, '2030': 10, '2035': 25 },
    }),
    // An additive target and the one program serving it: 800 of the 1,200 ha the RPJMD wants this
    // year, a shortfall on the dashboard.
    {
      nodeId: sTani,
      name: 'Luas sawah yang terlayani jaringan irigasi baru',
      unit: 'ha',
      direction: 'higher',
      additive: true,
      baselineYear: 2024,
      baselineValue: 0,
      targets: { '2025': 1000, [year]: 1200, '2029': 1500 },
    },
    {
      nodeId: pTani,
      name: 'Luas sawah yang terlayani jaringan irigasi baru',
      unit: 'ha',
      direction: 'higher',
      additive: true,
      baselineYear: 2024,
      baselineValue: 0,
      targets: { [year]: 800 },
    },
  ];

  // A few sample Musrenbang proposals addressed to these OPD are linked to their Renja program.
  const orgs = await findOrganisations(ctx);
  const proposalLinks: [string, string[]][] = [];
  for (const [opd, nodeId] of programOf) {
    const org = orgs.find((o) => o.code === opd);
    if (!org) continue;
    proposalLinks.push([nodeId, await firstProposalsOf(ctx, org.id, 3)]);
  }

  await db.transaction(async (tx) => {
    await repo.insertPlansInBulk(tx, { plans: planRows, nodes: nodeRows, links, indicators });
    for (const [nodeId, ids] of proposalLinks) await linkProposalsInTx(tx, ids, nodeId);
  });
  return planRows.length;
}

import { count } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { planIndicators, planLinks, planNodes, plans } from '../../db/schema.ts';

/**
 * Demo mode only: a SAMPLE set of plans, all marked `sample`. The national priorities follow the
 * RPJPN 2025–2045 headline targets (UU 59/2024) and Kab. Blitar's stated priorities; the RPJMD,
 * Renja and RKPDes entries, their pagu and targets are made up for the demo. The poverty
 * indicator carries the real published realisations (BPS, reference-data/stats).
 */
export async function seedSamplePlans(ctx: AppContext) {
  if (ctx.config.mode !== 'demo' || ctx.config.activeKabupaten !== '35.05') return 0;
  const { db } = ctx.database;
  const [existing] = await db.select({ n: count() }).from(plans);
  if ((existing?.n ?? 0) > 0) return 0;
  const year = String(ctx.clock().getUTCFullYear());
  const planRows: (typeof plans.$inferInsert & { id: string })[] = [];
  const nodeRows: (typeof planNodes.$inferInsert & { id: string })[] = [];
  const links: (typeof planLinks.$inferInsert)[] = [];
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
    opts: { parent?: string; supports?: string[]; budget?: number; tags?: string[] } = {},
  ) => {
    const id = crypto.randomUUID();
    nodeRows.push({
      id,
      planId,
      kind,
      title,
      parentId: opts.parent ?? null,
      tags: opts.tags ?? [],
      budget: opts.budget ? { [year]: opts.budget } : {},
      position: nodeRows.length,
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

  const renja = (opd: string, items: [string, number, string[]][]) => {
    const p = plan('Renja', 'opd', `Renja ${opd} ${year} (contoh)`, Number(year), Number(year), opd);
    for (const [title, pagu, supports] of items) node(p, 'program', title, { budget: pagu, supports });
  };
  renja('DISDIK', [['Program pengelolaan pendidikan dasar', 4_200_000_000, [sSekolah]]]);
  renja('DINKES', [
    ['Program pemenuhan upaya kesehatan perorangan dan masyarakat', 3_100_000_000, [sSehat]],
    // Serves nothing above: an orphan on the dashboard.
    ['Program penunjang urusan pemerintahan daerah', 900_000_000, []],
  ]);
  renja('DINSOS', [['Program rehabilitasi dan perlindungan sosial', 2_400_000_000, [sMiskin]]]);
  renja('DISNAKER', [
    ['Program pelatihan kerja dan produktivitas tenaga kerja', 1_300_000_000, [sKerja, sMiskin]],
  ]);
  renja('DISTANPANGAN', [['Program penyediaan dan pengembangan sarana pertanian', 2_800_000_000, [sTani]]]);
  renja('DISKOPUM', [
    ['Program pemberdayaan usaha menengah, kecil dan mikro', 1_700_000_000, [sUmkm, sMiskin]],
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
  rkpdes('35.05.01.2002', 'Kolomayan', [
    ['Rabat beton jalan usaha tani', 120_000_000, []],
    ['BLT Dana Desa', 90_000_000, [sMiskin]],
  ]);

  await db.transaction(async (tx) => {
    await tx.insert(plans).values(planRows);
    await tx.insert(planNodes).values(nodeRows);
    await tx.insert(planLinks).values(links);
    await tx.insert(planIndicators).values({
      nodeId: sMiskin,
      name: 'Persentase penduduk miskin',
      unit: '%',
      direction: 'lower',
      additive: false,
      baselineYear: 2016,
      baselineValue: 9.88,
      // Targets: sample figures. Realisations: BPS, as in reference-data/stats.
      targets: { '2025': 7.9, '2026': 7.5, '2027': 7.1, '2028': 6.7, '2029': 6.3 },
      realisations: {
        '2023': { value: 8.69, source: 'BPS (Maret 2023)' },
        '2024': { value: 8.16, source: 'BPS (Maret 2024)' },
        '2025': { value: 7.57, source: 'BPS Kab. Blitar (Maret 2025)' },
      },
    });
  });
  return planRows.length;
}

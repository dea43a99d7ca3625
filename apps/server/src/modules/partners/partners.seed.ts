import type { AppContext } from '../../context.ts';
import { planItemsTitled } from '../plans/plans.facade.ts';
import * as repo from './partners.repository.ts';

/**
 * Demo mode only: SAMPLE partners, so the partners' pages, the CSR catalogue's neighbours and the
 * commitments dataset have something to show: a company's CSR agreement with a money commitment,
 * a university's research agreement with a study informing sample plan targets, and an NGO's
 * expertise. Every row is marked `sample` and named "(contoh)"; none is a real agreement.
 */
export async function seedSamplePartners(ctx: AppContext) {
  if (ctx.config.mode !== 'demo' || ctx.config.activeKabupaten !== '35.05') return 0;
  const { db } = ctx.database;
  if ((await repo.findPartners(db)).length) return 0;
  const year = ctx.clock().getFullYear();
  const targets = await planItemsTitled(ctx, [
    'Meningkatnya omzet UMKM pengolahan',
    'IKM tumbuh dengan produksi yang lebih hijau',
  ]);
  const partners = [
    {
      partner: { name: 'PT Gula Kelud Makmur (contoh)', kind: 'swasta', sector: 'industri gula' },
      agreement: {
        kind: 'pks',
        number: `050/01/409.108/${year} (contoh)`,
        title: 'TJSL air bersih dan jalan usaha tani',
        scope: 'Sumur bor dan pengerasan jalan usaha tani di desa rawan air',
      },
      commitments: [
        { kind: 'uang', description: 'Dana TJSL air bersih', amount: 750_000_000 },
        { kind: 'barang', description: 'Pipa HDPE dan pompa submersible' },
      ],
    },
    {
      partner: {
        name: 'Universitas Negeri Blitar (contoh)',
        kind: 'perguruan_tinggi',
        sector: 'pendidikan tinggi',
      },
      agreement: {
        kind: 'mou',
        number: `000/02/409.108/${year} (contoh)`,
        title: 'Kerja sama riset industri kecil dan menengah',
        scope: 'Kajian rantai nilai IKM dan pendampingan produksi bersih',
      },
      commitments: [{ kind: 'keahlian', description: 'Peneliti dan mahasiswa pendamping IKM' }],
      studies: [
        {
          title: 'Kajian rantai nilai gula kelapa dan efisiensi tungku IKM (contoh)',
          year,
          status: 'berjalan',
          summary:
            'Biaya, energi dan limbah per kilogram gula kelapa di sentra, dan pilihan tungku hemat bahan bakar.',
          url: '',
          planNodeIds: targets.map((t) => t.id),
        },
      ],
    },
    {
      partner: { name: 'Yayasan Desa Lestari (contoh)', kind: 'lsm', sector: 'pemberdayaan masyarakat' },
      agreement: {
        kind: 'mou',
        number: '',
        title: 'Pendampingan kelompok pengelola sampah desa',
        scope: 'Bank sampah dan pemilahan di desa',
      },
      commitments: [{ kind: 'keahlian', description: 'Fasilitator bank sampah' }],
    },
  ];
  await db.transaction(async (tx) => {
    for (const p of partners) {
      const row = await repo.insertPartner(tx, { ...p.partner, sample: true });
      await repo.insertAgreement(
        tx,
        { ...p.agreement, partnerId: row.id, startsOn: `${year}-01-01`, endsOn: `${year + 2}-12-31` },
        p.commitments,
      );
      for (const s of p.studies ?? []) await repo.insertStudy(tx, { ...s, partnerId: row.id });
    }
  });
  return partners.length;
}

import type { AppContext } from '../../context.ts';
import { findOrganisations } from '../organisations/organisations.service.ts';
import { accountIdOf } from '../users/users.facade.ts';
import * as repo from './musrenbang.repository.ts';

/**
 * Demo mode only: a small proposal dictionary and a handful of proposals in Desa Jaten and
 * Kecamatan Wonodadi at different steps, so every page has something to show. All of it is
 * SAMPLE data: kamus codes start with "CONTOH", proposers end in "(contoh)", and unit costs are
 * illustrative, not Blitar's standard prices.
 */
export async function seedDemoMusrenbang(ctx: AppContext): Promise<number> {
  if (ctx.config.mode !== 'demo' || ctx.config.activeKabupaten !== '35.05') return 0;
  const { db } = ctx.database;
  if ((await repo.countProposals(db)) > 0) return 0;
  const org = new Map((await findOrganisations(ctx)).map((o) => [o.code, o.id]));
  const year = ctx.clock().getFullYear() + 1;
  const now = ctx.clock();
  const kamus = [
    [
      'CONTOH.PU.01',
      'Rabat beton jalan lingkungan',
      'infrastruktur',
      'DPUPR',
      'Program Penyelenggaraan Jalan',
      'meter',
      450_000,
    ],
    [
      'CONTOH.PU.02',
      'Saluran drainase lingkungan',
      'infrastruktur',
      'DPUPR',
      'Program Pengelolaan dan Pengembangan Sistem Drainase',
      'meter',
      600_000,
    ],
    [
      'CONTOH.PU.03',
      'Rehabilitasi saluran irigasi tersier',
      'infrastruktur',
      'DPUPR',
      'Program Pengelolaan Sumber Daya Air',
      'meter',
      350_000,
    ],
    [
      'CONTOH.KES.01',
      'Alat kesehatan posyandu',
      'sosial_budaya',
      'DINKES',
      'Program Pemenuhan Upaya Kesehatan',
      'paket',
      7_500_000,
    ],
    [
      'CONTOH.TAN.01',
      'Pelatihan pertanian organik',
      'ekonomi',
      'DISTANPANGAN',
      'Program Penyuluhan Pertanian',
      'angkatan',
      25_000_000,
    ],
    [
      'CONTOH.KOP.01',
      'Pelatihan pemasaran daring UMKM',
      'ekonomi',
      'DISKOPUM',
      'Program Pemberdayaan Usaha Mikro',
      'angkatan',
      30_000_000,
    ],
  ] as const;
  const samples = [
    {
      region: '35.05.01.2001',
      title: 'Rabat beton jalan dusun Krajan',
      kamus: 'CONTOH.PU.01',
      volume: 350,
      stage: 'desa',
      rt: '02',
      rw: '01',
      who: 'Kelompok warga RW 01 (contoh)',
      benef: 410,
    },
    {
      region: '35.05.01.2001',
      title: 'Saluran drainase depan SDN Jaten 1',
      kamus: 'CONTOH.PU.02',
      volume: 120,
      stage: 'kecamatan',
      rt: '04',
      rw: '02',
      who: 'Komite sekolah (contoh)',
      benef: 260,
    },
    {
      region: '35.05.01.2001',
      title: 'Pelatihan pertanian organik kelompok tani',
      kamus: 'CONTOH.TAN.01',
      volume: 1,
      stage: 'opd',
      rt: null,
      rw: '03',
      who: 'Poktan Sumber Rejeki (contoh)',
      benef: 40,
    },
    {
      region: '35.05.01.2002',
      title: 'Rehabilitasi saluran irigasi tersier blok Sawahan',
      kamus: 'CONTOH.PU.03',
      volume: 800,
      stage: 'kabupaten',
      rt: null,
      rw: '05',
      who: 'HIPPA Tirto Makmur (contoh)',
      benef: 150,
    },
    {
      region: '35.05.01.2003',
      title: 'Alat kesehatan posyandu Melati',
      kamus: 'CONTOH.KES.01',
      volume: 2,
      stage: 'kecamatan',
      rt: '01',
      rw: '01',
      who: 'Kader posyandu Melati (contoh)',
      benef: 180,
    },
    // Proposals past the kabupaten forum, so that a budget scenario has candidates to choose among.
    ...(
      [
        [
          '35.05.02.2001',
          'Rabat beton jalan poros desa Jati',
          'CONTOH.PU.01',
          600,
          '02',
          'Pemdes Jati (contoh)',
          900,
        ],
        [
          '35.05.03.2001',
          'Drainase pasar desa Karanggayam',
          'CONTOH.PU.02',
          250,
          '01',
          'Paguyuban pedagang (contoh)',
          650,
        ],
        [
          '35.05.04.2001',
          'Irigasi tersier sawah Panggungduwet',
          'CONTOH.PU.03',
          1200,
          '04',
          'HIPPA Panggungduwet (contoh)',
          300,
        ],
        [
          '35.05.05.2001',
          'Pelatihan pertanian organik Pulerejo',
          'CONTOH.TAN.01',
          2,
          null,
          'Gapoktan Pulerejo (contoh)',
          80,
        ],
        [
          '35.05.06.2001',
          'Pemasaran daring UMKM Dadaplangu',
          'CONTOH.KOP.01',
          1,
          null,
          'Kelompok UMKM (contoh)',
          45,
        ],
        [
          '35.05.07.2001',
          'Alat kesehatan posyandu Kalipucung',
          'CONTOH.KES.01',
          3,
          '03',
          'Kader posyandu (contoh)',
          240,
        ],
        [
          '35.05.08.2001',
          'Rabat beton jalan lingkungan Pasiraman',
          'CONTOH.PU.01',
          400,
          '02',
          'Warga RW 02 (contoh)',
          380,
        ],
      ] as const
    ).map(([region, title, kamus, volume, rw, who, benef]) => ({
      region,
      title,
      kamus,
      volume,
      stage: 'kabupaten',
      rt: null,
      rw,
      who,
      benef,
    })),
  ] as const;
  // Appended, so the codes above keep their numbers: a citizen's aspiration waiting for Desa Jaten to
  // moderate it, and a pokir of the demo council account waiting for the agency's screening.
  const more = [
    {
      region: '35.05.01.2001',
      title: 'Lampu penerangan jalan dusun Krajan',
      kamus: 'CONTOH.PU.01',
      volume: 1,
      stage: 'moderasi',
      track: 'aspirasi',
      rt: '03',
      rw: '01',
      who: 'Warga (contoh)',
      benef: 120,
    },
    {
      region: '35.05.01.2003',
      title: 'Posyandu lansia keliling',
      kamus: 'CONTOH.KES.01',
      volume: 1,
      stage: 'opd',
      track: 'pokir',
      rt: null,
      rw: null,
      who: 'Anggota DPRD (contoh)',
      benef: 90,
    },
  ] as const;
  const dprd = await accountIdOf(ctx, 'dprd');
  const path = ['desa', 'kecamatan', 'opd', 'kabupaten'];
  const labels: Record<string, string> = { desa: 'Desa', kecamatan: 'Kecamatan', opd: 'OPD' };
  return db.transaction(async (tx) => {
    await repo.upsertKamus(
      tx,
      kamus.map(([code, name, bidang, opd, program, unit, unitCost]) => ({
        code,
        name,
        bidang,
        organisationId: org.get(opd) ?? null,
        program,
        unit,
        unitCost,
      })),
      now,
    );
    let n = 0;
    for (const s of [...samples, ...more]) {
      const k = kamus.find((x) => x[0] === s.kamus)!;
      const track = 'track' in s ? s.track : 'musrenbang';
      const row = await repo.insertProposal(tx, {
        trackingCode: `USL-DEMO-${String(++n).padStart(4, '0')}`,
        track,
        title: s.title,
        description: 'Usulan contoh untuk mode demo.',
        bidang: k[2],
        organisationId: org.get(k[3]) ?? null,
        regionCode: s.region,
        rt: s.rt,
        rw: s.rw,
        volume: s.volume,
        unit: k[5],
        estimatedCost: Math.round(s.volume * k[6]),
        communityContribution: 0,
        beneficiaries: s.benef,
        planYear: year,
        stage: s.stage,
        state: 'aktif',
        proposerName: s.who,
        proposerUserId: track === 'pokir' ? dprd : null,
        kamusCode: k[0],
      });
      if (track !== 'musrenbang') {
        await repo.insertEvent(tx, {
          proposalId: row.id,
          actorLabel: `${s.who}`,
          kind: 'dibuat',
          toStage: s.stage,
          toYear: year,
        });
        continue;
      }
      const steps = path.slice(0, path.indexOf(s.stage) + 1);
      await repo.insertEvent(tx, {
        proposalId: row.id,
        actorLabel: 'Desa (contoh)',
        kind: 'dibuat',
        toStage: 'desa',
        toYear: year,
      });
      for (let i = 1; i < steps.length; i++)
        await repo.insertEvent(tx, {
          proposalId: row.id,
          actorLabel: `${labels[steps[i - 1]!] ?? 'Bappeda'} (contoh)`,
          kind: 'teruskan',
          fromStage: steps[i - 1]!,
          toStage: steps[i]!,
          fromYear: year,
          toYear: year,
        });
    }
    return n;
  });
}

import { sCurvePlan, seededRandom } from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { blitarDesa } from '../../seed/desa-list.ts';
import { findOrganisations } from '../organisations/organisations.service.ts';
import * as repo from './projects.repository.ts';

/**
 * Demo mode only: SAMPLE projects over the real desa of Kabupaten Blitar, from a fixed seed, all
 * marked `sample`: several hundred works of this year, some on schedule, some late, some critical,
 * some finished, some held up by permits or land, and a road inventory with two survey years.
 */

const KINDS = [
  { type: 'jalan', opd: 'DPUPR', name: 'Peningkatan jalan', min: 300, max: 2_500 },
  { type: 'jembatan', opd: 'DPUPR', name: 'Rehabilitasi jembatan', min: 400, max: 3_000 },
  { type: 'irigasi', opd: 'DPUPR', name: 'Rehabilitasi saluran irigasi', min: 150, max: 1_200 },
  { type: 'pasar', opd: 'DISPERINDAG', name: 'Revitalisasi pasar desa', min: 500, max: 4_000 },
  { type: 'gedung', opd: 'DISDIK', name: 'Rehabilitasi ruang kelas SD', min: 200, max: 900 },
  { type: 'gedung', opd: 'DINKES', name: 'Pembangunan gedung posyandu', min: 150, max: 600 },
  { type: 'jalan', opd: 'DPKP', name: 'Jalan lingkungan permukiman', min: 100, max: 700 },
] as const;

export async function seedSampleProjects(ctx: AppContext, howMany = 320) {
  if (ctx.config.mode !== 'demo' || ctx.config.activeKabupaten !== '35.05') return 0;
  const { db } = ctx.database;
  if ((await repo.countProjects(db)) > 0) return 0;
  const r = seededRandom(88);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const orgs = new Map((await findOrganisations(ctx)).map((o) => [o.code, o.id]));
  const desa = blitarDesa();
  const today = ctx.clock();
  const year = today.getUTCFullYear();
  const todayIso = today.toISOString().slice(0, 10);

  // Road inventory: segments per kecamatan with conditions in two survey years.
  const segs: repo.NewSegment[] = [];
  const conds: repo.NewCondition[] = [];
  const conditions = ['baik', 'sedang', 'rusak_ringan', 'rusak_berat'] as const;
  const kecs = [...new Set(desa.map((d) => d.kode_kec))].sort();
  for (const kec of kecs) {
    const level = r();
    for (let i = 1; i <= 18; i++) {
      const d = pick(desa.filter((x) => x.kode_kec === kec));
      const code = `RUAS-${kec.slice(6)}-${String(i).padStart(2, '0')}`;
      segs.push({
        code,
        name: `Ruas ${d.nama} ${i} (contoh)`,
        regionCode: d.kode,
        lengthKm: Math.round((0.5 + r() * 5) * 100) / 100,
        sample: true,
      });
      const first = conditions[Math.min(3, Math.floor((r() + level * 0.6) * 2.4))]!;
      conds.push({ segmentCode: code, year: year - 2, condition: first, source: 'survei' });
      // A year on, roads wear a little.
      const worse = r() < 0.25 ? conditions[Math.min(3, conditions.indexOf(first) + 1)]! : first;
      conds.push({ segmentCode: code, year: year - 1, condition: worse, source: 'survei' });
    }
  }

  const rows: (repo.NewProject & { id: string })[] = [];
  const reports: repo.NewReport[] = [];
  const permits: repo.NewPermit[] = [];
  for (let i = 0; i < howMany; i++) {
    const kind = pick(KINDS);
    const d = pick(desa);
    const value = Math.round(((kind.min + r() * (kind.max - kind.min)) * 1_000_000) / 1_000_000) * 1_000_000;
    const startMonth = 2 + Math.floor(r() * 6);
    const months = 3 + Math.floor(r() * 6);
    const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
    const endDate = new Date(Date.UTC(year, startMonth - 1 + months, 0)).toISOString().slice(0, 10);
    const plan = sCurvePlan(start.slice(0, 7), months, value);
    const kab = Math.round(value * (0.5 + r() * 0.3));
    const funding = [
      { source: 'apbd_kabupaten', amount: kab },
      ...(r() < 0.35
        ? [{ source: 'apbd_provinsi', amount: value - kab }]
        : [{ source: 'dana_desa', amount: value - kab }]),
    ];
    const id = crypto.randomUUID();
    const segments =
      kind.type === 'jalan' ? [pick(segs.filter((s) => s.regionCode!.startsWith(d.kode_kec))).code] : [];
    rows.push({
      id,
      code: `PRJ-${year}-${String(i + 1).padStart(4, '0')}`,
      name: `${kind.name} ${d.nama} (contoh)`,
      type: kind.type,
      organisationId: orgs.get(kind.opd)!,
      regionCode: d.kode,
      location: null,
      groupCode: `${kind.opd}-${kind.type}`,
      groupName: `${kind.name} ${year}`,
      contractor: `CV Contoh ${String.fromCharCode(65 + Math.floor(r() * 26))}${String.fromCharCode(65 + Math.floor(r() * 26))}`,
      contractValue: value,
      startDate: start,
      endDate,
      funding,
      plan,
      roadSegments: segments,
      sample: true,
    });
    // How the work goes: most keep pace, some slip, some are held up by land or permits.
    const fate = r();
    const pace =
      fate < 0.55 ? 0.97 + r() * 0.08 : fate < 0.8 ? 0.8 + r() * 0.1 : fate < 0.92 ? 0.5 + r() * 0.2 : 0.25;
    const blocked = fate >= 0.92;
    if (blocked || r() < 0.15) {
      const permitKind = pick(['lahan', 'pbg', 'amdal_ukl_upl', 'andalalin', 'rekomendasi_teknis'] as const);
      permits.push({
        projectId: id,
        kind: permitKind,
        status: blocked ? 'terkendala' : 'selesai',
        office: permitKind === 'lahan' ? 'Pemerintah desa dan pemilik lahan' : 'DPMPTSP',
        requestedOn: new Date(Date.UTC(year, startMonth - 2, 10)).toISOString().slice(0, 10),
        doneOn: blocked ? null : new Date(Date.UTC(year, startMonth - 1, 5)).toISOString().slice(0, 10),
        note: blocked ? 'Belum ada kesepakatan (contoh)' : '',
      });
    }
    // Monthly reports up to today, at the project's pace of the plan.
    for (const p of plan) {
      const reportDate = new Date(Date.UTC(Number(p.month.slice(0, 4)), Number(p.month.slice(5)), 0))
        .toISOString()
        .slice(0, 10);
      if (reportDate > todayIso) break;
      const physical = Math.min(100, Math.round(p.physical * pace * 10) / 10);
      const done = physical >= 100;
      reports.push({
        projectId: id,
        reportDate,
        physical,
        spending: Object.fromEntries(
          funding.map((f) => [f.source, Math.round(((f.amount * Math.min(physical, 100)) / 100) * 0.95)]),
        ),
        note: '',
        problems: blocked
          ? 'Lahan/izin belum tuntas (contoh)'
          : pace < 0.85
            ? 'Cuaca dan material terlambat (contoh)'
            : '',
        followUp: pace < 0.85 ? 'Penambahan tenaga kerja (contoh)' : '',
        finalDocuments: done ? ['Berita acara serah terima pekerjaan (contoh)'] : [],
        state: 'diverifikasi',
      });
      if (done) break;
    }
  }
  // Two reports of this month still waiting for the agency's verification (DPUPR's first two projects
  // under way), so the agency's home has something to verify; they change no official figure.
  const dpupr = orgs.get('DPUPR');
  let waiting = 0;
  for (const p of rows) {
    if (waiting === 2 || p.organisationId !== dpupr) continue;
    const own = reports.filter((x) => x.projectId === p.id);
    const last = own.at(-1);
    if (!last || last.physical >= 100 || last.reportDate >= todayIso) continue;
    reports.push({
      ...last,
      reportDate: todayIso,
      physical: Math.min(99, last.physical + 2),
      note: 'Laporan menunggu verifikasi (contoh)',
      finalDocuments: [],
      state: 'dilaporkan',
    });
    waiting++;
  }
  // Finished road work has brought its segments to good condition this year.
  for (const p of rows) {
    const finished = reports.some((x) => x.projectId === p.id && x.physical >= 100);
    if (finished)
      for (const s of p.roadSegments ?? [])
        conds.push({ segmentCode: s, year, condition: 'baik', source: p.code });
  }
  const seen = new Set<string>();
  const uniqueConds = conds.reverse().filter((c) => {
    const k = `${c.segmentCode}|${c.year}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  await db.transaction((tx) =>
    repo.insertSample(tx, { segments: segs, conditions: uniqueConds, projects: rows, reports, permits }),
  );
  return rows.length;
}

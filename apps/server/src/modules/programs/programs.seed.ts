import { seededRandom } from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { systemPrincipal } from '../../context.ts';
import { encrypt, keyedHash } from '../../personal/personal-data.ts';
import { blitarDesa } from '../../seed/desa-list.ts';
import { findOrganisations } from '../organisations/organisations.service.ts';
import { importSurvey } from '../poverty/poverty.service.ts';
import {
  countPeople,
  insertSampleRegistry,
  type NewFamily,
  type NewPerson,
} from '../registry/registry.facade.ts';
import { insertSampleUmkm, type NewUmkm, type NewUmkmRecord } from '../umkm/umkm.facade.ts';
import * as repo from './programs.repository.ts';
import { baseline, FEMALE, MALE, plans, SECOND, SECTORS } from './programs.seed-data.ts';

/**
 * Demo mode only: a SAMPLE registry and programs, made up from a fixed seed over the real desa of
 * Kabupaten Blitar, so the registry, the evaluations and the poverty page have something to show.
 * Every row carries `sample = true` and the interface marks it "contoh". Nothing here is a real
 * person. Three kinds of program are planted: some with a real effect against their comparison
 * group, one with none, and cash transfers with no comparison group, so the evaluation can be seen
 * to find what is there and only that.
 */

export async function seedSamplePrograms(ctx: AppContext, size = { people: 10_000, umkm: 2_000 }) {
  if (ctx.config.mode !== 'demo' || ctx.config.activeKabupaten !== '35.05') return 0;
  const { db } = ctx.database;
  if ((await countPeople(ctx)) > 0) return 0;
  const r = seededRandom(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const key = ctx.config.personalDataKey;
  const desa = blitarDesa();
  // Kecamatan differ in welfare: a level per kecamatan shifts deciles and expenditure.
  const kecLevel = new Map([...new Set(desa.map((d) => d.kode_kec))].map((k) => [k, normal() * 0.25]));
  const orgs = new Map((await findOrganisations(ctx)).map((o) => [o.code, o.id]));
  const today = ctx.clock();
  const year = today.getFullYear();
  const pad = (n: number, w: number) => String(n).padStart(w, '0');

  // Families and people: Desa Jaten first, so the demo desa account has residents to see.
  type P = { id: string; sex: 'L' | 'P'; birth: string; region: string; decile: number; age: number };
  const fams: NewFamily[] = [];
  const ppl: (NewPerson & { id: string })[] = [];
  const meta: P[] = [];
  let serial = 0;
  while (ppl.length < size.people) {
    const d = ppl.length < 120 ? desa.find((x) => x.kode === '35.05.01.2001')! : pick(desa);
    const level = kecLevel.get(d.kode_kec)!;
    const decile = Math.min(10, Math.max(1, Math.round(5.5 + (normal() + level * 4) * 2.6)));
    const kk = `3505${d.kode_kec.slice(6)}${pad(Math.floor(r() * 1e8), 8)}${pad(fams.length % 100, 2)}`;
    const familyId = crypto.randomUUID();
    fams.push({
      id: familyId,
      kkHash: keyedHash(key, 'kk', kk),
      kkSealed: encrypt(key, kk),
      regionCode: d.kode,
      address: `RT ${pad(1 + Math.floor(r() * 8), 3)} / RW ${pad(1 + Math.floor(r() * 4), 3)} (contoh)`,
      welfareDecile: decile,
      decileYear: year - 1,
      sample: true,
    });
    const members = 1 + Math.floor(r() * 5);
    for (let m = 0; m < members && ppl.length < size.people; m++) {
      const sex: 'L' | 'P' = m === 1 ? 'P' : m === 0 ? 'L' : r() < 0.5 ? 'L' : 'P';
      const age = m < 2 ? 22 + Math.floor(r() * 45) : 17 + Math.floor(r() * 30);
      const birth = `${year - age}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
      const [by, bm, bd] = birth.split('-');
      serial++;
      const nik = `3505${d.kode_kec.slice(6)}${pad(Number(bd) + (sex === 'P' ? 40 : 0), 2)}${bm}${by!.slice(2)}${pad(serial % 10000, 4)}`;
      const id = crypto.randomUUID();
      const first = sex === 'L' ? pick(MALE) : pick(FEMALE);
      ppl.push({
        id,
        nikHash: keyedHash(key, 'nik', nik),
        nikSealed: encrypt(key, nik),
        familyId,
        name: `${first} ${pick(SECOND)}`,
        sex,
        birthDate: birth,
        regionCode: d.kode,
        sample: true,
      });
      meta.push({ id, sex, birth, region: d.kode, decile, age });
    }
  }

  // UMKM owned by adults, with a year of monthly records.
  const adults = meta.filter((p) => p.age >= 20);
  const owners = new Map<string, string>();
  const biz: (NewUmkm & { id: string })[] = [];
  const records: NewUmkmRecord[] = [];
  while (biz.length < size.umkm) {
    const owner = pick(adults);
    if (owners.has(owner.id)) continue;
    const [sector, products] = pick(SECTORS);
    const id = crypto.randomUUID();
    owners.set(owner.id, id);
    biz.push({
      id,
      name: `${products} ${pick(SECOND)} (contoh)`,
      sector,
      ownerId: owner.id,
      regionCode: owner.region,
      products,
      permits: {
        ...(r() < 0.6 ? { nib: pad(Math.floor(r() * 1e13), 13) } : {}),
        pirt: r() < 0.35,
        halal: r() < 0.2,
      },
      channels: ['langsung', ...(r() < 0.4 ? ['marketplace'] : []), ...(r() < 0.5 ? ['whatsapp'] : [])],
      sample: true,
    });
    const base = Math.max(500_000, 4_500_000 + normal() * 1_800_000);
    for (let m = 0; m < 12; m++)
      records.push({
        umkmId: id,
        period: `${year - 1}-${pad(m + 1, 2)}-01`,
        revenue: Math.round(base * (1 + 0.1 * Math.sin(m / 2)) + normal() * 200_000),
        workers: Math.max(1, Math.round(1.6 + normal() * 0.9)),
      });
  }

  // Programs: participants and comparison members drawn from the eligible, measured at baseline
  // and follow-up: common trend + noise for everyone, the planted effect for participants only.
  const start = `${year - 1}-02-01`;
  const end = `${year - 1}-11-30`;
  const progRows: (repo.NewProgram & { id: string })[] = [];
  const enrolRows: (repo.NewEnrolment & { id: string })[] = [];
  const measureRows: repo.NewMeasurement[] = [];
  const taken = new Map<string, Set<string>>();
  for (const plan of plans) {
    const id = crypto.randomUUID();
    progRows.push({
      id,
      code: plan.code,
      name: plan.name,
      type: plan.type,
      organisationId: orgs.get(plan.opd)!,
      startDate: start,
      endDate: end,
      budget: plan.budget,
      targetBeneficiaries: plan.target,
      targetGroups: 'Data contoh',
      eligibility: plan.eligibility,
      outputs: [{ name: 'Peserta yang menyelesaikan', unit: 'orang', target: plan.target }],
      outcomes: plan.outcomes,
      excludes: plan.excludes ?? [],
      cyclic: plan.cyclic ?? false,
      sample: true,
    });
    const eligible = meta.filter((p) =>
      plan.eligibility.all.every((c) => {
        switch (c.field) {
          case 'decile':
            return p.decile >= c.min && p.decile <= c.max;
          case 'age':
            return (c.min === undefined || p.age - 1 >= c.min) && (c.max === undefined || p.age - 1 <= c.max);
          case 'sex':
            return c.in.includes(p.sex);
          case 'ownsBusiness':
            return owners.has(p.id) === c.equals;
          default:
            return true;
        }
      }),
    );
    const used = new Set<string>();
    const blocked = new Set([
      ...(plan.excludes ?? []),
      ...plans.filter((x) => x.excludes?.includes(plan.code)).map((x) => x.code),
    ]);
    const draw = (n: number, group: 'peserta' | 'pembanding') => {
      let tries = 0;
      let got = 0;
      // Social assistance reaches some families just above its deciles, as in the field: the
      // targeting figures then have inclusion errors to find.
      const decile = plan.eligibility.all.find((c) => c.field === 'decile');
      const near = decile ? meta.filter((p) => p.decile > decile.max && p.decile <= decile.max + 3) : [];
      while (got < n && tries < n * 50) {
        tries++;
        const stray = group === 'peserta' && plan.type === 'bansos' && near.length > 0 && r() < 0.08;
        const p = stray ? pick(near) : pick(eligible);
        if (used.has(p.id)) continue;
        if (group === 'peserta' && [...blocked].some((code) => taken.get(code)?.has(p.id))) continue;
        used.add(p.id);
        got++;
        const eid = crypto.randomUUID();
        const done = group === 'pembanding' || r() < plan.completion;
        enrolRows.push({
          id: eid,
          programId: id,
          personId: p.id,
          umkmId: owners.get(p.id) ?? null,
          group,
          status: group === 'peserta' ? (done ? 'selesai' : 'aktif') : 'aktif',
          enrolledOn: start,
          completedOn: group === 'peserta' && done ? end : null,
          sessionsAttended: group === 'peserta' ? Math.round((done ? 0.85 : 0.4) * 12) : 0,
          check: stray
            ? { version: 1, eligible: false, failed: [{ field: 'decile', value: p.decile }] }
            : { version: 1, eligible: true, failed: [] },
        });
        if (group === 'peserta') taken.set(plan.code, (taken.get(plan.code) ?? new Set()).add(p.id));
        for (const o of plan.outcomes) {
          const b = baseline[o.indicator]!;
          // A few are not reached at follow-up, as in the field.
          if (r() < 0.05) continue;
          const before = o.binary ? 0 : Math.max(0, b.mean + normal() * b.sd);
          const effect = group === 'peserta' && done ? (plan.effect[o.indicator] ?? 0) : 0;
          const after = o.binary
            ? r() < b.trend + effect
              ? 1
              : 0
            : Math.max(0, before + b.trend + effect + normal() * b.noise);
          const round = (x: number) =>
            o.indicator === 'tenaga_kerja' || o.binary ? Math.round(x) : Math.round(x);
          measureRows.push({
            enrolmentId: eid,
            indicator: o.indicator,
            phase: 'baseline',
            value: round(before),
            measuredOn: start,
          });
          measureRows.push({
            enrolmentId: eid,
            indicator: o.indicator,
            phase: 'followup',
            value: round(after),
            measuredOn: end,
          });
        }
      }
    };
    draw(plan.participants, 'peserta');
    draw(plan.comparison, 'pembanding');
  }

  await db.transaction(async (tx) => {
    await insertSampleRegistry(tx, fams, ppl);
    await insertSampleUmkm(tx, biz, records);
    await repo.insertSample(tx, { programs: progRows, enrolments: enrolRows, measurements: measureRows });
  });

  // A household survey of the kabupaten: per-capita expenditure log-normal around each
  // kecamatan's level, calibrated so that the headline rate at the sample line is near the real
  // 2024 figure (8.16 %, BPS). The line itself is a sample figure, not BPS's.
  const line = 520_000;
  const z = 1.394; // the standard normal quantile of 0.0816
  const sigma = 0.48;
  // The kecamatan shift (sd 0.25 x 0.5) widens the spread of the whole kabupaten.
  const mu = Math.log(line) + z * Math.sqrt(sigma ** 2 + 0.125 ** 2);
  const rows = ['id,expenditure_per_capita,size,weight,region'];
  for (let i = 0; i < 5_000; i++) {
    const d = pick(desa);
    const y = Math.exp(mu + kecLevel.get(d.kode_kec)! * 0.5 + normal() * sigma);
    rows.push(
      `H${pad(i + 1, 5)},${Math.round(y)},${1 + Math.floor(r() * 6)},${(200 + r() * 100).toFixed(2)},${d.kode}`,
    );
  }
  await importSurvey(
    ctx,
    systemPrincipal,
    Buffer.from(rows.join('\n')),
    { survey: 'Survei contoh 2024', line },
    true,
  );
  return ppl.length;
}

import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['perencana', 'desa.jaten', 'kec.wonodadi', 'dprd', 'opd.dpupr', 'admin'])
    s[u] = await login(t.app, u);
});
afterAll(() => t.close());

const as = (u: string | null, method: string, url: string, payload?: unknown) =>
  call(t.app, u ? s[u]! : null, {
    method: method as 'GET',
    url,
    ...(payload !== undefined ? { payload } : {}),
  });
const programId = async (code: string) =>
  ((await as('perencana', 'GET', '/api/programs')).json().items as { id: string; code: string }[]).find(
    (p) => p.code === code,
  )!.id;

describe('the sample registry and programs', () => {
  it('has about 10,000 people, 2,000 UMKM and 12 programs, all marked as sample', async () => {
    const counts = await t.ctx.database.bulk((tx) =>
      tx.query<{ people: number; umkm: number; programs: number; real: number }>(
        `select (select count(*)::int from people) as people, (select count(*)::int from umkm) as umkm,
                (select count(*)::int from programs) as programs,
                (select count(*)::int from people where not sample) as real`,
      ),
    );
    expect(counts[0]).toEqual({ people: 10_000, umkm: 2_000, programs: 12, real: 0 });
  });

  it('finds the planted effects, and no effect where none was planted', async () => {
    const jahit = (
      await as('dprd', 'GET', `/api/programs/${await programId('CONTOH-JAHIT')}/evaluation`)
    ).json();
    // The effect was planted on those who completed (Rp400.000 a month); compared as enrolled
    // (intention to treat), the expected difference is the completion share of it.
    const income = jahit.evaluation.outcomes[0];
    const itt = 400_000 * jahit.evaluation.completion.share;
    expect(income.effect.significant).toBe(true);
    expect(income.effect.low).toBeLessThan(itt);
    expect(income.effect.high).toBeGreaterThan(itt);
    const modal = (
      await as('dprd', 'GET', `/api/programs/${await programId('CONTOH-MODAL')}/evaluation`)
    ).json();
    const revenue = modal.evaluation.outcomes.find((o: { indicator: string }) => o.indicator === 'omzet');
    const ittModal = 1_500_000 * modal.evaluation.completion.share;
    expect(revenue.effect.low).toBeLessThan(ittModal);
    expect(revenue.effect.high).toBeGreaterThan(ittModal);
    // The capital program reaches 310 of 500: the report recommends flexible loans.
    const rules = Object.values(modal.narrative as Record<string, { rule: string }[]>).flatMap((x) =>
      x.map((y) => y.rule),
    );
    expect(rules).toContain('pinjaman_lentur');
    const las = (await as('dprd', 'GET', `/api/programs/${await programId('CONTOH-LAS')}/evaluation`)).json();
    expect(las.evaluation.outcomes[0].effect.significant).toBe(false);
    const lasRules = Object.values(las.narrative as Record<string, { rule: string }[]>).flatMap((x) =>
      x.map((y) => y.rule),
    );
    expect(lasRules).toContain('dampak_belum_terbukti');
    expect(lasRules).not.toContain('dampak_nyata');
  });

  it('writes the evaluation as a PDF and a workbook that read back with the same numbers', async () => {
    const id = await programId('CONTOH-JAHIT');
    const json = (await as('dprd', 'GET', `/api/programs/${id}/evaluation`)).json();
    const pdf = await as('dprd', 'GET', `/api/programs/${id}/evaluation.pdf`);
    expect(pdf.statusCode).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    for (const heading of [
      'Pendahuluan',
      'Tujuan',
      'Pelaksanaan',
      'Dampak positif',
      'Tantangan',
      'Rekomendasi',
      'Kesimpulan',
    ])
      expect(text).toContain(heading);
    expect(text).toContain(json.narrative.pelaksanaan[0].text.slice(0, 40));
    expect(text).toContain('DATA CONTOH');
    const xlsx = await as('dprd', 'GET', `/api/programs/${id}/evaluation.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const effect = wb.getWorksheet('Dampak')!.getRow(2);
    expect(effect.getCell(6).value).toBeCloseTo(json.evaluation.outcomes[0].effect.estimate, 6);
    expect(wb.getWorksheet('Narasi')!.rowCount).toBeGreaterThan(5);
  });

  it('shows the survey beside the published series, with a headline rate near the real 8.16 %', async () => {
    const res = await as(null, 'GET', '/api/poverty');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const r = res.json();
    expect(r.survey).toMatchObject({ name: 'Survei contoh 2024', sample: true, households: 5000 });
    expect(r.kabupaten.p0).toBeGreaterThan(6.5);
    expect(r.kabupaten.p0).toBeLessThan(10);
    expect(r.kecamatan).toHaveLength(22);
    expect(
      r.official.find(
        (o: { period: string; indicator: string }) =>
          o.indicator === 'persentase_penduduk_miskin_P0' && o.period.startsWith('2024'),
      ).value,
    ).toBe(8.16);
    expect(r.between.theil.between + r.between.theil.within).toBeCloseTo(r.between.theil.total, 9);
  });
});

describe('the registry keeps identities to those who need them', () => {
  it('a desa sees its own residents with NIK; the kecamatan and Bappeda see them masked; the DPRD not at all', async () => {
    const desa = (await as('desa.jaten', 'GET', '/api/people?limit=200')).json();
    expect(desa.total).toBeGreaterThanOrEqual(100);
    expect(desa.items.every((p: { regionCode: string }) => p.regionCode === '35.05.01.2001')).toBe(true);
    expect(desa.items[0].nik).toMatch(/^\d{16}$/);
    const kec = (await as('kec.wonodadi', 'GET', '/api/people?region=35.05.01.2001&limit=5')).json();
    expect(kec.items[0].nik).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect(kec.items[0].address).toBe('');
    const bappeda = (await as('perencana', 'GET', '/api/people?limit=5')).json();
    expect(bappeda.items[0].nik).toMatch(/\*{8}/);
    expect((await as('dprd', 'GET', '/api/people')).statusCode).toBe(403);
    // The export masks as the list does: the kecamatan's workbook holds no full NIK.
    const book = await as('kec.wonodadi', 'GET', '/api/people.xlsx?region=35.05.01.2001');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book.rawPayload as unknown as ArrayBuffer);
    const nikCells = wb.getWorksheet('Penduduk')!.getColumn(1).values.slice(2) as string[];
    expect(nikCells.length).toBeGreaterThan(50);
    expect(nikCells.every((v) => /^\d{4}\*{8}\d{4}$/.test(v))).toBe(true);
    // A desa never reads another desa's people, by list or by id.
    expect((await as('desa.jaten', 'GET', '/api/people?region=35.05.01.2002')).statusCode).toBe(403);
    const elsewhere = (await as('perencana', 'GET', '/api/people?region=35.05.02&limit=1')).json().items[0];
    expect((await as('desa.jaten', 'GET', `/api/people/${elsewhere.id}`)).statusCode).toBe(404);
    // Every read is in the audit log, with no NIK in it.
    const nik = desa.items[0].nik as string;
    await as('desa.jaten', 'GET', `/api/people/${desa.items[0].id}`);
    const audit = await t.ctx.database.bulk((tx) =>
      tx.query<{ n: number; leaks: number }>(
        `select count(*) filter (where action = 'person.read')::int as n,
                count(*) filter (where coalesce(after::text, '') like '%${nik}%' or coalesce(before::text, '') like '%${nik}%')::int as leaks
         from audit_log`,
      ),
    );
    expect(audit[0]!.n).toBeGreaterThanOrEqual(1);
    expect(audit[0]!.leaks).toBe(0);
  });

  it('registers a resident once per NIK, finds them by NIK in the body, and never stores the NIK in clear', async () => {
    const body = {
      nik: '3505014508900001',
      kk: '3505010000000001',
      name: 'Warga Uji',
      sex: 'P',
      birthDate: '1990-08-05',
      regionCode: '35.05.01.2001',
    };
    const created = await as('desa.jaten', 'POST', '/api/people', body);
    expect(created.statusCode, created.body).toBe(201);
    const again = await as('desa.jaten', 'POST', '/api/people', { ...body, name: 'Lagi' });
    expect(again.json().issues[0]).toMatchObject({ field: 'body.nik', issue: 'nik_registered' });
    expect(again.json().issues[0].message).toBe('NIK: NIK ini sudah terdaftar');
    const otherDesa = await as('admin', 'POST', '/api/people', {
      ...body,
      nik: '3505014508900002',
      regionCode: '35.05.01.2002',
    });
    expect(otherDesa.json().issues[0]).toMatchObject({ field: 'body.kk', issue: 'kk_region' });
    const found = (await as('desa.jaten', 'POST', '/api/people/lookup', { nik: body.nik })).json();
    expect(found).toMatchObject({ id: created.json().id, nik: body.nik, kk: body.kk, identityVisible: true });
    const stored = await t.ctx.database.bulk((tx) =>
      tx.query<{ row: string }>(
        `select row_to_json(p)::text as row from people p where id = '${created.json().id}'`,
      ),
    );
    expect(stored[0]!.row).not.toContain(body.nik);
  });
});

describe('programs and enrolment', () => {
  it('checks eligibility and exclusive programs on enrolment, records outcomes, and evaluates', async () => {
    const orgs = (await as('perencana', 'GET', '/api/organisations')).json().items as {
      id: string;
      code: string;
    }[];
    const dpupr = orgs.find((o) => o.code === 'DPUPR')!.id;
    const program = {
      code: 'UJI-PADAT-KARYA',
      name: 'Padat karya uji',
      type: 'lainnya',
      organisationId: dpupr,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      budget: 100_000_000,
      targetBeneficiaries: 10,
      eligibility: { all: [{ field: 'decile', min: 1, max: 3 }] },
      outcomes: [{ indicator: 'pendapatan' }],
      excludes: ['CONTOH-BLT'],
    };
    const bad = await as('opd.dpupr', 'POST', '/api/programs', { ...program, endDate: '2025-01-01' });
    expect(bad.json().issues[0]).toMatchObject({ field: 'body.endDate', issue: 'end_before_start' });
    const created = await as('opd.dpupr', 'POST', '/api/programs', program);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    // Someone in decile 5+ fails the rule, with the decile named.
    const rows = await t.ctx.database.bulk((tx) =>
      tx.query<{ id: string; decile: number; blt: boolean }>(
        `select p.id, f.welfare_decile as decile,
                exists (select 1 from enrolments e join programs g on g.id = e.program_id
                        where e.person_id = p.id and g.code = 'CONTOH-BLT' and e."group" = 'peserta') as blt
         from people p join families f on f.id = p.family_id order by p.id`,
      ),
    );
    const rich = rows.find((r) => r.decile >= 6)!;
    const poor = rows.find((r) => r.decile <= 3 && !r.blt)!;
    const inBlt = rows.find((r) => r.blt)!;
    const refused = await as('opd.dpupr', 'POST', `/api/programs/${id}/enrolments`, {
      personId: rich.id,
      enrolledOn: '2026-02-01',
    });
    expect(refused.json().issues[0]).toMatchObject({
      issue: 'not_eligible_decile',
      field: 'body.personId',
    });
    expect(refused.json().issues[0].message).toContain(`desil keluarga: ${rich.decile}`);
    const excluded = await as('opd.dpupr', 'POST', `/api/programs/${id}/enrolments`, {
      personId: inBlt.id,
      enrolledOn: '2026-02-01',
    });
    expect(excluded.json().issues.map((i: { issue: string }) => i.issue)).toContain('excluded_program');
    const ok = await as('opd.dpupr', 'POST', `/api/programs/${id}/enrolments`, {
      personId: poor.id,
      enrolledOn: '2026-02-01',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const eid = ok.json().id;
    // The OPD now serves this person: it sees the NIK in full.
    expect((await as('opd.dpupr', 'GET', `/api/people/${poor.id}`)).json().identityVisible).toBe(true);
    for (const [phase, value] of [
      ['baseline', 1_000_000],
      ['followup', 1_300_000],
    ] as const)
      expect(
        (
          await as('opd.dpupr', 'PUT', `/api/enrolments/${eid}/measurements`, {
            indicator: 'pendapatan',
            phase,
            value,
            measuredOn: '2026-02-01',
          })
        ).statusCode,
      ).toBe(200);
    const wrong = await as('opd.dpupr', 'PUT', `/api/enrolments/${eid}/measurements`, {
      indicator: 'omzet',
      phase: 'baseline',
      value: 1,
      measuredOn: '2026-02-01',
    });
    expect(wrong.json().issues[0].issue).toBe('not_an_outcome');
    await as('opd.dpupr', 'PATCH', `/api/enrolments/${eid}`, {
      completedOn: '2026-06-30',
      sessionsAttended: 10,
    });
    const evaluation = (await as('dprd', 'GET', `/api/programs/${id}/evaluation`)).json().evaluation;
    expect(evaluation.reach).toEqual({ enrolled: 1, target: 10, share: 0.1 });
    expect(evaluation.completion.share).toBe(1);
    expect(evaluation.outcomes[0].participants.estimate).toBe(300_000);
    // A changed rule is a new version; the old one is kept.
    const changed = await as('opd.dpupr', 'PUT', `/api/programs/${id}`, {
      ...program,
      eligibility: { all: [{ field: 'decile', min: 1, max: 4 }] },
    });
    expect(changed.json().eligibilityVersion).toBe(2);
    expect((await as('dprd', 'GET', `/api/programs/${id}`)).json().ruleVersions).toHaveLength(2);
    // The DPRD reads evaluations but never names.
    const list = (await as('dprd', 'GET', `/api/programs/${id}/enrolments`)).json();
    expect(list.named).toBe(false);
    expect(list.items[0].name).toBeNull();
  });
});

describe('targeting', () => {
  it('imports deciles by No. KK (unknown families counted, bad rows named) and reports inclusion and exclusion errors', async () => {
    const { decrypt } = await import('../../personal/personal-data.ts');
    const fams = await t.ctx.database.bulk((tx) =>
      tx.query<{ id: string; kk_sealed: string }>('select id, kk_sealed from families order by id limit 2'),
    );
    const kk = fams.map((f) => decrypt(t.ctx.config.personalDataKey, f.kk_sealed));
    const upload = (text: string) =>
      call(t.app, s.perencana!, {
        method: 'POST',
        url: '/api/deciles?year=2025',
        payload: text,
        headers: { 'content-type': 'text/csv' },
      });
    const bad = await upload(`no_kk,desil\n${kk[0]},11\n12345,3\n`);
    expect(bad.json().issues.map((i: { field: string }) => i.field)).toEqual([
      'line 2, column desil',
      'line 3, column no_kk',
    ]);
    const ok = await upload(`no_kk,desil\n${kk[0]},1\n${kk[1]},9\n3505999999999999,2\n`);
    expect(ok.json()).toEqual({ rows: 3, matched: 2, unmatched: 1 });
    const after = await t.ctx.database.bulk((tx) =>
      tx.query<{ d: number }>(
        `select welfare_decile as d from families where id in ('${fams[0]!.id}', '${fams[1]!.id}') order by id`,
      ),
    );
    expect(after.map((r) => r.d)).toEqual([1, 9]);

    const blt = await programId('CONTOH-BLT');
    const r = (await as('dprd', 'GET', `/api/programs/${blt}/targeting`)).json();
    expect(r.deciles).toEqual({ min: 1, max: 2 });
    const counts = await t.ctx.database.bulk((tx) =>
      tx.query<{ recipients: number; eligible: number; inside: number }>(
        `with rec as (select distinct p.family_id from enrolments e join people p on p.id = e.person_id
                      where e.program_id = '${blt}' and e."group" = 'peserta' and e.status <> 'keluar')
         select (select count(*)::int from rec) as recipients,
                (select count(*)::int from families where welfare_decile between 1 and 2) as eligible,
                (select count(*)::int from families f join rec on rec.family_id = f.id where f.welfare_decile between 1 and 2) as inside`,
      ),
    );
    const c = counts[0]!;
    expect(r.total).toMatchObject({
      recipients: c.recipients,
      eligible: c.eligible,
      includedIneligible: c.recipients - c.inside,
      excludedEligible: c.eligible - c.inside,
    });
    expect(r.byKecamatan.reduce((a: number, k: { recipients: number }) => a + k.recipients, 0)).toBe(
      c.recipients,
    );
    expect(r.conflicts).toEqual([]);
    // Someone served by both programs that exclude each other (as data from before a rule could hold).
    const sembako = await programId('CONTOH-SEMBAKO');
    await t.ctx.database.bulk((tx) =>
      tx.query(
        `insert into enrolments (program_id, person_id, "group", status, enrolled_on, "check")
         select '${sembako}', e.person_id, 'peserta', 'aktif', '2026-01-01', '{}'::jsonb
         from enrolments e where e.program_id = '${blt}' and e."group" = 'peserta'
           and not exists (select 1 from enrolments y where y.program_id = '${sembako}' and y.person_id = e.person_id)
         limit 2`,
      ),
    );
    const clash = (await as('dprd', 'GET', `/api/programs/${blt}/targeting`)).json();
    expect(clash.conflicts).toEqual([{ code: 'CONTOH-SEMBAKO', people: 2 }]);
    // A program whose rule has no decile has no targeting figures.
    const organik = (
      await as('dprd', 'GET', `/api/programs/${await programId('CONTOH-ORGANIK')}/targeting`)
    ).json();
    expect(organik.deciles).toBeNull();
  });
});

describe('payment cycles and grievances', () => {
  it('runs a cycle through its approvals, re-checking recipients against the rule in force', async () => {
    const blt = await programId('CONTOH-BLT');
    const notCyclic = await as(
      'perencana',
      'POST',
      `/api/programs/${await programId('CONTOH-JAHIT')}/cycles`,
      {
        period: 'Januari 2026',
        amountPerRecipient: 300_000,
      },
    );
    expect(notCyclic.json().issues[0].issue).toBe('not_cyclic');
    // One recipient's family is moved out of the eligible deciles before the cycle is made.
    const [moved] = await t.ctx.database.bulk((tx) =>
      tx.query<{ enrolment: string; family: string }>(
        `select e.id as enrolment, p.family_id as family from enrolments e join people p on p.id = e.person_id
         where e.program_id = '${blt}' and e."group" = 'peserta' order by e.id limit 1`,
      ),
    );
    await t.ctx.database.bulk((tx) =>
      tx.query(`update families set welfare_decile = 8 where id = '${moved!.family}'`),
    );
    const created = await as('admin', 'POST', `/api/programs/${blt}/cycles`, {
      period: 'Januari 2026',
      amountPerRecipient: 300_000,
    });
    expect(created.statusCode, created.body).toBe(201);
    const cid = created.json().id;
    const list = (await as('dprd', 'GET', `/api/programs/${blt}/cycles`)).json().items;
    const cycle = list.find((c: { id: string }) => c.id === cid);
    expect(cycle.ineligible).toContainEqual({
      enrolmentId: moved!.enrolment,
      failed: [{ field: 'decile', value: 8 }],
    });
    expect(cycle.total).toBe(cycle.recipients * 300_000);
    // Submitted by the admin; the admin may not approve its own submission; Bappeda may.
    expect((await as('admin', 'POST', `/api/cycles/${cid}/setujui`, { note: '' })).statusCode).toBe(409);
    expect((await as('admin', 'POST', `/api/cycles/${cid}/ajukan`, { note: '' })).json().state).toBe(
      'diajukan',
    );
    const own = await as('admin', 'POST', `/api/cycles/${cid}/setujui`, { note: '' });
    expect(own.json().issues[0].issue).toBe('four_eyes');
    expect((await as('opd.dpupr', 'POST', `/api/cycles/${cid}/setujui`, { note: '' })).statusCode).toBe(403);
    expect(
      (
        await as('perencana', 'POST', `/api/cycles/${cid}/setujui`, { note: 'Sesuai berita acara musdesus' })
      ).json().state,
    ).toBe('disetujui');
    expect((await as('admin', 'POST', `/api/cycles/${cid}/salurkan`, { note: '' })).json().state).toBe(
      'disalurkan',
    );
    expect((await as('admin', 'POST', `/api/cycles/${cid}/tutup`, { note: '' })).json().state).toBe(
      'selesai',
    );
    const done = (await as('dprd', 'GET', `/api/programs/${blt}/cycles`))
      .json()
      .items.find((c: { id: string }) => c.id === cid);
    expect(done.steps.map((st: { action: string }) => st.action)).toEqual([
      'ajukan',
      'setujui',
      'salurkan',
      'tutup',
    ]);
  });

  it('records grievances from the desa and resolves them only with a resolution', async () => {
    const blt = await programId('CONTOH-BLT');
    const filed = await as('desa.jaten', 'POST', `/api/programs/${blt}/grievances`, {
      kind: 'kelayakan',
      description: 'Warga desil 1 tidak tercantum sebagai penerima.',
      regionCode: '35.05.01.2001',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const elsewhere = await as('desa.jaten', 'POST', `/api/programs/${blt}/grievances`, {
      kind: 'penyaluran',
      description: 'Pembayaran terlambat dua bulan.',
      regionCode: '35.05.02.2001',
    });
    expect(elsewhere.statusCode).toBe(403);
    const gid = filed.json().id;
    const noReason = await as('admin', 'PATCH', `/api/grievances/${gid}`, { status: 'selesai' });
    expect(noReason.json().issues[0]).toMatchObject({ field: 'body.resolution', issue: 'too_small' });
    expect((await as('admin', 'PATCH', `/api/grievances/${gid}`, { status: 'diproses' })).json().status).toBe(
      'diproses',
    );
    await as('admin', 'PATCH', `/api/grievances/${gid}`, {
      status: 'selesai',
      resolution: 'Diverifikasi ulang; dimasukkan pada siklus berikutnya.',
    });
    const mine = (await as('desa.jaten', 'GET', `/api/programs/${blt}/grievances`)).json().items;
    expect(mine.find((g: { id: string }) => g.id === gid)).toMatchObject({
      status: 'selesai',
      resolution: expect.stringContaining('siklus'),
    });
  });
});

describe('UMKM', () => {
  it('lists businesses in your area with their records, and takes a month of revenue idempotently', async () => {
    const all = (await as('perencana', 'GET', '/api/umkm?limit=5')).json();
    expect(all.total).toBe(2000);
    expect(all.items[0].owner).toEqual(expect.any(String));
    const kec = (await as('kec.wonodadi', 'GET', '/api/umkm?limit=200')).json();
    expect(kec.items.every((u: { regionCode: string }) => u.regionCode.startsWith('35.05.01.'))).toBe(true);
    const id = all.items[0].id;
    const detail = (await as('perencana', 'GET', `/api/umkm/${id}`)).json();
    expect(detail.records).toHaveLength(12);
    for (let i = 0; i < 2; i++)
      expect(
        (
          await as('admin', 'PUT', `/api/umkm/${id}/records`, {
            period: '2026-10',
            revenue: 5_000_000,
            workers: 3,
          })
        ).statusCode,
      ).toBe(200);
    const after = (await as('perencana', 'GET', `/api/umkm/${id}`)).json();
    expect(after.records).toHaveLength(13);
    expect(after.records.at(-1)).toEqual({ period: '2026-10', revenue: 5_000_000, workers: 3 });
    const bad = await as('desa.jaten', 'POST', '/api/umkm', {
      name: 'Keripik Uji',
      sector: '1079',
      regionCode: '35.05.01.2001',
    });
    expect(bad.json().issues[0]).toMatchObject({ field: 'body.sector', issue: 'kbli' });
    const ok = await as('desa.jaten', 'POST', '/api/umkm', {
      name: 'Keripik Uji',
      sector: '10792',
      regionCode: '35.05.01.2001',
      permits: { pirt: true, nib: '1234567890123' },
      channels: ['marketplace'],
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

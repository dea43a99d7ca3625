import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { appWithAccounts, call } from '../../../test/harness.ts';
import { bodyRowsOf } from '../../../test/workbook.ts';

const h = appWithAccounts(['perencana', 'desa.jaten', 'kec.wonodadi', 'dprd', 'opd.dpupr', 'admin']);
const { as } = h;
const programId = async (code: string) =>
  ((await as('perencana', 'GET', '/api/programs')).json().items as { id: string; code: string }[]).find(
    (p) => p.code === code,
  )!.id;

describe('the sample registry and programs', () => {
  it('has about 10,000 people, 2,000 UMKM and 12 programs, all marked as sample', async () => {
    const counts = await h.t.ctx.database.bulk((tx) =>
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
    expect(text.replace(/\s+/g, ' ')).toContain('PEMERINTAH KABUPATEN BLITAR');
    expect(text.replace(/\s+/g, ' ')).toMatch(/Blitar, \d{1,2} \w+ \d{4}/);
    const xlsx = await as('dprd', 'GET', `/api/programs/${id}/evaluation.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const [effect] = bodyRowsOf(wb.getWorksheet('Dampak')!);
    expect(effect![5]).toBeCloseTo(json.evaluation.outcomes[0].effect.estimate, 6);
    expect(bodyRowsOf(wb.getWorksheet('Narasi')!).length).toBeGreaterThan(5);
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

  it('keeps the poverty figures until a survey import changes them', async () => {
    const first = await as(null, 'GET', '/api/poverty');
    const etag = String(first.headers.etag);
    const again = await call(h.t.app, null, {
      method: 'GET',
      url: '/api/poverty',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    const csv = [
      'id,expenditure_per_capita,size,weight,region',
      'R1,300000,4,10,35.05.01.2001',
      'R2,900000,2,10,35.05.02.2001',
    ];
    const imported = await call(h.t.app, h.session('perencana'), {
      method: 'POST',
      url: '/api/surveys?survey=Uji%20cache&line=520000',
      headers: { 'content-type': 'text/csv' },
      payload: csv.join('\n'),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    // The import's write dropped the kept answer: the same address now lists the new survey.
    const after = await call(h.t.app, null, {
      method: 'GET',
      url: '/api/poverty',
      headers: { 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.json().surveys.map((s: { survey: string }) => s.survey)).toContain('Uji cache');
    const chosen = (await as(null, 'GET', '/api/poverty?survey=Uji%20cache')).json();
    expect(chosen.survey).toMatchObject({ name: 'Uji cache', households: 2, sample: false });
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
    const rows = await h.t.ctx.database.bulk((tx) =>
      tx.query<{ id: string; decile: number; blt: boolean; nik_sealed: string }>(
        `select p.id, p.nik_sealed, f.welfare_decile as decile,
                exists (select 1 from enrolments e join programs g on g.id = e.program_id
                        where e.person_id = p.id and g.code = 'CONTOH-BLT' and e."group" = 'peserta') as blt
         from people p join families f on f.id = p.family_id order by p.id`,
      ),
    );
    const rich = rows.find((r) => r.decile >= 6)!;
    const poor = rows.find((r) => r.decile <= 3 && !r.blt)!;
    const inBlt = rows.find((r) => r.blt)!;
    // An agency enrols by the NIK from the resident's card, never by an id (issue 17).
    const { decrypt } = await import('../../personal/personal-data.ts');
    const nik = (r: { nik_sealed: string }) => decrypt(h.t.ctx.config.personalDataKey, r.nik_sealed);
    const byId = await as('opd.dpupr', 'POST', `/api/programs/${id}/enrolments`, {
      personId: poor.id,
      enrolledOn: '2026-02-01',
    });
    expect(byId.statusCode).toBe(400);
    const unknown = await as('opd.dpupr', 'POST', `/api/programs/${id}/enrolments`, {
      nik: '3505019999999999',
      enrolledOn: '2026-02-01',
    });
    expect(unknown.json().issues[0]).toMatchObject({ field: 'body.nik', issue: 'not_found' });
    const refused = await as('opd.dpupr', 'POST', `/api/programs/${id}/enrolments`, {
      nik: nik(rich),
      enrolledOn: '2026-02-01',
    });
    expect(refused.json().issues[0]).toMatchObject({
      issue: 'not_eligible_decile',
      field: 'body.nik',
    });
    expect(refused.json().issues[0].message).toContain(`desil keluarga: ${rich.decile}`);
    const excluded = await as('opd.dpupr', 'POST', `/api/programs/${id}/enrolments`, {
      nik: nik(inBlt),
      enrolledOn: '2026-02-01',
    });
    expect(excluded.json().issues.map((i: { issue: string }) => i.issue)).toContain('excluded_program');
    const ok = await as('opd.dpupr', 'POST', `/api/programs/${id}/enrolments`, {
      nik: nik(poor),
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

import { describe, expect, it } from 'vitest';
import { appWithAccounts, call } from '../../../test/harness.ts';

const h = appWithAccounts(['perencana', 'desa.jaten', 'kec.wonodadi', 'dprd', 'opd.dpupr', 'admin']);
const { as } = h;
const programId = async (code: string) =>
  ((await as('perencana', 'GET', '/api/programs')).json().items as { id: string; code: string }[]).find(
    (p) => p.code === code,
  )!.id;

describe('targeting', () => {
  it('imports deciles by No. KK (unknown families counted, bad rows named) and reports inclusion and exclusion errors', async () => {
    const { decrypt } = await import('../../personal/personal-data.ts');
    const fams = await h.t.ctx.database.bulk((tx) =>
      tx.query<{ id: string; kk_sealed: string }>('select id, kk_sealed from families order by id limit 2'),
    );
    const kk = fams.map((f) => decrypt(h.t.ctx.config.personalDataKey, f.kk_sealed));
    const upload = (text: string) =>
      call(h.t.app, h.session('perencana'), {
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
    const after = await h.t.ctx.database.bulk((tx) =>
      tx.query<{ d: number }>(
        `select welfare_decile as d from families where id in ('${fams[0]!.id}', '${fams[1]!.id}') order by id`,
      ),
    );
    expect(after.map((r) => r.d)).toEqual([1, 9]);

    const blt = await programId('CONTOH-BLT');
    const r = (await as('dprd', 'GET', `/api/programs/${blt}/targeting`)).json();
    expect(r.deciles).toEqual({ min: 1, max: 2 });
    const counts = await h.t.ctx.database.bulk((tx) =>
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
    await h.t.ctx.database.bulk((tx) =>
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
    const [moved] = await h.t.ctx.database.bulk((tx) =>
      tx.query<{ enrolment: string; family: string }>(
        `select e.id as enrolment, p.family_id as family from enrolments e join people p on p.id = e.person_id
         where e.program_id = '${blt}' and e."group" = 'peserta' order by e.id limit 1`,
      ),
    );
    await h.t.ctx.database.bulk((tx) =>
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
    expect(noReason.json().issues[0]).toMatchObject({ field: 'body.resolution', issue: 'too_short_text' });
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
    // The words are for the running agency (and Bappeda) and the area: the DPRD and another
    // agency see the kind, the place and the handling only (issue 17).
    for (const who of ['dprd', 'opd.dpupr']) {
      const seen = (await as(who, 'GET', `/api/programs/${blt}/grievances`)).json();
      expect(seen.readable, who).toBe(false);
      expect(
        seen.items.find((g: { id: string }) => g.id === gid),
        who,
      ).toMatchObject({
        kind: 'kelayakan',
        status: 'selesai',
        description: null,
        resolution: null,
      });
    }
    expect(
      (await as('perencana', 'GET', `/api/programs/${blt}/grievances`)).json().items[0].description,
    ).toBeTruthy();
  });
});

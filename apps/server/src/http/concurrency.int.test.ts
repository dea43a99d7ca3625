import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let desa: Session;
beforeAll(async () => {
  t = await createTestApp();
  desa = await login(t.app, 'desa.jaten');
});
afterAll(() => t.close());

const post = (url: string, payload: unknown) => call(t.app, desa, { method: 'POST', url, payload });

describe('requests at once record a decision once, and never answer 500', () => {
  it('ten identical "teruskan" decisions at once: one is recorded, the others are refused', async () => {
    const created = await post('/api/proposals', {
      track: 'musrenbang',
      title: 'Rehabilitasi balai dusun',
      bidang: 'infrastruktur',
      regionCode: '35.05.01.2001',
      volume: 1,
      unit: 'paket',
      estimatedCost: 80_000_000,
      beneficiaries: 300,
      planYear: new Date().getFullYear() + 1,
      proposerName: 'Kepala Dusun',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(`/api/proposals/${id}/decisions`, { kind: 'teruskan' })),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The others found the decision made (409) or the proposal no longer at the desa's step (403).
    expect(
      statuses.every((s) => s === 200 || s === 409 || s === 403),
      statuses.join(','),
    ).toBe(true);
    const detail = (await call(t.app, desa, { method: 'GET', url: `/api/proposals/${id}` })).json();
    expect(detail.events.filter((e: { kind: string }) => e.kind === 'teruskan')).toHaveLength(1);
    expect(detail.stage).toBe('kecamatan');
  });

  it('one NIK registered seven times at once: one resident, the others refused with a message', async () => {
    const body = {
      nik: '3505014508900077',
      kk: '3505010000000077',
      name: 'Warga Serentak',
      sex: 'L',
      birthDate: '1988-01-02',
      regionCode: '35.05.01.2001',
    };
    const answers = await Promise.all(Array.from({ length: 7 }, () => post('/api/people', body)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) {
      expect([400, 409]).toContain(a.statusCode);
      expect(a.headers['content-type']).toContain('application/problem+json');
      expect(a.json().detail).not.toMatch(/duplicate key|23505|constraint/);
    }
  });
});

describe('a merge stays within what the office decides on', () => {
  it('a desa cannot merge its proposal into a proposal of another kecamatan, or of another year', async () => {
    const perencana = await login(t.app, 'perencana');
    const kec = (await call(t.app, perencana, { method: 'GET', url: '/api/regions/35.05.02' })).json();
    const proposal = (regionCode: string, planYear: number) => ({
      track: 'musrenbang',
      title: 'Perbaikan saluran irigasi',
      bidang: 'infrastruktur',
      regionCode,
      volume: 1,
      unit: 'paket',
      estimatedCost: 50_000_000,
      beneficiaries: 100,
      planYear,
      proposerName: 'Kelompok tani',
    });
    const year = new Date().getFullYear() + 1;
    const elsewhere = await call(t.app, perencana, {
      method: 'POST',
      url: '/api/proposals',
      payload: proposal(kec.children[0].code, year),
    });
    expect(elsewhere.statusCode).toBe(201);
    const later = (await post('/api/proposals', proposal('35.05.01.2001', year + 1))).json();
    const own = (await post('/api/proposals', proposal('35.05.01.2001', year))).json();
    for (const into of [elsewhere.json().trackingCode, later.trackingCode]) {
      const res = await post(`/api/proposals/${own.id}/decisions`, { kind: 'gabung', into });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0]).toMatchObject({ field: 'body.into', issue: 'merge_scope' });
    }
  });
});

describe('codes that two requests would both take', () => {
  it('three projects created at once get three codes', async () => {
    const opd = await login(t.app, 'opd.dpupr');
    const orgs = (await t.app.inject({ method: 'GET', url: '/api/organisations' })).json().items;
    const dpupr = orgs.find((o: { code: string }) => o.code === 'DPUPR').id;
    const body = (n: number) => ({
      name: `Pemeliharaan jalan poros desa ${n}`,
      type: 'jalan',
      organisationId: dpupr,
      regionCode: '35.05.01.2001',
      contractor: 'CV Uji',
      contractValue: 100_000_000,
      startDate: '2031-01-01',
      endDate: '2031-02-28',
      funding: [{ source: 'apbd_kabupaten', amount: 100_000_000 }],
      plan: [
        { month: '2031-01', physical: 50, financial: 50_000_000 },
        { month: '2031-02', physical: 100, financial: 100_000_000 },
      ],
    });
    const answers = await Promise.all(
      [1, 2, 3].map((n) => call(t.app, opd, { method: 'POST', url: '/api/projects', payload: body(n) })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().code)).size).toBe(3);
  });
});

describe('the last admin', () => {
  it('two admins deactivating each other at once: one stays active', async () => {
    const admin = await login(t.app, 'admin');
    const made = await call(t.app, admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'admin.kedua',
        displayName: 'Admin kedua',
        password: 'kopi-tubruk-sore',
        role: 'admin',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const second = await login(t.app, 'admin.kedua', 'kopi-tubruk-sore');
    const firstId = (await call(t.app, admin, { method: 'GET', url: '/api/users?q=admin' }))
      .json()
      .items.find((u: { username: string }) => u.username === 'admin').id;
    const answers = await Promise.all([
      call(t.app, admin, {
        method: 'PATCH',
        url: `/api/users/${made.json().id}`,
        payload: { active: false },
      }),
      call(t.app, second, { method: 'PATCH', url: `/api/users/${firstId}`, payload: { active: false } }),
    ]);
    const statuses = answers.map((a) => a.statusCode);
    // One deactivation goes through; the other finds itself the last admin (or signed out by it).
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(
      statuses.every((s) => s === 200 || s === 409 || s === 401),
      statuses.join(','),
    ).toBe(true);
    const rows = await t.ctx.database.bulk((tx) =>
      tx.query<{ n: number }>("select count(*)::int as n from users where role = 'admin' and active"),
    );
    expect(rows[0]!.n).toBe(1);
  });
});

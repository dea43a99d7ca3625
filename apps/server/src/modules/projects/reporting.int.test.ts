import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { monthlyRows } from './projects.report.ts';

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['perencana', 'opd.dpupr']) s[u] = await login(t.app, u);
});
afterAll(() => t.close());

const as = (u: string | null, method: string, url: string, payload?: unknown) =>
  call(t.app, u ? s[u]! : null, {
    method: method as 'GET',
    url,
    ...(payload !== undefined ? { payload } : {}),
  });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('project figures come from verified reports, and reports do not go backwards unnoticed (issue 16)', () => {
  let id: string;
  const official = async () => {
    const list = (await as(null, 'GET', '/api/projects?limit=500')).json().items as {
      id: string;
      physical: number;
      spent: number;
      pending: unknown;
    }[];
    const oc4ids = (await as(null, 'GET', '/api/oc4ids.json')).json();
    const published = oc4ids.projects.find((p: { title: string }) => p.title === 'Rehabilitasi jembatan uji');
    const spending = published.metrics.find((m: { id: string }) => m.id === 'spending');
    const month = (await monthlyRows(t.ctx, new Date().toISOString().slice(0, 7))).rows.find(
      (r) => r.name === 'Rehabilitasi jembatan uji',
    );
    return {
      item: list.find((p) => p.id === id)!,
      published: spending.observations[0].value.amount as number,
      monthly: month?.spent,
    };
  };

  it('shows an unverified report as pending, and official figures only once verified', async () => {
    const orgs = (await as('perencana', 'GET', '/api/organisations')).json().items as {
      id: string;
      code: string;
    }[];
    const created = await as('opd.dpupr', 'POST', '/api/projects', {
      name: 'Rehabilitasi jembatan uji',
      type: 'jembatan',
      organisationId: orgs.find((o) => o.code === 'DPUPR')!.id,
      regionCode: '35.05.01.2001',
      contractValue: 600_000_000,
      startDate: day(-120),
      endDate: day(60),
      funding: [{ source: 'apbd_kabupaten', amount: 600_000_000 }],
      plan: [
        { month: day(-60).slice(0, 7), physical: 40, financial: 240_000_000 },
        { month: day(60).slice(0, 7), physical: 100, financial: 600_000_000 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    ({ id } = created.json());
    const first = await as('opd.dpupr', 'POST', `/api/projects/${id}/reports`, {
      reportDate: day(-30),
      physical: 40,
      spending: { apbd_kabupaten: 480_225_000 },
    });
    expect(first.statusCode, first.body).toBe(201);
    let now = await official();
    expect(now.item).toMatchObject({ physical: 0, spent: 0, pending: { physical: 40, spent: 480_225_000 } });
    expect(now.published).toBe(0);
    expect(now.monthly).toBe(0);
    await as('opd.dpupr', 'POST', `/api/reports/${first.json().id}/verify`, { approve: true });
    now = await official();
    expect(now.item).toMatchObject({ physical: 40, spent: 480_225_000, pending: null });
    expect(now.published).toBe(480_225_000);
    expect(now.monthly).toBe(480_225_000);
    // The verified report is not replaced by another of the same date.
    const same = await as('opd.dpupr', 'POST', `/api/projects/${id}/reports`, {
      reportDate: day(-30),
      physical: 41,
      spending: { apbd_kabupaten: 490_000_000 },
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().issues[0]).toMatchObject({ field: 'body.reportDate', issue: 'report_date_verified' });
    expect((await official()).item).toMatchObject({ physical: 40, spent: 480_225_000 });
  });

  it('refuses a report dated ahead, and spending going backwards unless it is a correction with a reason', async () => {
    const ahead = await as('opd.dpupr', 'POST', `/api/projects/${id}/reports`, {
      reportDate: day(365),
      physical: 50,
      spending: { apbd_kabupaten: 500_000_000 },
    });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().issues[0]).toMatchObject({ field: 'body.reportDate', issue: 'date_in_future' });
    const backwards = { reportDate: day(-10), physical: 45, spending: { apbd_kabupaten: 1_000 } };
    const refused = await as('opd.dpupr', 'POST', `/api/projects/${id}/reports`, backwards);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0]).toMatchObject({
      field: 'body.spending.apbd_kabupaten',
      issue: 'spending_backwards',
    });
    expect(refused.json().detail).toContain('Rp480.225.000');
    const noReason = await as('opd.dpupr', 'POST', `/api/projects/${id}/reports`, {
      ...backwards,
      correction: true,
    });
    expect(noReason.json().issues[0]).toMatchObject({
      field: 'body.correctionReason',
      issue: 'reason_required',
    });
    const corrected = await as('opd.dpupr', 'POST', `/api/projects/${id}/reports`, {
      ...backwards,
      spending: { apbd_kabupaten: 280_225_000 },
      correction: true,
      correctionReason: 'Laporan bulan lalu salah ketik: 480 juta seharusnya 280 juta',
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    // Until verified the official spending is still the verified report's.
    expect((await official()).item).toMatchObject({ spent: 480_225_000, pending: { spent: 280_225_000 } });
    // The OPD returns it only with a reason; returned, it leaves the official figures as they were.
    const bare = await as('opd.dpupr', 'POST', `/api/reports/${corrected.json().id}/verify`, {
      approve: false,
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().issues[0]).toMatchObject({ field: 'body.note', issue: 'reason_required' });
    const back = await as('opd.dpupr', 'POST', `/api/reports/${corrected.json().id}/verify`, {
      approve: false,
      note: 'Lampirkan bukti SP2D',
    });
    expect(back.json()).toEqual({ state: 'ditolak' });
    expect((await official()).item).toMatchObject({ spent: 480_225_000, pending: null });
  });
});

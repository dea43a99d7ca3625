import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const s: Record<string, Session> = {};
let scores: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['desa.jaten', 'kec.wonodadi', 'perencana']) s[u] = await login(t.app, u);
  const card = (await t.app.inject({ method: 'GET', url: '/api/index/desa/35.05.01.2001' })).json();
  scores = Object.fromEntries(
    card.indicators.items.map((i: { code: string; score: number }) => [i.code, i.score]),
  );
});
afterAll(() => t.close());

const as = (u: string, method: string, url: string, payload?: unknown) =>
  call(t.app, s[u]!, { method: method as 'GET', url, ...(payload !== undefined ? { payload } : {}) });
const entry = (step = '') => `/api/index/entries/35.05.01.2001/2025${step ? `/${step}` : ''}`;

describe('the sign-off of a year: returns with a reason, and the public sees complete years only (issue 16)', () => {
  it('shows the verifier the submitted scores beside the previous year’s', async () => {
    const changed = { ...scores, IKS02_DOKTER: Math.max(0, (scores.IKS02_DOKTER ?? 1) - 1) };
    expect((await as('desa.jaten', 'PUT', entry(), { scores: changed })).statusCode).toBe(200);
    expect((await as('desa.jaten', 'POST', entry('submit'), {})).statusCode).toBe(200);
    const seen = (await as('kec.wonodadi', 'GET', entry())).json();
    expect(seen.previous.year).toBeLessThan(2025);
    expect(seen.previous.scores.IKS02_DOKTER).toBe(scores.IKS02_DOKTER);
    expect(seen.scores.IKS02_DOKTER).toBe(changed.IKS02_DOKTER);
  });

  it('returns an entry only with a reason, which the desa reads until it submits again', async () => {
    const bare = await as('kec.wonodadi', 'POST', entry('return'), {});
    expect(bare.statusCode).toBe(400);
    expect(bare.json().issues[0]).toMatchObject({ field: 'body.note', issue: 'reason_required' });
    expect((await as('kec.wonodadi', 'GET', entry())).json().state).toBe('submitted');
    const reason = 'Jumlah dokter turun tanpa keterangan; lampirkan data puskesmas';
    const returned = await as('kec.wonodadi', 'POST', entry('return'), { note: reason });
    expect(returned.statusCode, returned.body).toBe(200);
    const mine = (await as('desa.jaten', 'GET', '/api/index/worklist?year=2025')).json();
    expect(mine.items[0]).toMatchObject({ state: 'draft', returnNote: reason });
    expect((await as('desa.jaten', 'POST', entry('submit'), {})).json()).toMatchObject({ returnNote: null });
  });

  it('keeps the public dashboard on the last complete year while a year is being approved', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/index/summary' })).json();
    const lastYear = before.years.at(-1).year;
    expect(lastYear).toBeLessThan(2025);
    await as('kec.wonodadi', 'POST', entry('verify'), {});
    expect((await as('perencana', 'POST', entry('approve'), {})).json().state).toBe('approved');
    const after = (await t.app.inject({ method: 'GET', url: '/api/index/summary' })).json();
    expect(after.years.at(-1).year).toBe(lastYear);
    expect(after.years.at(-1).desa).toBe(220);
    expect(after.inApproval).toEqual({ year: 2025, approved: 1, total: 220 });
    const weakest = (await t.app.inject({ method: 'GET', url: '/api/index/weakest' })).json();
    expect(weakest.year).toBe(lastYear);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['perencana', 'desa.jaten', 'kec.wonodadi']) s[u] = await login(t.app, u);
});
afterAll(() => t.close());

const M = 1_000_000;
const as = (who: string | null, method: string, url: string, payload?: unknown) =>
  call(t.app, who ? s[who]! : null, {
    method: method as 'GET',
    url,
    ...(payload !== undefined ? { payload } : {}),
  });
const vote = (patch: Record<string, unknown> = {}) => ({
  title: 'Anggaran partisipatif dusun',
  planYear: new Date().getFullYear() + 1,
  budget: 50 * M,
  ballot: { type: 'approval', maxChoices: 1 },
  rule: { rule: 'mes', utility: 'cost', completion: 'none' },
  projects: [
    { code: 'A', title: 'Lampu jalan Krajan', cost: 20 * M, regionCode: '35.05.01.2001' },
    { code: 'B', title: 'Sumur bor Sumberjo', cost: 30 * M },
  ],
  ...patch,
});

describe('a vote a desa or kecamatan runs for its own area (issue 20)', () => {
  it("a desa runs its own vote, for its residents only, and not the kabupaten's", async () => {
    const own = await as('desa.jaten', 'POST', '/api/pb/elections', vote());
    expect(own.statusCode, own.body).toBe(201);
    const id = own.json().id;
    const seen = (await as('desa.jaten', 'GET', `/api/pb/elections/${id}`)).json();
    expect(seen).toMatchObject({ regionCode: '35.05.01.2001', regionName: 'Jaten', mayManage: true });
    expect((await as(null, 'GET', `/api/pb/elections/${id}`)).json().mayManage).toBe(false);
    // Another desa's area, or a project outside its own, is refused by field.
    const elsewhere = await as(
      'desa.jaten',
      'POST',
      '/api/pb/elections',
      vote({ regionCode: '35.05.01.2002' }),
    );
    expect(elsewhere.json().issues[0]).toMatchObject({
      field: 'body.regionCode',
      issue: 'outside_your_area',
    });
    const farProject = await as(
      'desa.jaten',
      'POST',
      '/api/pb/elections',
      vote({
        projects: [
          { code: 'A', title: 'Lampu jalan Salam', cost: 20 * M, regionCode: '35.05.01.2002' },
          { code: 'B', title: 'Sumur bor', cost: 30 * M },
        ],
      }),
    );
    expect(farProject.json().issues[0]).toMatchObject({
      field: 'body.projects.0.regionCode',
      issue: 'outside_vote_area',
    });
    // Nor may a project of Jaten's vote fund a proposal of another desa.
    const year = new Date().getFullYear() + 1;
    const candidates = (await as('perencana', 'GET', `/api/pb/candidates?planYear=${year}`)).json().items;
    const far = candidates.find((c: { regionCode: string }) => c.regionCode !== '35.05.01.2001');
    expect(far).toBeDefined();
    const farProposal = await as(
      'perencana',
      'POST',
      '/api/pb/elections',
      vote({
        regionCode: '35.05.01.2001',
        projects: [
          { code: 'A', title: far.title, cost: 20 * M, proposalId: far.id },
          { code: 'B', title: 'Sumur bor', cost: 30 * M },
        ],
      }),
    );
    expect(farProposal.statusCode).toBe(400);
    expect(farProposal.json().issues[0]).toMatchObject({
      field: 'body.projects.0.proposalId',
      issue: 'outside_vote_area',
    });
    expect((await as('desa.jaten', 'POST', `/api/pb/elections/${id}/open`)).json().state).toBe('dibuka');
    // Its residents only: Bappeda registering a resident of Salam for Jaten's vote is refused.
    const jaten = await as('desa.jaten', 'POST', `/api/pb/elections/${id}/voters`, {
      nik: '3505010101980001',
      regionCode: '35.05.01.2001',
    });
    expect(jaten.statusCode, jaten.body).toBe(201);
    const salam = await as('perencana', 'POST', `/api/pb/elections/${id}/voters`, {
      nik: '3505010101980002',
      regionCode: '35.05.01.2002',
    });
    expect(salam.json().issues[0]).toMatchObject({ field: 'body.regionCode', issue: 'outside_vote_area' });
    // The kecamatan around it may run it too; Bappeda may run any.
    expect((await as('kec.wonodadi', 'GET', `/api/pb/elections/${id}`)).json().mayManage).toBe(true);

    const kabupaten = (
      await as('perencana', 'POST', '/api/pb/elections', vote({ title: 'Anggaran partisipatif kabupaten' }))
    ).json().id;
    expect((await as('desa.jaten', 'GET', `/api/pb/elections/${kabupaten}`)).json()).toMatchObject({
      regionCode: null,
      mayManage: false,
    });
    expect((await as('desa.jaten', 'POST', `/api/pb/elections/${kabupaten}/open`)).statusCode).toBe(403);
    expect((await as('kec.wonodadi', 'PUT', `/api/pb/elections/${kabupaten}`, vote())).statusCode).toBe(403);
  });
});

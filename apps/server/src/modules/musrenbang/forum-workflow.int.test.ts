import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['perencana', 'kec.wonodadi', 'desa.jaten']) s[u] = await login(t.app, u);
});
afterAll(() => t.close());

const JATEN = '35.05.01.2001';
const year = new Date().getFullYear() + 1;
const as = (who: string, method: string, url: string, payload?: unknown) =>
  call(t.app, s[who]!, { method: method as 'GET', url, ...(payload !== undefined ? { payload } : {}) });
const propose = async (title: string) =>
  (
    await as('desa.jaten', 'POST', '/api/proposals', {
      track: 'musrenbang',
      title,
      bidang: 'infrastruktur',
      regionCode: JATEN,
      volume: 1,
      unit: 'paket',
      estimatedCost: 40_000_000,
      beneficiaries: 80,
      planYear: year,
      proposerName: 'Warga',
    })
  ).json() as { id: string; trackingCode: string };
const attendance = (total: number) => ({ total, perempuan: 0, pemuda: 0, disabilitas: 0, daftar: [] });
const issuesOf = (res: { json(): { issues?: { issue: string }[] } }) =>
  (res.json().issues ?? []).map((i) => i.issue);

describe('a forum closes once, complete, and reopens only from above with a reason (issue 16)', () => {
  let forumId: string;
  let ids: string[];
  let decisions: { proposalId: string; decision: { kind: string } }[];

  it('refuses to close without attendance, below its quorum, or with scores not saved', async () => {
    const created = await as('desa.jaten', 'POST', '/api/forums', {
      level: 'desa',
      regionCode: JATEN,
      planYear: year,
      heldOn: new Date().toISOString().slice(0, 10),
      title: 'Musrenbangdes Jaten (uji alur)',
      method: 'suara',
      quorum: 5,
      confirmWarnings: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    forumId = created.json().id;
    ids = [(await propose('Sumur bor dusun Krajan')).id, (await propose('Lampu jalan dusun Ngemplak')).id];
    expect(
      (await as('desa.jaten', 'PUT', `/api/forums/${forumId}/agenda`, { proposalIds: ids })).statusCode,
    ).toBe(200);
    decisions = ids.map((proposalId) => ({ proposalId, decision: { kind: 'teruskan' } }));
    const close = () => as('desa.jaten', 'POST', `/api/forums/${forumId}/close`, { decisions });

    const empty = await close();
    expect(empty.statusCode).toBe(400);
    expect(issuesOf(empty)).toEqual(['attendance_missing', 'not_scored', 'not_scored']);
    expect(empty.json().detail).toContain('Daftar hadir');

    await as('desa.jaten', 'PUT', `/api/forums/${forumId}/participants`, attendance(3));
    expect(issuesOf(await close())).toContain('below_quorum');
    const detail = (await as('desa.jaten', 'GET', `/api/forums/${forumId}`)).json();
    expect(detail.quorum).toBe(5);
    expect(detail.closeNeeds.map((n: { issue: string }) => n.issue)).toEqual([
      'below_quorum',
      'not_scored',
      'not_scored',
    ]);

    await as('desa.jaten', 'PUT', `/api/forums/${forumId}/participants`, attendance(12));
    expect(issuesOf(await close())).toEqual(['not_scored', 'not_scored']);
    const votes = await as('desa.jaten', 'PUT', `/api/forums/${forumId}/scores`, {
      items: ids.map((proposalId, i) => ({ proposalId, votes: 10 - i })),
    });
    expect(votes.statusCode).toBe(200);
    expect(votes.json().closeNeeds).toEqual([]);
    // A decision missing is named with the proposal's code.
    const partial = await as('desa.jaten', 'POST', `/api/forums/${forumId}/close`, {
      decisions: decisions.slice(0, 1),
    });
    expect(partial.json().issues).toEqual([expect.objectContaining({ issue: 'decision_missing' })]);
    expect(partial.json().detail).toMatch(/usulan [A-Z0-9-]+/);
  });

  it('closes once when closed three times at once', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() => as('desa.jaten', 'POST', `/api/forums/${forumId}/close`, { decisions })),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(
      statuses.every((x) => x === 200 || x === 409),
      statuses.join(','),
    ).toBe(true);
    for (const id of ids) {
      const p = (await as('desa.jaten', 'GET', `/api/proposals/${id}`)).json();
      expect(p.stage).toBe('kecamatan');
      expect(p.events.filter((e: { kind: string }) => e.kind === 'teruskan')).toHaveLength(1);
    }
  });

  it('is reopened by the kecamatan with a reason, which the berita acara shows; the decisions are taken back', async () => {
    expect(
      (await as('desa.jaten', 'POST', `/api/forums/${forumId}/reopen`, { reason: 'Salah hitung suara' }))
        .statusCode,
    ).toBe(403);
    const bare = await as('kec.wonodadi', 'POST', `/api/forums/${forumId}/reopen`, { reason: '' });
    expect(bare.statusCode).toBe(400);
    expect(issuesOf(bare)).toEqual(['reason_required']);
    const reason = 'Suara dusun Ngemplak belum dihitung';
    const reopened = await as('kec.wonodadi', 'POST', `/api/forums/${forumId}/reopen`, { reason });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ state: 'draf', reopenings: [{ reason }] });
    for (const id of ids) {
      const p = (await as('desa.jaten', 'GET', `/api/proposals/${id}`)).json();
      expect(p.stage).toBe('desa');
      expect(p.events.at(-1)).toMatchObject({ kind: 'dikembalikan' });
      expect(p.events.at(-1).note).toContain(reason);
    }
    // Closed again by the desa, the berita acara tells of the reopening.
    const again = await as('desa.jaten', 'POST', `/api/forums/${forumId}/close`, { decisions });
    expect(again.statusCode, again.body).toBe(200);
    const pdf = await as('desa.jaten', 'GET', `/api/forums/${forumId}/berita-acara.pdf`);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    expect(text.replace(/\s+/g, ' ')).toContain(reason);
    expect(text).toContain('kuorum');
  });

  it('cannot be reopened once a proposal it decided was decided again at the next step', async () => {
    const next = await as('kec.wonodadi', 'POST', `/api/proposals/${ids[0]}/decisions`, { kind: 'teruskan' });
    expect(next.statusCode, next.body).toBe(200);
    const refused = await as('kec.wonodadi', 'POST', `/api/forums/${forumId}/reopen`, {
      reason: 'Coba buka lagi',
    });
    expect(refused.statusCode).toBe(400);
    expect(issuesOf(refused)).toEqual(['forum_later_decided']);
    expect((await as('desa.jaten', 'GET', `/api/forums/${forumId}`)).json().state).toBe('selesai');
  });
});

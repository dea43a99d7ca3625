import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['perencana', 'kec.wonodadi', 'desa.jaten', 'dprd']) s[u] = await login(t.app, u);
});
afterAll(() => t.close());

const JATEN = '35.05.01.2001';
const year = new Date().getFullYear() + 2;
const as = (who: string, method: string, url: string, payload?: unknown) =>
  call(t.app, s[who]!, { method: method as 'GET', url, ...(payload !== undefined ? { payload } : {}) });
const propose = async (title: string, extra: Record<string, unknown> = {}) =>
  (
    await as('desa.jaten', 'POST', '/api/proposals', {
      track: 'musrenbang',
      title,
      bidang: 'infrastruktur',
      regionCode: JATEN,
      rt: '01',
      rw: '02',
      volume: 100,
      unit: 'meter',
      estimatedCost: 45_000_000,
      communityContribution: 2_000_000,
      beneficiaries: 120,
      planYear: year,
      proposerName: 'Warga RW 02',
      ...extra,
    })
  ).json() as { id: string; trackingCode: string };

describe('Musrenbang forums', () => {
  let forumId: string;
  let ids: string[];

  it('is opened by the office of its level and area only', async () => {
    const body = {
      level: 'desa',
      regionCode: JATEN,
      planYear: year,
      heldOn: `${year - 1}-01-14`,
      title: 'Musrenbangdes Jaten',
      method: 'skor',
      criteria: [
        { code: 'manfaat', label: 'Manfaat bagi warga', weight: 3 },
        { code: 'mendesak', label: 'Tingkat kemendesakan', weight: 2 },
      ],
    };
    expect((await as('kec.wonodadi', 'POST', '/api/forums', body)).statusCode).toBe(403);
    expect(
      (await as('desa.jaten', 'POST', '/api/forums', { ...body, regionCode: '35.05.01.2002' })).statusCode,
    ).toBe(403);
    const wrongLevel = await as('desa.jaten', 'POST', '/api/forums', { ...body, regionCode: '35.05.01' });
    expect(wrongLevel.json().issues[0]).toMatchObject({ field: 'body.regionCode', issue: 'forum_level' });
    const noCriteria = await as('desa.jaten', 'POST', '/api/forums', { ...body, criteria: [] });
    expect(noCriteria.json().issues[0]).toMatchObject({ field: 'body.criteria', issue: 'required' });
    const ok = await as('desa.jaten', 'POST', '/api/forums', body);
    expect(ok.statusCode).toBe(201);
    forumId = ok.json().id;
  });

  it('puts proposals at its step on the agenda, and refuses others', async () => {
    const a = await propose('Rabat beton gang Kenanga');
    const b = await propose('Saluran drainase dusun Tegal');
    const c = await propose('Pelatihan menjahit ibu PKK', { bidang: 'ekonomi' });
    ids = [a.id, b.id, c.id];
    const detail = (await as('desa.jaten', 'GET', `/api/forums/${forumId}`)).json();
    expect(detail.candidates.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(ids));
    const moved = await propose('Pembangunan pos kamling');
    await as('desa.jaten', 'POST', `/api/proposals/${moved.id}/decisions`, { kind: 'teruskan' });
    const refused = await as('desa.jaten', 'PUT', `/api/forums/${forumId}/agenda`, {
      proposalIds: [...ids, moved.id],
    });
    expect(refused.json().issues).toEqual([
      expect.objectContaining({ field: 'body.proposalIds.3', issue: 'not_on_this_step' }),
    ]);
    const set = await as('desa.jaten', 'PUT', `/api/forums/${forumId}/agenda`, { proposalIds: ids });
    expect(set.json().items.map((i: { proposal: { id: string } }) => i.proposal.id)).toEqual(ids);
    expect(
      (await as('kec.wonodadi', 'PUT', `/api/forums/${forumId}/agenda`, { proposalIds: ids })).statusCode,
    ).toBe(403);
  });

  it('records participants by group, and refuses group counts above the total', async () => {
    const bad = await as('desa.jaten', 'PUT', `/api/forums/${forumId}/participants`, {
      total: 40,
      perempuan: 45,
      pemuda: 10,
      disabilitas: 2,
    });
    expect(bad.json().issues[0]).toMatchObject({ field: 'body.perempuan', issue: 'counts_exceed_total' });
    const ok = await as('desa.jaten', 'PUT', `/api/forums/${forumId}/participants`, {
      total: 42,
      perempuan: 17,
      pemuda: 9,
      disabilitas: 2,
      daftar: [
        { nama: 'Kepala Desa Jaten', unsur: 'Pemerintah desa' },
        { nama: 'Ketua BPD', unsur: 'BPD' },
      ],
    });
    expect(ok.json().participants).toMatchObject({ total: 42, perempuan: 17 });
  });

  it('ranks by weighted scores, ties sharing a rank, and names unknown criteria', async () => {
    const unknown = await as('desa.jaten', 'PUT', `/api/forums/${forumId}/scores`, {
      items: [{ proposalId: ids[0], scores: { cantik: 5 } }],
    });
    expect(unknown.json().issues[0]).toMatchObject({
      field: 'body.items.0.scores.cantik',
      issue: 'unknown_criterion',
    });
    const res = await as('desa.jaten', 'PUT', `/api/forums/${forumId}/scores`, {
      items: [
        { proposalId: ids[0], scores: { manfaat: 4, mendesak: 3 } },
        { proposalId: ids[1], scores: { manfaat: 5, mendesak: 4 } },
        { proposalId: ids[2], scores: { manfaat: 2, mendesak: 6 } },
      ],
    });
    const byId = Object.fromEntries(
      res
        .json()
        .items.map((i: { proposal: { id: string }; rank: number; total: number }) => [
          i.proposal.id,
          [i.rank, i.total],
        ]),
    );
    expect(byId[ids[1]!]).toEqual([1, 23]);
    expect(byId[ids[0]!]).toEqual([2, 18]);
    expect(byId[ids[2]!]).toEqual([2, 18]);
  });

  it('closes with a decision on every item, moves the proposals, and then refuses changes', async () => {
    const missing = await as('desa.jaten', 'POST', `/api/forums/${forumId}/close`, {
      decisions: [{ proposalId: ids[0], decision: { kind: 'teruskan' } }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues.map((i: { issue: string }) => i.issue)).toEqual([
      'decision_missing',
      'decision_missing',
    ]);
    const badNote = await as('desa.jaten', 'POST', `/api/forums/${forumId}/close`, {
      decisions: [
        { proposalId: ids[0], decision: { kind: 'teruskan' } },
        { proposalId: ids[1], decision: { kind: 'teruskan' } },
        { proposalId: ids[2], decision: { kind: 'tolak', reason: 'lainnya' } },
      ],
    });
    expect(badNote.json().issues[0]).toMatchObject({
      field: 'body.decisions.2.decision.note',
      issue: 'required',
    });
    // Nothing was written by the refused attempts.
    expect((await as('desa.jaten', 'GET', `/api/proposals/${ids[0]}`)).json().stage).toBe('desa');
    const closed = await as('desa.jaten', 'POST', `/api/forums/${forumId}/close`, {
      decisions: [
        { proposalId: ids[0], decision: { kind: 'teruskan' } },
        { proposalId: ids[1], decision: { kind: 'teruskan', note: 'Prioritas pertama' } },
        { proposalId: ids[2], decision: { kind: 'tunda', toYear: year + 1, note: 'Menunggu pelatih' } },
      ],
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('selesai');
    const p1 = (await as('desa.jaten', 'GET', `/api/proposals/${ids[1]}`)).json();
    expect(p1.stage).toBe('kecamatan');
    expect(p1.events.at(-1)).toMatchObject({ kind: 'teruskan', note: 'Prioritas pertama' });
    expect((await as('desa.jaten', 'GET', `/api/proposals/${ids[2]}`)).json().planYear).toBe(year + 1);
    expect(
      (await as('desa.jaten', 'PUT', `/api/forums/${forumId}/agenda`, { proposalIds: [] })).statusCode,
    ).toBe(409);
  });

  it('prints the berita acara and the daftar usulan prioritas in rank order', async () => {
    const pdf = await as('dprd', 'GET', `/api/forums/${forumId}/berita-acara.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await as('dprd', 'GET', `/api/forums/${forumId}/prioritas.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // Two title lines and a blank row, then the table.
    expect(String(ws.getRow(1).getCell(1).value)).toBe('Daftar usulan prioritas: Musrenbangdes Jaten');
    expect((ws.getRow(4).values as string[]).slice(1, 4)).toEqual(['Prioritas', 'Kegiatan', 'Lokasi']);
    expect(ws.getRow(5).getCell(2).value).toBe('Saluran drainase dusun Tegal');
    expect(ws.getRow(5).getCell(3).value).toBe('Jaten RT 01/RW 02');
    expect(ws.getRow(5).getCell(12).value).toBe('Diteruskan');
    // Three proposals, then a row summing swadaya and cost.
    expect(ws.rowCount).toBe(8);
    expect(ws.getRow(8).getCell(1).value).toBe('Jumlah');
    const cost = [5, 6, 7].reduce((sum, r) => sum + Number(ws.getRow(r).getCell(7).value), 0);
    expect(Number(ws.getRow(8).getCell(7).value)).toBe(cost);
    const list = (await as('dprd', 'GET', `/api/forums?year=${year}`)).json();
    expect(list.items[0]).toMatchObject({ id: forumId, state: 'selesai', agenda: 3, regionName: 'Jaten' });
  });
});

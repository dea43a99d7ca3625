import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let desa: Session;
let kecamatan: Session;
let perencana: Session;
let scores2024: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  desa = await login(t.app, 'desa.jaten');
  kecamatan = await login(t.app, 'kec.wonodadi');
  perencana = await login(t.app, 'perencana');
  const card = (await t.app.inject({ method: 'GET', url: '/api/index/desa/35.05.01.2001' })).json();
  scores2024 = Object.fromEntries(
    card.indicators.items.map((i: { code: string; score: number }) => [i.code, i.score]),
  );
});
afterAll(() => t.close());

const url = (code: string, step = '') => `/api/index/entries/${code}/2025${step ? `/${step}` : ''}`;

describe('a year from entry to approval', () => {
  it('shows the kecamatan which of its 11 desa have not entered the year yet', async () => {
    const list = (
      await call(t.app, kecamatan, { method: 'GET', url: '/api/index/worklist?year=2025' })
    ).json();
    // The demo's sample entry of Desa Salam waits for verification; the other 10 have entered nothing.
    expect(list.items.map((i: { code: string; state: string }) => [i.code, i.state])).toEqual([
      ['35.05.01.2002', 'submitted'],
    ]);
    expect(list.missing).toHaveLength(10);
    expect(list.missing[0]).toMatchObject({ code: '35.05.01.2001', name: 'Jaten', kecamatan: 'Wonodadi' });
    const kab = (
      await call(t.app, perencana, { method: 'GET', url: '/api/index/worklist?year=2025' })
    ).json();
    expect(kab.missing).toHaveLength(218);
  });

  it('refuses scores out of range, naming the indicator, and writes nothing', async () => {
    const res = await call(t.app, desa, {
      method: 'PUT',
      url: url('35.05.01.2001'),
      payload: { scores: { ...scores2024, IKS02_DOKTER: 9 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ field: 'IKS02_DOKTER', issue: 'score_range' });
    const list = (await call(t.app, desa, { method: 'GET', url: '/api/index/worklist?year=2025' })).json();
    expect(list.items).toEqual([]);
  });

  it('keeps a desa operator to their own desa', async () => {
    const res = await call(t.app, desa, {
      method: 'PUT',
      url: url('35.05.01.2002'),
      payload: { scores: scores2024 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('OUT_OF_SCOPE');
  });

  it('goes desa -> kecamatan -> kabupaten, audited at every step, and locks the approved year', async () => {
    const saved = await call(t.app, desa, {
      method: 'PUT',
      url: url('35.05.01.2001'),
      payload: { scores: { ...scores2024, IKE07_BANK_BPR: 3 } },
    });
    expect(saved.json()).toMatchObject({ state: 'draft', status: 'MAJU' });
    expect(saved.json().value).toBeCloseTo(0.7535 + 3 / 180, 4);
    // The kecamatan cannot verify a draft.
    expect(
      (await call(t.app, kecamatan, { method: 'POST', url: url('35.05.01.2001', 'verify'), payload: {} }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call(t.app, desa, { method: 'POST', url: url('35.05.01.2001', 'submit'), payload: {} })).json()
        .state,
    ).toBe('submitted');
    // A desa cannot change a submitted entry.
    expect(
      (await call(t.app, desa, { method: 'PUT', url: url('35.05.01.2001'), payload: { scores: scores2024 } }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await call(t.app, kecamatan, { method: 'POST', url: url('35.05.01.2001', 'verify'), payload: {} })
      ).json().state,
    ).toBe('verified');
    expect(
      (
        await call(t.app, perencana, { method: 'POST', url: url('35.05.01.2001', 'approve'), payload: {} })
      ).json().state,
    ).toBe('approved');
    const locked = await call(t.app, perencana, {
      method: 'POST',
      url: url('35.05.01.2001', 'return'),
      payload: { note: 'ulang' },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().detail).toBe('Tidak dapat mengembalikan data yang berstatus disahkan.');
    const admin = await login(t.app, 'admin');
    const audit = (
      await call(t.app, admin, {
        method: 'GET',
        url: '/api/audit?entity=village_index&entityId=idm-2016:2025:35.05.01.2001',
      })
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'village_index.saved',
      'village_index.submit',
      'village_index.verify',
      'village_index.approve',
    ]);
  });

  it('a kecamatan verifies only inside its kecamatan, and kelurahan are not scored', async () => {
    const other = await login(t.app, 'admin');
    expect(other).toBeDefined();
    const outside = await call(t.app, kecamatan, {
      method: 'POST',
      url: url('35.05.02.2001', 'verify'),
      payload: {},
    });
    expect(outside.statusCode).toBe(403);
    const kelurahan = await call(t.app, desa, {
      method: 'PUT',
      url: url('35.05.07.1001'),
      payload: { scores: scores2024 },
    });
    expect(kelurahan.statusCode).toBe(400);
  });

  it('prints the berita acara of the kecamatan as a PDF', async () => {
    const res = await call(t.app, kecamatan, { method: 'GET', url: '/api/index/berita-acara?year=2024' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(5_000);
    // On the kecamatan's letterhead, dated in words, signed in the kecamatan.
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(res.rawPayload)), {
      mergePages: true,
    });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('PEMERINTAH KABUPATEN BLITAR KECAMATAN WONODADI');
    expect(flat).toMatch(
      /Pada hari \w+ tanggal [a-z ]+ bulan \w+ tahun dua ribu [a-z ]+, bertempat di Wonodadi/,
    );
    expect(flat).toMatch(/Wonodadi, \d{1,2} \w+ \d{4}/);
    expect(flat).toContain('Camat');
  });

  it('turns raw observations into scores with the rubric, and refuses a score the rubric does not give', async () => {
    const put = (body: object) =>
      call(t.app, desa, { method: 'PUT', url: '/api/index/entries/35.05.01.2001/2026', payload: body });
    const mismatch = await put({
      scores: { ...scores2024, IKS05_KEPESERTAAN_BPJS: 3 },
      observations: { IKS05_KEPESERTAAN_BPJS: 0.8 },
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().issues[0]).toMatchObject({
      field: 'IKS05_KEPESERTAAN_BPJS',
      issue: 'score_rubric_mismatch',
    });
    const gap = await put({ scores: scores2024, observations: { IKS05_KEPESERTAAN_BPJS: 0.55 } });
    expect(gap.json().issues[0]).toMatchObject({
      field: 'observations.IKS05_KEPESERTAAN_BPJS',
      issue: 'rubric_gap',
    });
    const none = await put({ scores: scores2024, observations: { IKS01_AKSES_SARKES: 3 } });
    expect(none.json().issues[0]).toMatchObject({ issue: 'no_rubric' });
    const ok = await put({
      scores: { ...scores2024, IKS05_KEPESERTAAN_BPJS: 5, IKS06_AKSES_POSKESDES: 4 },
      observations: { IKS05_KEPESERTAAN_BPJS: 0.8, IKS06_AKSES_POSKESDES: 750 },
    });
    expect(ok.statusCode).toBe(200);
    const entry = (
      await call(t.app, desa, { method: 'GET', url: '/api/index/entries/35.05.01.2001/2026' })
    ).json();
    expect(entry.observations).toEqual({ IKS05_KEPESERTAAN_BPJS: 0.8, IKS06_AKSES_POSKESDES: 750 });
    expect(entry.scores.IKS05_KEPESERTAAN_BPJS).toBe(5);
  });
});

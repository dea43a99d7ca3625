import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { systemPrincipal } from '../../context.ts';
import { fundProposals } from '../musrenbang/musrenbang.decisions.ts';

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['perencana', 'opd.dpupr', 'desa.jaten', 'kec.wonodadi']) s[u] = await login(t.app, u);
});
afterAll(() => t.close());

const as = (u: string | null, method: string, url: string, payload?: unknown) =>
  call(t.app, u ? s[u]! : null, {
    method: method as 'GET',
    url,
    ...(payload !== undefined ? { payload } : {}),
  });
const year = new Date().getFullYear() + 2;
type Item = Record<string, unknown> & { trackingCode: string; regionCode: string; stage: string };

describe('public proposals (issue 20)', () => {
  let shown: { id: string; trackingCode: string };
  let refused: { id: string; trackingCode: string };
  let aspiration: string;

  beforeAll(async () => {
    const base = {
      track: 'musrenbang',
      bidang: 'infrastruktur',
      regionCode: '35.05.01.2001',
      rt: '03',
      rw: '01',
      volume: 120,
      unit: 'meter',
      estimatedCost: 96_000_000,
      beneficiaries: 210,
      planYear: year,
      proposerName: 'Bapak Sutrisno bin Karto',
    };
    const make = async (body: Record<string, unknown>) =>
      (await as('desa.jaten', 'POST', '/api/proposals', { ...base, ...body })).json();
    shown = await make({
      title: 'Saluran irigasi tersier Jaten',
      description: 'Saluran tanah sering jebol.',
    });
    refused = await make({ title: 'Gapura batas dusun Jaten', bidang: 'sosial_budaya' });
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4dabf7' } })
      .jpeg()
      .toBuffer();
    const up = await call(t.app, s['desa.jaten']!, {
      method: 'POST',
      url: `/api/proposals/${shown.id}/photos`,
      headers: { 'content-type': 'image/jpeg' },
      payload: photo,
    });
    expect(up.statusCode, up.body).toBe(201);
    for (const p of [shown, refused])
      await as('desa.jaten', 'POST', `/api/proposals/${p.id}/decisions`, { kind: 'teruskan' });
    const no = await as('kec.wonodadi', 'POST', `/api/proposals/${refused.id}/decisions`, {
      kind: 'tolak',
      reason: 'tidak_sesuai_prioritas',
      note: 'Bukan prioritas kecamatan tahun ini',
    });
    expect(no.statusCode, no.body).toBe(200);
    const asp = await as(null, 'POST', '/api/aspirations', {
      title: 'Perbaikan jembatan bambu dusun Krajan',
      description: 'Rumah saya di RT 02, nomor telepon 0812-3456-7890',
      bidang: 'infrastruktur',
      regionCode: '35.05.01.2001',
      proposerName: 'Ibu Siti Aminah',
      contact: 'siti@example.org',
    });
    expect(asp.statusCode, asp.body).toBe(201);
    aspiration = asp.json().trackingCode;
  });

  it('lists what passed moderation to anyone, with step, cost, decision and reason, and nothing personal', async () => {
    const res = await as(null, 'GET', `/api/public/proposals?year=${year}&region=35.05.01&limit=200`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    const codes = items.map((i) => i.trackingCode);
    expect(codes).toEqual(expect.arrayContaining([shown.trackingCode, refused.trackingCode]));
    expect(codes).not.toContain(aspiration);
    expect(items.every((i) => i.stage !== 'moderasi' && i.regionCode.startsWith('35.05.01.'))).toBe(true);
    // The map's counts per desa add up to the list's total.
    const perDesa = res.json().perDesa as Record<string, number>;
    expect(Object.values(perDesa).reduce((a, b) => a + b, 0)).toBe(res.json().total);
    expect(perDesa['35.05.01.2001']).toBeGreaterThanOrEqual(2);
    const r = items.find((i) => i.trackingCode === refused.trackingCode)!;
    expect(r).toMatchObject({
      state: 'ditolak',
      regionName: 'Jaten',
      kecamatanName: 'Wonodadi',
      estimatedCost: 96_000_000,
      decision: {
        kind: 'tolak',
        reason: 'tidak_sesuai_prioritas',
        note: 'Bukan prioritas kecamatan tahun ini',
      },
    });
    // Field by field: no proposer, contact, RT/RW; and their values appear nowhere in the answer.
    for (const key of ['proposerName', 'contact', 'rt', 'rw', 'proposerUserId', 'id'])
      expect(Object.keys(r)).not.toContain(key);
    expect(res.body).not.toMatch(/Sutrisno|Siti Aminah|example\.org|0812/);
  });

  it('filters by bidang, step and words', async () => {
    const q = async (extra: string) =>
      (
        (await as(null, 'GET', `/api/public/proposals?year=${year}&region=35.05.01.2001${extra}`)).json()
          .items as Item[]
      ).map((i) => i.trackingCode);
    expect(await q('&bidang=sosial_budaya')).toEqual([refused.trackingCode]);
    // The step where a proposal is, or where it stopped (the refused one stopped at the kecamatan).
    expect(await q('&stage=kecamatan')).toEqual(
      expect.arrayContaining([shown.trackingCode, refused.trackingCode]),
    );
    expect(await q('&stage=opd')).not.toContain(shown.trackingCode);
    expect(await q('&q=irigasi')).toEqual([shown.trackingCode]);
    const bad = await as(null, 'GET', '/api/public/proposals?bidang=jalan&region=35.05');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/Bidang/);
  });

  it("shows one proposal's page with its description, photos and whole path; an aspiration in moderation without its text", async () => {
    const page = (await as(null, 'GET', `/api/public/proposals/${shown.trackingCode}`)).json();
    expect(page).toMatchObject({
      title: 'Saluran irigasi tersier Jaten',
      description: 'Saluran tanah sering jebol.',
      volume: 120,
      unit: 'meter',
      inModeration: false,
      project: null,
    });
    expect(page.photos).toHaveLength(1);
    expect(page.events.map((e: { kind: string }) => e.kind)).toEqual(['dibuat', 'teruskan']);
    const img = await as(null, 'GET', `/api/public/proposals/${shown.trackingCode}/photos/${page.photos[0]}`);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect(JSON.stringify(page)).not.toMatch(/Sutrisno/);

    const waiting = (await as(null, 'GET', `/api/public/proposals/${aspiration}`)).json();
    expect(waiting).toMatchObject({ inModeration: true, description: '', photos: [], stage: 'moderasi' });
    expect(JSON.stringify(waiting)).not.toMatch(/Siti Aminah|0812|example\.org/);
    expect((await as(null, 'GET', '/api/public/proposals/USL-ZZZZ-ZZZZ')).statusCode).toBe(404);
  });

  it('links a funded proposal to its project and the progress the agency verified', async () => {
    const candidates = (
      await as('perencana', 'GET', `/api/pb/candidates?planYear=${new Date().getFullYear() + 1}`)
    ).json().items as {
      id: string;
      trackingCode: string;
      opd: string | null;
      title: string;
      regionCode: string;
    }[];
    const p = candidates.find((c) => c.opd === 'DPUPR')!;
    await fundProposals(t.ctx, systemPrincipal, [p.id], 'uji portal');
    const dpupr = (
      (await as('perencana', 'GET', '/api/organisations')).json().items as { id: string; code: string }[]
    ).find((o) => o.code === 'DPUPR')!.id;
    const today = new Date().toISOString().slice(0, 7);
    const created = await as('opd.dpupr', 'POST', `/api/projects/from-proposal/${p.id}`, {
      name: p.title,
      type: 'jalan',
      organisationId: dpupr,
      regionCode: p.regionCode,
      contractor: 'CV Uji',
      contractValue: 100_000_000,
      startDate: `${today}-01`,
      endDate: `${today}-28`,
      funding: [{ source: 'apbd_kabupaten', amount: 100_000_000 }],
      plan: [{ month: today, physical: 100, financial: 100_000_000 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const page = (await as(null, 'GET', `/api/public/proposals/${p.trackingCode}`)).json();
    expect(page.stage).toBe('pelaksanaan');
    expect(page.project).toMatchObject({ id: created.json().id, name: p.title, physical: 0 });
  });
});

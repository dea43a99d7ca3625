import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let desa: Session;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  desa = await login(t.app, 'desa.jaten');
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const JATEN = '35.05.01.2001';
const year = new Date().getFullYear() + 1;
// CONTOH.KES.01: Alat kesehatan posyandu, Rp7.500.000 per paket (sample kamus).
const proposal = (patch: Record<string, unknown> = {}) => ({
  track: 'musrenbang',
  title: 'Alat kesehatan posyandu Melati',
  bidang: 'sosial_budaya',
  regionCode: JATEN,
  kamusCode: 'CONTOH.KES.01',
  volume: 2,
  unit: 'paket',
  estimatedCost: 15_000_000,
  communityContribution: 0,
  beneficiaries: 120,
  planYear: year,
  proposerName: 'Kader posyandu',
  ...patch,
});
const propose = (body: unknown) =>
  call(t.app, desa, { method: 'POST', url: '/api/proposals', payload: body });
const issues = (res: { json(): { issues?: { field: string; issue: string }[] } }) =>
  (res.json().issues ?? []).map((i) => `${i.field} ${i.issue}`);

describe('plausibility of a proposal', () => {
  it('refuses swadaya above the cost, a cost ten times the kamus, and a year past the medium term', async () => {
    const swadaya = await propose(
      proposal({ communityContribution: 50_000_000, estimatedCost: 1_000_000, kamusCode: undefined }),
    );
    expect(swadaya.statusCode).toBe(400);
    expect(issues(swadaya)).toContain('body.communityContribution swadaya_above_cost');
    expect(swadaya.json().detail).toContain(
      'Swadaya masyarakat: tidak boleh lebih besar dari perkiraan biaya',
    );
    const zeros = await propose(proposal({ estimatedCost: 150_000_000_000 }));
    expect(zeros.statusCode).toBe(400);
    expect(zeros.json().detail).toContain(
      'Perkiraan biaya: lebih dari 10 kali perkiraan kamus (volume × harga satuan = Rp15.000.000)',
    );
    const far = await propose(proposal({ planYear: 2100 }));
    expect(issues(far)).toContain('body.planYear year_too_far');
  });

  it('asks to confirm a cost well above the kamus, and records the confirmed warning', async () => {
    const asked = await propose(proposal({ estimatedCost: 30_000_000 }));
    expect(asked.statusCode).toBe(422);
    expect(asked.json()).toMatchObject({ code: 'NEEDS_CONFIRMATION' });
    expect(issues(asked)).toEqual(['body.estimatedCost cost_above_kamus']);
    const confirmed = await propose(proposal({ estimatedCost: 30_000_000, confirmWarnings: true }));
    expect(confirmed.statusCode).toBe(201);
    const audit = (
      await call(t.app, admin, { method: 'GET', url: `/api/audit?entityId=${confirmed.json().id}` })
    ).json();
    const created = audit.items.find((a: { action: string }) => a.action === 'proposal.created');
    expect(created.after.confirmedWarnings).toEqual([
      { field: 'body.estimatedCost', issue: 'cost_above_kamus', params: { expected: 15_000_000 } },
    ]);
  });

  it('a desa proposal of Rp9.000.000.000.000 without a kamus entry is refused', async () => {
    const res = await propose(proposal({ kamusCode: undefined, estimatedCost: 9_000_000_000_000 }));
    expect(res.statusCode).toBe(400);
    expect(issues(res)).toContain('body.estimatedCost cost_beyond_desa');
  });

  it('checks the point against the desa boundary: Papua is refused, a neighbouring desa is questioned', async () => {
    const papua = await propose(proposal({ latitude: -2.5337, longitude: 140.7181 }));
    expect(papua.statusCode).toBe(400);
    expect(issues(papua)).toContain('body.latitude point_outside_kabupaten');
    const inside = await propose(proposal({ latitude: -8.0085, longitude: 111.9631 }));
    expect(inside.statusCode).toBe(201);
    const boundaries = (
      await t.app.inject({ method: 'GET', url: '/api/regions/boundaries?level=desa' })
    ).json();
    const other = boundaries.features.find(
      (f: { properties: { code: string } }) =>
        f.properties.code !== JATEN && f.properties.code.startsWith('35.05.01.'),
    ).properties;
    const outside = await propose(proposal({ latitude: other.labelLat, longitude: other.labelLng }));
    expect(outside.statusCode).toBe(422);
    expect(issues(outside)).toEqual(['body.latitude point_outside_desa']);
  });
});

describe('plausibility of dates', () => {
  const forum = (heldOn: string, extra: Record<string, unknown> = {}) =>
    call(t.app, desa, {
      method: 'POST',
      url: '/api/forums',
      payload: {
        level: 'desa',
        regionCode: JATEN,
        planYear: year,
        heldOn,
        title: 'Musrenbangdes Jaten',
        method: 'suara',
        ...extra,
      },
    });

  it('refuses a forum dated 1990 for this plan year, and asks about one held in the plan year itself', async () => {
    const old = await forum('1990-01-10');
    expect(old.statusCode).toBe(400);
    expect(old.json().detail).toContain(
      `Tanggal forum: forum untuk tahun rencana ini diadakan sekitar tahun ${year - 1}`,
    );
    const late = await forum(`${year}-01-10`);
    expect(late.statusCode).toBe(422);
    expect((await forum(`${year}-01-10`, { confirmWarnings: true })).statusCode).toBe(201);
    expect((await forum(`${year - 1}-01-10`)).statusCode).toBe(201);
  });
});

describe('attendance as the secretary types it', () => {
  it('keeps a line without its group instead of refusing the whole list', async () => {
    const forum = await call(t.app, desa, {
      method: 'POST',
      url: '/api/forums',
      payload: {
        level: 'desa',
        regionCode: JATEN,
        planYear: year,
        heldOn: `${year - 1}-01-20`,
        title: 'Musrenbangdes Jaten',
        method: 'suara',
      },
    });
    const res = await call(t.app, desa, {
      method: 'PUT',
      url: `/api/forums/${forum.json().id}/participants`,
      payload: {
        total: 2,
        perempuan: 1,
        pemuda: 0,
        disabilitas: 0,
        daftar: [{ nama: 'Siti Aminah', unsur: 'PKK' }, { nama: 'Budi' }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().participants.daftar).toEqual([
      { nama: 'Siti Aminah', unsur: 'PKK' },
      { nama: 'Budi', unsur: '' },
    ]);
  });
});

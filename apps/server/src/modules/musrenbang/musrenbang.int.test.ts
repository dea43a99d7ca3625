import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { jpegWithExif, TINY_PNG } from '../../../test/images.ts';
import { systemPrincipal } from '../../context.ts';
import { rolloverDue } from './musrenbang.decisions.ts';

let t: TestApp;
const s: Record<string, Session> = {};
let dpupr: string;
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'perencana', 'opd.dpupr', 'kec.wonodadi', 'desa.jaten', 'dprd'])
    s[u] = await login(t.app, u);
  const orgs = (await t.app.inject({ method: 'GET', url: '/api/organisations' })).json().items;
  dpupr = orgs.find((o: { code: string }) => o.code === 'DPUPR').id;
});
afterAll(() => t.close());

const JATEN = '35.05.01.2001';
const year = new Date().getFullYear() + 1;
const proposal = (patch: Record<string, unknown> = {}) => ({
  track: 'musrenbang',
  title: 'Perbaikan jalan dusun Krajan',
  description: 'Jalan rusak sepanjang 300 m',
  bidang: 'infrastruktur',
  organisationId: dpupr,
  regionCode: JATEN,
  rt: '02',
  rw: '01',
  volume: 300,
  unit: 'meter',
  estimatedCost: 150_000_000,
  communityContribution: 5_000_000,
  beneficiaries: 420,
  planYear: year,
  proposerName: 'Kelompok warga RW 01',
  ...patch,
});
const propose = (who: string, body: unknown) =>
  call(t.app, s[who]!, { method: 'POST', url: '/api/proposals', payload: body });
const decide = (who: string, id: string, body: unknown) =>
  call(t.app, s[who]!, { method: 'POST', url: `/api/proposals/${id}/decisions`, payload: body });
const detail = async (who: string, id: string) =>
  (await call(t.app, s[who]!, { method: 'GET', url: `/api/proposals/${id}` })).json();

describe('Musrenbang proposals', () => {
  it('lets each office enter its own track only, in its own area', async () => {
    const ok = await propose('desa.jaten', proposal());
    expect(ok.statusCode).toBe(201);
    expect(ok.json().trackingCode).toMatch(/^USL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(ok.json().stage).toBe('desa');
    expect((await propose('desa.jaten', proposal({ regionCode: '35.05.01.2002' }))).statusCode).toBe(403);
    const pokir = await propose('desa.jaten', proposal({ track: 'pokir' }));
    expect(pokir.statusCode).toBe(400);
    expect(pokir.json().issues[0]).toMatchObject({ field: 'body.track', issue: 'track_not_yours' });
    const noDapil = await propose('dprd', proposal({ track: 'pokir' }));
    expect(noDapil.json().issues[0]).toMatchObject({ field: 'body.electoralDistrict', issue: 'required' });
    const dprd = await propose(
      'dprd',
      proposal({ track: 'pokir', electoralDistrict: 'Dapil 3', title: 'Bantuan alat pertanian' }),
    );
    expect(dprd.json().stage).toBe('opd');
    const renja = await propose(
      'opd.dpupr',
      proposal({ track: 'renja', title: 'Rehabilitasi jembatan Jaten' }),
    );
    expect(renja.json().stage).toBe('kabupaten');
    const kelurahan = await propose('perencana', proposal({ regionCode: '35.05' }));
    expect(kelurahan.json().issues[0]).toMatchObject({ field: 'body.regionCode', issue: 'not_a_desa_here' });
    const past = await propose('desa.jaten', proposal({ planYear: 2020 }));
    expect(past.json().issues[0]).toMatchObject({ field: 'body.planYear', issue: 'past_year' });
  });

  it('flags a possible duplicate in the same desa and year without refusing it', async () => {
    const second = await propose('desa.jaten', proposal({ title: 'perbaikan jln dusun krajan RT 02' }));
    expect(second.statusCode).toBe(201);
    expect(second.json().duplicateOf[0].title).toBe('Perbaikan jalan dusun Krajan');
    const list = (
      await call(t.app, s.perencana!, { method: 'GET', url: `/api/proposals?region=${JATEN}&year=${year}` })
    ).json();
    expect(
      list.items.filter((p: { duplicateOf: unknown[] }) => p.duplicateOf.length > 0).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('travels from the desa forum to the budget, each step by its own office, each step on the record', async () => {
    const { id, trackingCode } = (
      await propose('desa.jaten', proposal({ title: 'Pembangunan drainase Jaten' }))
    ).json();
    expect((await decide('kec.wonodadi', id, { kind: 'teruskan' })).statusCode).toBe(403);
    expect(
      (await decide('desa.jaten', id, { kind: 'teruskan', note: 'Prioritas 1 Musrenbangdes' })).json().stage,
    ).toBe('kecamatan');
    expect((await decide('desa.jaten', id, { kind: 'teruskan' })).statusCode).toBe(403);
    expect((await decide('kec.wonodadi', id, { kind: 'teruskan' })).json().stage).toBe('opd');
    expect((await decide('opd.dpupr', id, { kind: 'teruskan' })).json().stage).toBe('kabupaten');
    expect((await decide('perencana', id, { kind: 'teruskan' })).json().stage).toBe('rkpd');
    const funded = (await decide('perencana', id, { kind: 'teruskan' })).json();
    expect(funded.stage).toBe('apbd');
    expect(funded.events.map((e: { kind: string; actor: string }) => `${e.kind} ${e.actor}`)).toEqual([
      'dibuat Desa Jaten',
      'teruskan Desa Jaten',
      'teruskan Kecamatan Wonodadi',
      'teruskan DPUPR',
      'teruskan Bappeda',
      'teruskan Bappeda',
    ]);
    // Anyone follows it by the tracking code, without signing in.
    const track = await t.app.inject({ method: 'GET', url: `/api/track/${trackingCode.toLowerCase()}` });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ stage: 'apbd', regionName: 'Jaten' });
    expect(track.json().events[1].note).toBe('Prioritas 1 Musrenbangdes');
    expect(JSON.stringify(track.json())).not.toContain('Kelompok warga');
    expect((await t.app.inject({ method: 'GET', url: '/api/track/USL-0000' })).statusCode).toBe(400);
  });

  it('rejects with a reason from the list, refuses "other" without a note, and then refuses any further decision', async () => {
    const { id } = (
      await propose('desa.jaten', proposal({ title: 'Pengadaan lampu penerangan jalan' }))
    ).json();
    const noNote = await decide('desa.jaten', id, { kind: 'tolak', reason: 'lainnya' });
    expect(noNote.json().issues[0]).toMatchObject({ field: 'body.note', issue: 'required' });
    const badReason = await decide('desa.jaten', id, { kind: 'tolak', reason: 'tidak_suka' });
    expect(badReason.statusCode).toBe(400);
    const rejected = (
      await decide('desa.jaten', id, {
        kind: 'tolak',
        reason: 'sudah_didanai_sumber_lain',
        note: 'Didanai Dana Desa 2026',
      })
    ).json();
    expect(rejected.state).toBe('ditolak');
    expect(rejected.events.at(-1)).toMatchObject({ kind: 'tolak', reason: 'sudah_didanai_sumber_lain' });
    expect((await decide('desa.jaten', id, { kind: 'teruskan' })).statusCode).toBe(409);
  });

  it('merges a duplicate into another proposal and keeps both proposers; defers to a later year', async () => {
    const a = (
      await propose(
        'desa.jaten',
        proposal({ title: 'Rehab saluran irigasi Sawahan', proposerName: 'Poktan Subur' }),
      )
    ).json();
    const b = (
      await propose(
        'desa.jaten',
        proposal({ title: 'Rehabilitasi saluran irigasi Sawahan', proposerName: 'Poktan Makmur' }),
      )
    ).json();
    expect(b.duplicateOf.map((d: { trackingCode: string }) => d.trackingCode)).toContain(a.trackingCode);
    expect((await decide('desa.jaten', b.id, { kind: 'gabung', into: b.trackingCode })).statusCode).toBe(400);
    const merged = (await decide('desa.jaten', b.id, { kind: 'gabung', into: a.trackingCode })).json();
    expect(merged).toMatchObject({ state: 'digabung', mergedInto: a.trackingCode });
    const target = await detail('desa.jaten', a.id);
    expect(target.alsoProposedBy).toEqual([{ trackingCode: b.trackingCode, proposerName: 'Poktan Makmur' }]);
    expect(target.events.at(-1)).toMatchObject({ kind: 'menerima_gabungan', related: b.trackingCode });
    const track = (await t.app.inject({ method: 'GET', url: `/api/track/${b.trackingCode}` })).json();
    expect(track.mergedInto).toBe(a.trackingCode);

    const deferred = (await decide('desa.jaten', a.id, { kind: 'tunda', toYear: year + 1 })).json();
    expect(deferred).toMatchObject({ planYear: year + 1, stage: 'desa', state: 'aktif' });
    expect(
      (await decide('desa.jaten', a.id, { kind: 'tunda', toYear: year })).json().issues[0],
    ).toMatchObject({
      field: 'body.toYear',
      issue: 'later_year',
    });
  });

  it("rolls every active, unfunded proposal of the year into next year's pool; funded ones stay", async () => {
    const before = (
      await call(t.app, s.perencana!, {
        method: 'GET',
        url: `/api/proposals?year=${year}&state=aktif&limit=500`,
      })
    ).json().items as { id: string; stage: string }[];
    const unfunded = before.filter((p) => !['apbd', 'pelaksanaan', 'moderasi'].includes(p.stage));
    const res = await call(t.app, s.perencana!, {
      method: 'POST',
      url: '/api/proposals/rollover',
      payload: { year },
    });
    expect(res.json()).toEqual({ year, toYear: year + 1, rolledOver: unfunded.length });
    const after = (
      await call(t.app, s.perencana!, {
        method: 'GET',
        url: `/api/proposals?year=${year}&state=aktif&limit=500`,
      })
    ).json().items as { stage: string }[];
    expect(after.every((p) => ['apbd', 'pelaksanaan', 'moderasi'].includes(p.stage))).toBe(true);
    const moved = await detail('perencana', unfunded[0]!.id);
    expect(moved.planYear).toBe(year + 1);
    expect(moved.events.at(-1)).toMatchObject({ kind: 'digulirkan', fromYear: year, toYear: year + 1 });
    expect(
      (
        await call(t.app, s['desa.jaten']!, {
          method: 'POST',
          url: '/api/proposals/rollover',
          payload: { year },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('rolls over by itself what the settled budget years left unfunded, once', async () => {
    const now = new Date().getFullYear();
    const { id } = (
      await propose('desa.jaten', proposal({ title: 'Sumur bor dusun Kedung', planYear: now }))
    ).json();
    const first = await rolloverDue(t.ctx, systemPrincipal);
    expect(first.rolledOver).toBeGreaterThanOrEqual(1);
    const moved = await detail('desa.jaten', id);
    expect(moved.planYear).toBe(now + 1);
    expect(moved.events.at(-1)).toMatchObject({
      kind: 'digulirkan',
      fromYear: now,
      toYear: now + 1,
      actor: 'Sinergi',
    });
    expect((await rolloverDue(t.ctx, systemPrincipal)).rolledOver).toBe(0);
  });

  it('takes an aspiration from anyone, shows the contact only to the moderating desa, and keeps it out of the audit log', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/aspirations',
      payload: {
        title: 'Posyandu butuh timbangan baru',
        description: 'Timbangan bayi di posyandu RW 03 rusak sejak Juli.',
        bidang: 'sosial_budaya',
        regionCode: JATEN,
        rw: '03',
        proposerName: 'Siti Aminah',
        contact: '0812-3456-7890',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { trackingCode } = res.json();
    const track = (await t.app.inject({ method: 'GET', url: `/api/track/${trackingCode}` })).json();
    expect(track).toMatchObject({ stage: 'moderasi', track: 'aspirasi' });
    expect(JSON.stringify(track)).not.toMatch(/0812|Siti/);
    const mine = (await call(t.app, s['desa.jaten']!, { method: 'GET', url: '/api/proposals?mine=1' })).json()
      .items;
    const item = mine.find((p: { trackingCode: string }) => p.trackingCode === trackingCode);
    expect(item.stage).toBe('moderasi');
    expect((await detail('desa.jaten', item.id)).contact).toBe('0812-3456-7890');
    expect((await detail('kec.wonodadi', item.id)).contact).toBeNull();
    expect((await detail('dprd', item.id)).contact).toBeNull();
    // The aspirant's name, like the contact, is the moderating desa's only (issue 17): not in
    // another office's detail, a list, or the SIPD export open to every staff role.
    expect((await detail('desa.jaten', item.id)).proposerName).toBe('Siti Aminah');
    expect((await detail('dprd', item.id)).proposerName).toBe('Warga (aspirasi)');
    const list = await call(t.app, s.perencana!, { method: 'GET', url: '/api/proposals?limit=500' });
    expect(list.body).not.toContain('Siti Aminah');
    const sipd = await call(t.app, s.dprd!, {
      method: 'GET',
      url: `/api/proposals/sipd.xlsx?year=${item.planYear}`,
    });
    expect(sipd.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sipd.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((r) => cells.push(JSON.stringify(r.values)));
    expect(cells.join('')).toContain(item.trackingCode);
    expect(cells.join('')).not.toContain('Siti Aminah');
    const audit = (
      await call(t.app, s.admin!, { method: 'GET', url: '/api/audit?entity=proposal&limit=200' })
    ).json();
    expect(JSON.stringify(audit)).not.toMatch(/0812|Siti Aminah/);
    const moderated = (await decide('desa.jaten', item.id, { kind: 'teruskan' })).json();
    expect(moderated.stage).toBe('desa');
  });

  it('takes photos by their content (JPEG, PNG, WebP), not by their name', async () => {
    const { id } = (await propose('desa.jaten', proposal({ title: 'Pembangunan pos ronda RT 05' }))).json();
    const png = TINY_PNG;
    const upload = (body: Buffer, type: string, who = 'desa.jaten') =>
      call(t.app, s[who]!, {
        method: 'POST',
        url: `/api/proposals/${id}/photos`,
        headers: { 'content-type': type },
        payload: body,
      });
    const ok = await upload(png, 'image/png');
    expect(ok.statusCode).toBe(201);
    const fake = await upload(Buffer.from('<script>alert(1)</script>'), 'image/jpeg');
    expect(fake.json().issues[0]).toMatchObject({ issue: 'photo_type' });
    expect((await upload(png, 'image/png', 'opd.dpupr')).statusCode).toBe(403);
    const photo = await call(t.app, s.dprd!, {
      method: 'GET',
      url: `/api/proposals/${id}/photos/${ok.json().id}`,
    });
    expect(photo.headers['content-type']).toBe('image/png');
    expect((await sharp(photo.rawPayload).metadata()).format).toBe('png');
    // A PNG header over garbage, and a small file that would unpack into 100 megapixels, are refused
    // (issue 17); a photo is stored decoded and written again, without its EXIF and GPS position.
    const garbage = Buffer.concat([png.subarray(0, 8), Buffer.alloc(64, 1)]);
    expect((await upload(garbage, 'image/png')).json().issues[0]).toMatchObject({
      issue: 'photo_unreadable',
    });
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await upload(bomb, 'image/png')).json().issues[0]).toMatchObject({ issue: 'photo_unreadable' });
    const located = jpegWithExif('2026:02:27 09:30:00', [8, 6, 0], [112, 10, 30]);
    const stored = await upload(located, 'image/jpeg');
    expect(stored.statusCode, stored.body).toBe(201);
    const back = await call(t.app, s.dprd!, {
      method: 'GET',
      url: `/api/proposals/${id}/photos/${stored.json().id}`,
    });
    expect((await sharp(back.rawPayload).metadata()).exif).toBeUndefined();
    expect(back.rawPayload.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
  });

  it('imports the proposal dictionary from XLSX, all rows or none, and fills the OPD from an entry', async () => {
    const workbook = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('kamus');
      ws.addRow(['kode', 'nama', 'bidang', 'kode_opd', 'program', 'satuan', 'harga_satuan']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const send = (body: Buffer) =>
      call(t.app, s.perencana!, {
        method: 'POST',
        url: '/api/kamus/import?fileName=kamus.xlsx',
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        payload: body,
      });
    const rows = [
      [
        'PU.JL.01',
        'Rehabilitasi jalan lingkungan (rabat beton)',
        'infrastruktur',
        'DPUPR',
        'Program Penyelenggaraan Jalan',
        'meter',
        450000,
      ],
      [
        'KES.01',
        'Pengadaan alat posyandu',
        'sosial_budaya',
        'DINKES',
        'Program Pemenuhan Upaya Kesehatan',
        'paket',
        7500000,
      ],
    ];
    expect((await send(await workbook(rows))).json()).toEqual({ rows: 2, changed: 2 });
    expect((await send(await workbook(rows))).json()).toEqual({ rows: 2, changed: 0 });
    const bad = await send(
      await workbook([...rows, ['X.1', 'Sesuatu', 'olahraga', 'NOPE', 'P', 'unit', 'seratus']]),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { field: string }) => i.field)).toEqual([
      'line 4, column bidang',
      'line 4, column kode_opd',
      'line 4, column harga_satuan',
    ]);
    const kamus = (await t.app.inject({ method: 'GET', url: '/api/kamus' })).json().items;
    const imported = kamus.filter((k: { code: string }) => !k.code.startsWith('CONTOH'));
    expect(imported.map((k: { code: string }) => k.code)).toEqual(['KES.01', 'PU.JL.01']);
    const fromKamus = await propose(
      'desa.jaten',
      proposal({
        organisationId: undefined,
        kamusCode: 'PU.JL.01',
        title: 'Rabat beton gang Melati',
        estimatedCost: 300 * 450000,
      }),
    );
    expect((await detail('desa.jaten', fromKamus.json().id)).organisation.id).toBe(dpupr);
  });
});

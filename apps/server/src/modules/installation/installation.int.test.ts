import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, engine } from '../../../test/harness.ts';
import { type Answer, type Session, startInstallation } from '../../../test/installation.ts';

/**
 * The installation's page (issue 22, part 1) over real HTTP: Blitar's administrator adds Kota
 * Blitar from the API, the job makes its database, and the running server answers at its host
 * name at once, without a restart; then its first administrator is made, who signs in there.
 */
const KOTA = 'kota.sinergi.test';
let installation: Awaited<ReturnType<typeof startInstallation>>;
let admin: Session;
const send: typeof installation.send = (...args) => installation.send(...args);

beforeAll(async () => {
  installation = await startInstallation(async () => undefined, { jobWorker: true });
  admin = (await installation.signIn('localhost', 'admin', DEMO_PASSWORD))!;
}, 180_000);
afterAll(async () => {
  await installation?.stop();
});

async function finished(id: string): Promise<Answer> {
  for (const deadline = Date.now() + 170_000; Date.now() < deadline; ) {
    const job = await send('localhost', 'GET', `/api/jobs/${id}`, { session: admin });
    if (!['queued', 'running'].includes(job.body.status)) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the job did not end');
}

describe(`the installation's page (${engine})`, () => {
  it('is for the first government’s administrators only', async () => {
    const planner = (await installation.signIn('localhost', 'perencana', DEMO_PASSWORD))!;
    expect((await send('localhost', 'GET', '/api/installation', { session: planner })).status).toBe(403);
    expect((await send('localhost', 'GET', '/api/installation')).status).toBe(401);
    const page = await send('localhost', 'GET', '/api/installation', { session: admin });
    expect(page.status).toBe(200);
    expect(page.body.governments).toMatchObject([
      { code: '35.05', name: 'Kabupaten Blitar', kind: 'kabupaten', first: true, serving: true },
    ]);
    expect(page.body.governments[0].accounts).toBeGreaterThan(0);
  });

  it('refuses a bad government or host name under its field, in Indonesian', async () => {
    const add = (body: unknown) =>
      send('localhost', 'POST', '/api/installation/governments', { session: admin, body });
    const messages = async (body: unknown) => {
      const answer = await add(body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      return (answer.body.issues as { message: string }[]).map((i) => i.message);
    };
    expect(await messages({ code: '3572', hosts: KOTA })).toEqual([
      'Kode: harus kode kabupaten/kota seperti 35.72, atau kode provinsi seperti 35',
    ]);
    expect(await messages({ code: '35.99', hosts: KOTA })).toEqual([
      'Kode: bukan kabupaten/kota atau provinsi pada daftar wilayah',
    ]);
    expect(await messages({ code: '35.05', hosts: KOTA })).toEqual([
      'Kode: sudah dilayani sebagai pemerintah pertama instalasi ini',
    ]);
    const bad = await messages({ code: '35.72', hosts: 'kota blitar!' });
    expect(bad).toEqual([
      'Nama host: harus nama host seperti sinergi.blitarkota.go.id (huruf, angka dan tanda hubung, dipisah titik)',
    ]);
    expect((await messages({ code: '35.72', hosts: '' }))[0]).toMatch(/^Nama host: /);
    // Nothing was queued for any of them.
    const jobs = await send('localhost', 'GET', '/api/jobs', { session: admin });
    expect(jobs.body.items.filter((j: { kind: string }) => j.kind === 'installation.add')).toEqual([]);
  });

  it('adds Kota Blitar, which answers at its host name without a restart', async () => {
    expect((await send(KOTA, 'GET', '/api/settings')).body.activeKabupaten.code).toBe('35.05');
    const queued = await send('localhost', 'POST', '/api/installation/governments', {
      session: admin,
      body: { code: '35.72', hosts: `${KOTA.toUpperCase()}, www.${KOTA}` },
    });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const job = await finished(queued.body.id);
    expect(job.body.status, JSON.stringify(job.body)).toBe('succeeded');
    for (const host of [KOTA, `www.${KOTA}`]) {
      const settings = await send(host, 'GET', '/api/settings');
      expect(settings.body.activeKabupaten).toEqual({ code: '35.72', name: 'Kota Blitar' });
      expect(settings.body.regions.ready).toBe(true);
    }
    const page = await send('localhost', 'GET', '/api/installation', { session: admin });
    expect(page.body.governments[1]).toEqual({
      code: '35.72',
      name: 'Kota Blitar',
      kind: 'kota',
      hosts: [KOTA, `www.${KOTA}`],
      first: false,
      serving: true,
      accounts: 0,
    });
    // Added once: again, or its host names for another government, are refused.
    const again = await send('localhost', 'POST', '/api/installation/governments', {
      session: admin,
      body: { code: '35.72', hosts: 'lain.test' },
    });
    expect(again.body.issues.map((i: { message: string }) => i.message)).toEqual([
      'Kode: sudah ditambahkan ke instalasi ini',
    ]);
    const taken = await send('localhost', 'POST', '/api/installation/governments', {
      session: admin,
      body: { code: '35.71', hosts: KOTA },
    });
    expect(taken.body.issues.map((i: { message: string }) => i.message)).toEqual([
      `Nama host: ${KOTA} sudah dipakai oleh Kota Blitar`,
    ]);
    // Blitar's own audit log tells who added it.
    const audit = await send('localhost', 'GET', '/api/audit?entity=installation', {
      session: admin,
    });
    expect(audit.body.items[0]).toMatchObject({
      actorName: 'admin',
      action: 'installation.government_added',
      entityId: '35.72',
    });
  }, 180_000);

  it('makes Kota Blitar’s first administrator once, who signs in there and not at Blitar', async () => {
    const first = await send('localhost', 'POST', '/api/installation/governments/35.72/admin', {
      session: admin,
      body: { username: 'admin.kota', displayName: 'Admin Kota Blitar', password: 'rahasia-kota-blitar' },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ username: 'admin.kota', role: 'admin' });
    expect(await installation.signIn(KOTA, 'admin.kota', 'rahasia-kota-blitar')).not.toBeNull();
    expect(await installation.signIn('localhost', 'admin.kota', 'rahasia-kota-blitar')).toBeNull();
    const second = await send('localhost', 'POST', '/api/installation/governments/35.72/admin', {
      session: admin,
      body: { username: 'admin.dua', displayName: 'Admin Dua', password: 'rahasia-kota-blitar' },
    });
    expect(second.status).toBe(409);
    expect(second.body.issues[0].message).toBe(
      'Kode: sudah memiliki akun; admin berikutnya dibuat oleh adminnya sendiri',
    );
    // Not the first government's, nor one not served here.
    for (const code of ['35.05', '35.71'])
      expect(
        (
          await send('localhost', 'POST', `/api/installation/governments/${code}/admin`, {
            session: admin,
            body: { username: 'x.admin', displayName: 'X', password: 'rahasia-kota-blitar' },
          })
        ).status,
      ).toBe(404);
  });

  it('gives a kabupaten added the IDM of its desa and the statistics of its region the first government holds', async () => {
    const header =
      'KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_2030,IKE_2030,IKL_2030,NILAI_IDM_2030,STATUS_IDM_2030';
    const file = [
      header,
      '35,JAWA TIMUR,3506,KEDIRI,350601,MOJO,3506012001,BULU,0.85,0.85,0.85,0.85,MANDIRI',
      '35,JAWA TIMUR,3506,KEDIRI,350601,MOJO,3506012002,SIDOMULYO,0.6,0.6,0.6,0.6,BERKEMBANG',
      '11,ACEH,1101,ACEH SELATAN,110101,BAKONGAN,1101012001,KEUDE BAKONGAN,0.45,0.45,0.45,0.45,SANGAT TERTINGGAL',
    ].join('\n');
    const imported = await send('localhost', 'POST', '/api/index/imports/composites?fileName=idm.csv', {
      session: admin,
      type: 'text/csv',
      body: file,
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    // And a BPS table of Jawa Timur's kabupaten: Kediri's figures go to Kediri.
    const series = await send('localhost', 'POST', '/api/stats/series/import', {
      session: admin,
      type: 'text/csv',
      body: [
        'indicator,region,year,value,source,unit',
        'persentase_penduduk_miskin_P0,35.06,2024,10.41,BPS Provinsi Jawa Timur,percent',
        'persentase_penduduk_miskin_P0,35.07,2024,9.45,BPS Provinsi Jawa Timur,percent',
      ].join('\n'),
    });
    expect(series.status, JSON.stringify(series.body)).toBe(200);
    const queued = await send('localhost', 'POST', '/api/installation/governments', {
      session: admin,
      body: { code: '35.06', hosts: 'kediri.sinergi.test' },
    });
    const job = await finished(queued.body.id);
    expect(job.body).toMatchObject({ status: 'succeeded', result: { code: '35.06', idm: 2, statistics: 1 } });
    const figures = await send('kediri.sinergi.test', 'GET', '/api/stats/series');
    expect(figures.body.items).toMatchObject([
      { indicator: 'persentase_penduduk_miskin_P0', regionCode: '35.06', year: 2024, value: 10.41 },
    ]);
    const results = await send('kediri.sinergi.test', 'GET', '/api/index/results?year=2030');
    expect(results.body.items.map((r: { code: string; status: string }) => [r.code, r.status])).toEqual([
      ['35.06.01.2001', 'MANDIRI'],
      ['35.06.01.2002', 'BERKEMBANG'],
    ]);
  }, 180_000);

  it('has no such page at an added government, even for its administrator', async () => {
    const kotaAdmin = (await installation.signIn(KOTA, 'admin.kota', 'rahasia-kota-blitar'))!;
    expect((await send(KOTA, 'GET', '/api/installation', { session: kotaAdmin })).status).toBe(404);
    expect(
      (
        await send(KOTA, 'POST', '/api/installation/governments', {
          session: kotaAdmin,
          body: { code: '35.71', hosts: 'kediri.test' },
        })
      ).status,
    ).toBe(404);
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, engine } from '../../test/harness.ts';
import { type Session, startInstallation } from '../../test/installation.ts';
import { bodyRowsOf } from '../../test/workbook.ts';
import { systemPrincipal } from '../context.ts';
import { jobHandlers } from '../modules/index.ts';
import { createUser } from '../modules/users/users.service.ts';
import { addKabupaten } from './installation.service.ts';

/**
 * The province as a user (issue 22, part 2): Jawa Timur served beside Kabupaten Blitar and Kota
 * Blitar. The province's Bappeda keeps its RPJMD, reads each kabupaten's plans and synchronises
 * them with its targets; Blitar takes a copy of the province's RPJMD to link its own RPJMD to.
 */
const PROV = 'jatim.sinergi.test';
const KOTA = 'kota.sinergi.test';
const BLITAR = 'localhost';
const PASSWORD = 'rahasia-bappeda-jatim';
const year = String(new Date().getUTCFullYear());
let installation: Awaited<ReturnType<typeof startInstallation>>;
const send: typeof installation.send = (...args) => installation.send(...args);

beforeAll(async () => {
  installation = await startInstallation(async (home) => {
    expect(await addKabupaten(home, '35', [PROV], jobHandlers)).toEqual({
      code: '35',
      name: expect.stringMatching(/jawa timur/i),
      hosts: [PROV],
    });
    await addKabupaten(home, '35.72', [KOTA], jobHandlers);
    // Not a province or kabupaten of the regions: refused.
    await expect(addKabupaten(home, '99', [], jobHandlers)).rejects.toThrow(/not a province/);
  });
  const province = installation.served.added.find((a) => a.ctx.config.activeKabupaten === '35')!.ctx;
  await createUser(
    province,
    { ...systemPrincipal, name: 'test' },
    { username: 'bappeda.jatim', displayName: 'Bappeda Jatim', password: PASSWORD, role: 'perencana' },
  );
}, 240_000);
afterAll(async () => {
  await installation?.stop();
});

describe(`a province and its kabupaten in one installation (${engine})`, () => {
  let jatim: Session;
  let blitar: Session;
  const ids = { plan: '', goal: '', s1: '', s2: '', sasaran: '', other: '' };

  it('lets the province keep its RPJMD and see each kabupaten with its plans', async () => {
    expect(installation.served.kabupaten).toEqual(['35.05', '35', '35.72']);
    jatim = (await installation.signIn(PROV, 'bappeda.jatim', PASSWORD))!;
    blitar = (await installation.signIn(BLITAR, 'perencana', DEMO_PASSWORD))!;
    const seen = (await send(PROV, 'GET', '/api/plans/province')).body;
    expect(seen.scope).toBe('provinsi');
    expect(seen.kabupaten.map((k: { code: string; name: string }) => [k.code, k.name])).toEqual([
      ['35.05', 'Kabupaten Blitar'],
      ['35.72', 'Kota Blitar'],
    ]);
    expect(seen.kabupaten[0].plans.length).toBeGreaterThan(3);
    // Its own plans of the kabupaten's levels: its copy of the RPJPN is a reference, not its work.
    expect(seen.kabupaten[0].plans.map((p: { level: string }) => p.level)).not.toContain('nasional');
    expect(seen.kabupaten[1].plans).toEqual([]);
    const fromBlitar = (await send(BLITAR, 'GET', '/api/plans/province')).body;
    expect(fromBlitar).toMatchObject({ scope: 'kabupaten', province: { code: '35' }, kabupaten: [] });

    const plan = await send(PROV, 'POST', '/api/plans', {
      session: jatim,
      body: {
        kind: 'RPJMD',
        level: 'provinsi',
        name: 'RPJMD Provinsi Jawa Timur',
        startYear: 2025,
        endYear: 2029,
      },
    });
    expect(plan.status).toBe(201);
    ids.plan = plan.body.id;
    const node = async (body: Record<string, unknown>) => {
      const r = await send(PROV, 'POST', `/api/plans/${ids.plan}/nodes`, { session: jatim, body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    ids.goal = await node({ kind: 'tujuan', title: 'Meningkatnya konektivitas wilayah' });
    ids.s1 = await node({ kind: 'sasaran', title: 'Jalan kabupaten mantap', parentId: ids.goal });
    ids.s2 = await node({ kind: 'sasaran', title: 'Desa berkembang', parentId: ids.goal });
    const indicator = await send(PROV, 'POST', `/api/plan-nodes/${ids.s1}/indicators`, {
      session: jatim,
      body: {
        name: 'Panjang jalan kabupaten mantap',
        unit: 'km',
        direction: 'higher',
        additive: true,
        baselineYear: 2024,
        baselineValue: 0,
        targets: { [year]: 100 },
      },
    });
    expect(indicator.status, JSON.stringify(indicator.body)).toBe(201);
  });

  it("lets a kabupaten take the province's plans as read-only copies and link its RPJMD to them", async () => {
    expect((await send(BLITAR, 'POST', '/api/plans/province/take')).status).toBe(401);
    const taken = await send(BLITAR, 'POST', '/api/plans/province/take', { session: blitar });
    expect(taken.body).toEqual({ plans: 1, nodes: 3, removed: 0, linksRemoved: 0 });
    const copy = (await send(BLITAR, 'GET', `/api/plans/${ids.plan}`, { session: blitar })).body;
    expect(copy).toMatchObject({ source: 'provinsi', level: 'provinsi', mayEdit: false });
    expect(copy.nodes.map((n: { title: string }) => n.title)).toEqual([
      'Meningkatnya konektivitas wilayah',
      'Jalan kabupaten mantap',
      'Desa berkembang',
    ]);
    const edit = await send(BLITAR, 'PATCH', `/api/plan-nodes/${ids.s1}`, {
      session: blitar,
      body: { title: 'Diubah di kabupaten' },
    });
    expect(edit.status).toBe(409);
    expect(JSON.stringify(edit.body)).toMatch(/Rencana: rencana ini salinan dari rencana provinsi/);

    // Blitar's RPJMD: its first two sasaran now serve the province's, besides what they served.
    const plans = (await send(BLITAR, 'GET', '/api/plans')).body.items as {
      id: string;
      kind: string;
      level: string;
    }[];
    const rpjmd = plans.find((p) => p.kind === 'RPJMD' && p.level === 'kabupaten')!;
    const detail = (await send(BLITAR, 'GET', `/api/plans/${rpjmd.id}`)).body;
    const sasaran = detail.nodes.filter((n: { kind: string }) => n.kind === 'sasaran');
    [ids.sasaran, ids.other] = [sasaran[0].id, sasaran[1].id];
    for (const [n, target] of [
      [sasaran[0], ids.s1],
      [sasaran[1], ids.s2],
    ]) {
      const supports = [...n.supports.map((s: { id: string }) => s.id), target];
      const r = await send(BLITAR, 'PUT', `/api/plan-nodes/${n.id}/links`, {
        session: blitar,
        body: { supports },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const added = await send(BLITAR, 'POST', `/api/plan-nodes/${ids.sasaran}/indicators`, {
      session: blitar,
      body: {
        name: 'Jalan mantap di Kabupaten Blitar',
        unit: 'km',
        direction: 'higher',
        additive: true,
        baselineYear: 2024,
        baselineValue: 0,
        targets: { [year]: 40 },
      },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  });

  it("synchronises the province's targets with its kabupaten: money, alignment, orphans, consistency", async () => {
    // Blitar's plans were read (and kept) by the first test; its links since must be seen.
    const sync = (await send(PROV, 'GET', `/api/plans/province/sync?year=${year}`)).body;
    expect(sync.province).toEqual({ code: '35', name: expect.stringMatching(/jawa timur/i) });
    // Both province sasaran are served now; the goal is covered through them.
    expect(sync.uncovered).toEqual([]);
    // The money reaching "Jalan kabupaten mantap" is that of every Blitar item serving its sasaran.
    const drill = (await send(BLITAR, 'GET', `/api/plans/drill?node=${ids.sasaran}&year=${year}`)).body;
    const serving = drill.nodes.reduce((s: number, n: { budget: number }) => s + n.budget, 0);
    expect(serving).toBeGreaterThan(0);
    const money = Object.fromEntries(
      sync.money.byTarget.map((t: { id: string; amount: number }) => [t.id, t.amount]),
    );
    expect(money[ids.s1]).toBeCloseTo(serving, 2);
    expect(money[ids.goal]).toBe(0);
    const [kab, kota] = sync.kabupaten;
    expect(kab).toMatchObject({ code: '35.05', name: 'Kabupaten Blitar' });
    expect(kab.aligned).toBeCloseTo(money[ids.s1] + money[ids.s2], 2);
    expect(kab.total).toBeGreaterThan(kab.aligned);
    expect(kab.score).toBeCloseTo((100 * kab.aligned) / kab.total, 6);
    expect(kab.orphans).toBe(sync.orphans.filter((o: { owner: string }) => o.owner === '35.05').length);
    expect(kab.orphans).toBeGreaterThan(0);
    expect(kota).toEqual({
      code: '35.72',
      name: 'Kota Blitar',
      plans: 0,
      total: 0,
      aligned: 0,
      score: null,
      orphans: 0,
    });
    expect(sync.consistency).toEqual([
      expect.objectContaining({ nodeId: ids.s1, year, unit: 'km', target: 100, sumBelow: 40, gap: 60 }),
    ]);
    // A kabupaten served alone with its province is no province itself.
    expect((await send(KOTA, 'GET', `/api/plans/province/sync?year=${year}`)).status).toBe(404);
  });

  it('exports the matrix and opens each kabupaten plan to the province, read only', async () => {
    const xlsx = await send(PROV, 'GET', `/api/plans/province/matrix.xlsx?year=${year}`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Matriks sinkronisasi',
      'Ringkasan per sasaran',
      'Tidak mendukung',
      'Skor kabupaten dan kota',
    ]);
    const lines = bodyRowsOf(book.getWorksheet('Matriks sinkronisasi')!);
    const ofS1 = lines.filter((l) => l[3] === 'Jalan kabupaten mantap');
    expect(ofS1.length).toBeGreaterThan(0);
    expect(ofS1.every((l) => String(l[4]).startsWith('Kabupaten Blitar'))).toBe(true);
    const sum = ofS1.reduce((s, l) => s + Number(l[9]), 0);
    const sync = (await send(PROV, 'GET', `/api/plans/province/sync?year=${year}`)).body;
    expect(sum).toBeCloseTo(sync.money.byTarget.find((t: { id: string }) => t.id === ids.s1).amount, 2);
    const pdf = await send(PROV, 'GET', `/api/plans/province/matrix.pdf?year=${year}`);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 4).toString()).toBe('%PDF');

    const plans = (await send(PROV, 'GET', '/api/plans/province')).body.kabupaten[0].plans;
    const one = await send(PROV, 'GET', `/api/plans/province/kabupaten/35.05/plans/${plans[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: plans[0].id, mayEdit: false });
    // Blitar's copy of the province's plan is the province's, not Blitar's.
    expect((await send(PROV, 'GET', `/api/plans/province/kabupaten/35.05/plans/${ids.plan}`)).status).toBe(
      404,
    );
    expect((await send(PROV, 'GET', `/api/plans/province/kabupaten/35.99/plans/${plans[0].id}`)).status).toBe(
      404,
    );
  });

  it("follows the province's changes when the copy is taken again, dropping links to what is gone", async () => {
    expect((await send(PROV, 'DELETE', `/api/plan-nodes/${ids.s2}`, { session: jatim })).status).toBe(200);
    // Two takes at once: one after the other, the second finding nothing more to remove.
    const twice = await Promise.all(
      [1, 2].map(() => send(BLITAR, 'POST', '/api/plans/province/take', { session: blitar })),
    );
    expect(twice.map((r) => r.body).sort((a, b) => b.removed - a.removed)).toEqual([
      { plans: 1, nodes: 2, removed: 1, linksRemoved: 1 },
      { plans: 1, nodes: 2, removed: 0, linksRemoved: 0 },
    ]);
    const listed = (await send(BLITAR, 'GET', '/api/plans')).body.items as { source: string | null }[];
    expect(listed.filter((p) => p.source === 'provinsi').length).toBe(1);
    const other = (
      await send(
        BLITAR,
        'GET',
        `/api/plans/${(await send(BLITAR, 'GET', '/api/plans')).body.items.find((p: { kind: string; level: string }) => p.kind === 'RPJMD' && p.level === 'kabupaten').id}`,
      )
    ).body.nodes.find((n: { id: string }) => n.id === ids.other);
    expect(other.supports.map((s: { id: string }) => s.id)).not.toContain(ids.s2);
    // The province's reads, kept between requests, follow both governments' writes.
    const sync = (await send(PROV, 'GET', `/api/plans/province/sync?year=${year}`)).body;
    expect(sync.money.byTarget.map((t: { id: string }) => t.id)).toEqual([ids.goal, ids.s1]);
    // The province's own Bappeda has no province above it, and Blitar's session is nobody there.
    expect((await send(PROV, 'POST', '/api/plans/province/take', { session: jatim })).status).toBe(404);
    expect((await send(PROV, 'POST', '/api/plans/province/take', { session: blitar })).status).toBe(401);
  });

  it("shows the province's village index per kabupaten/kota once its desa are imported", async () => {
    // Every desa of Jawa Timur in Kemendesa's composites layout (kelurahan are not scored).
    const villages = readFileSync(
      join(
        dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')),
        'data/villages.csv',
      ),
      'utf8',
    )
      .split('\n')
      .map((line) => line.slice(0, line.indexOf(',')))
      .filter((code) => code.startsWith('35.') && code[9] === '2');
    const header =
      'KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_2030,IKE_2030,IKL_2030,NILAI_IDM_2030,STATUS_IDM_2030';
    const file = [
      header,
      ...villages.map((code, i) => {
        const [v, status] = i % 2 ? ['0.6', 'BERKEMBANG'] : ['0.75', 'MAJU'];
        const flat = code.replaceAll('.', '');
        return `35,P,${flat.slice(0, 4)},K,${flat.slice(0, 6)},C,${flat},D,${v},${v},${v},${v},${status}`;
      }),
    ].join('\n');
    const imported = await send(PROV, 'POST', '/api/index/imports/composites?fileName=jatim.csv', {
      session: jatim,
      type: 'text/csv',
      body: file,
    });
    expect(imported.status, JSON.stringify(imported.body).slice(0, 300)).toBe(200);
    const summary = (await send(PROV, 'GET', '/api/index/summary')).body;
    expect(summary.region).toEqual({ code: '35', name: expect.stringMatching(/jawa timur/i) });
    expect(summary.years.at(-1)).toMatchObject({ year: 2030, desa: villages.length });
    // Its 29 kabupaten and Kota Batu: the other kota have kelurahan only, which IDM does not score.
    expect(summary.kecamatan.map((k: { code: string }) => k.code)).toEqual([
      ...Array.from({ length: 29 }, (_, i) => `35.${String(i + 1).padStart(2, '0')}`),
      '35.79',
    ]);
    const blitar = summary.kecamatan.find((k: { code: string }) => k.code === '35.05');
    expect(blitar).toMatchObject({ name: 'Kabupaten Blitar', desa: 220 });
    // Nothing beyond the province was imported: no nation to set it beside.
    expect((await send(PROV, 'GET', '/api/index/national')).body).toMatchObject({ year: null, nation: null });
  });

  it('leaves out a kabupaten whose database does not answer, names it, and reads it again once it does', async () => {
    // Kota Blitar's plans table goes away (as in a restore gone wrong), and its database says so.
    const kota = installation.served.added.find((a) => a.ctx.config.activeKabupaten === '35.72')!.ctx;
    // A write its triggers tell of, to a table the province's read of it came from.
    const tell = () => kota.database.db.execute(sql.raw('update region_editions set title = title'));
    const seen = async (want: number) => {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
        const sync = await send(PROV, 'GET', `/api/plans/province/sync?year=${year}`);
        if (sync.status === 200 && sync.body.unreachable.length === want) return sync;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the province did not see ${want} unreachable`);
    };
    await kota.database.db.execute(sql.raw('alter table plans rename to plans_away'));
    await tell();
    try {
      const sync = await seen(1);
      expect(sync.body.unreachable).toEqual([{ code: '35.72', name: 'Kota Blitar' }]);
      expect(sync.body.kabupaten.map((k: { code: string }) => k.code)).toEqual(['35.05']);
      // Blitar's part is all there: its money still serves the province's targets.
      expect(sync.body.money.served).toBeGreaterThan(0);
      const overview = (await send(PROV, 'GET', '/api/plans/province')).body;
      expect(overview.unreachable).toEqual([{ code: '35.72', name: 'Kota Blitar' }]);
      expect(overview.kabupaten.map((k: { code: string }) => k.code)).toEqual(['35.05']);
    } finally {
      await kota.database.db.execute(sql.raw('alter table plans_away rename to plans'));
      await tell();
    }
    const back = await seen(0);
    expect(back.body.kabupaten.map((k: { code: string }) => k.code)).toEqual(['35.05', '35.72']);
  });
});

import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { appWithAccounts } from '../../../test/harness.ts';
import { bodyRowsOf, headerRowOf } from '../../../test/workbook.ts';

const h = appWithAccounts(['perencana', 'desa.jaten', 'dprd', 'opd.dpupr']);
const { as } = h;
const make = async (url: string, body: unknown) => {
  const r = await as('perencana', 'POST', url, body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};

describe('plans and their synchronisation', () => {
  it('finds orphans and uncovered targets, splits the money among the targets it serves, and scores each owner', async () => {
    // The hand-checked set of the core tests, entered through the API.
    const rpjpn = await make('/api/plans', {
      kind: 'RPJPN',
      level: 'nasional',
      name: 'RPJPN uji',
      startYear: 2025,
      endYear: 2045,
    });
    const n1 = await make(`/api/plans/${rpjpn}/nodes`, { kind: 'prioritas', title: 'Prioritas N1' });
    const n2 = await make(`/api/plans/${rpjpn}/nodes`, { kind: 'prioritas', title: 'Prioritas N2' });
    const rpjmd = await make('/api/plans', {
      kind: 'RPJMD',
      level: 'kabupaten',
      name: 'RPJMD uji',
      startYear: 2025,
      endYear: 2029,
    });
    const t1 = await make(`/api/plans/${rpjmd}/nodes`, {
      kind: 'tujuan',
      title: 'Tujuan T1',
      supports: [n1],
    });
    const s1 = await make(`/api/plans/${rpjmd}/nodes`, {
      kind: 'sasaran',
      title: 'Sasaran S1',
      parentId: t1,
    });
    const s2 = await make(`/api/plans/${rpjmd}/nodes`, {
      kind: 'sasaran',
      title: 'Sasaran S2',
      parentId: t1,
    });
    const s3 = await make(`/api/plans/${rpjmd}/nodes`, { kind: 'sasaran', title: 'Sasaran S3' });
    const dpupr = await make('/api/plans', {
      kind: 'Renja',
      level: 'opd',
      name: 'Renja DPUPR uji',
      startYear: 2026,
      endYear: 2026,
      owner: 'DPUPR',
    });
    await make(`/api/plans/${dpupr}/nodes`, {
      kind: 'program',
      title: 'Program P1',
      supports: [s1],
      budget: { '2031': 600 },
    });
    await make(`/api/plans/${dpupr}/nodes`, {
      kind: 'program',
      title: 'Program P2',
      supports: [s1, s2],
      budget: { '2031': 400 },
    });
    const dinkes = await make('/api/plans', {
      kind: 'Renja',
      level: 'opd',
      name: 'Renja DINKES uji',
      startYear: 2026,
      endYear: 2026,
      owner: 'DINKES',
    });
    await make(`/api/plans/${dinkes}/nodes`, {
      kind: 'program',
      title: 'Program P3',
      budget: { '2031': 300 },
    });
    const rkpdes = await make('/api/plans', {
      kind: 'RKPDes',
      level: 'desa',
      name: 'RKPDes Jaten uji',
      startYear: 2026,
      endYear: 2026,
      owner: '35.05.01.2001',
    });
    const d = await make(`/api/plans/${rkpdes}/nodes`, { kind: 'misi', title: 'Misi desa', supports: [s2] });
    await make(`/api/plans/${rkpdes}/nodes`, {
      kind: 'rkpdes',
      title: 'Item R1',
      parentId: d,
      budget: { '2031': 100 },
    });
    const r2 = await make(`/api/plans/${rkpdes}/nodes`, {
      kind: 'rkpdes',
      title: 'Item R2',
      budget: { '2031': 100 },
    });

    const sync = (await as('dprd', 'GET', '/api/plans/sync?year=2031')).json();
    // The demo's sample plans are there too; the hand-checked set is in year 2031 and by its titles.
    const orphanTitles = sync.orphans.map((o: { title: string }) => o.title);
    expect(orphanTitles).toEqual(expect.arrayContaining(['Item R2', 'Program P3']));
    for (const t of ['Program P1', 'Program P2', 'Item R1']) expect(orphanTitles).not.toContain(t);
    const uncovered = sync.uncovered.map((o: { title: string }) => o.title);
    expect(uncovered).toContain('Prioritas N2');
    expect(uncovered).toContain('Sasaran S3');
    expect(uncovered).not.toContain('Sasaran S1');
    const money = Object.fromEntries(
      sync.kabupaten.byTarget.map((x: { id: string; amount: number }) => [x.id, x.amount]),
    );
    expect(money[s1]).toBe(800);
    expect(money[s2]).toBe(300);
    expect(money[s3]).toBe(0);
    expect(sync.scores.find((x: { owner: string }) => x.owner === '35.05.01.2001').score).toBe(50);

    // A desa may not link another office's plan.
    const p3 = (await as('dprd', 'GET', `/api/plans/${dinkes}`)).json().nodes[0].id;
    expect(
      (await as('desa.jaten', 'PUT', `/api/plan-nodes/${p3}/links`, { supports: [s3] })).statusCode,
    ).toBe(403);
    // The desa links its second item to a kabupaten target: its score rises to 100, and R2 is no orphan.
    const link = await as('desa.jaten', 'PUT', `/api/plan-nodes/${r2}/links`, { supports: [s3] });
    expect(link.statusCode, link.body).toBe(200);
    const after = (await as(null, 'GET', '/api/plans/sync?year=2031')).json();
    expect(after.scores.find((x: { owner: string }) => x.owner === '35.05.01.2001').score).toBe(100);
    expect(after.orphans.map((o: { title: string }) => o.title)).not.toContain('Item R2');
    expect(after.orphans.map((o: { title: string }) => o.title)).toContain('Program P3');
    expect(after.uncovered.map((o: { title: string }) => o.title)).not.toContain('Sasaran S3');
    expect(n2).toBeTruthy();
  });

  it('reads indicators with achievement by year and a projection with its verdict', async () => {
    const rpjmd = await make('/api/plans', {
      kind: 'RPJMD',
      level: 'kabupaten',
      name: 'RPJMD indikator uji',
      startYear: 2025,
      endYear: 2029,
    });
    const goal = await make(`/api/plans/${rpjmd}/nodes`, { kind: 'sasaran', title: 'Menurunkan kemiskinan' });
    await make(`/api/plan-nodes/${goal}/indicators`, {
      name: 'Persentase penduduk miskin',
      unit: '%',
      direction: 'lower',
      baselineYear: 2016,
      baselineValue: 9.88,
      targets: { '2024': 8.5, '2029': 7.0 },
      realisations: {
        '2023': { value: 8.69, source: 'BPS' },
        '2024': { value: 8.16, source: 'BPS (Maret 2024)' },
      },
    });
    const plan = (await as(null, 'GET', `/api/plans/${rpjmd}`)).json();
    const ind = plan.nodes[0].indicators[0];
    // Changing and deleting an indicator is recorded with what it was.
    const changed = await as('perencana', 'PUT', `/api/plan-indicators/${ind.id}`, {
      name: 'Persentase penduduk miskin (diubah)',
      unit: '%',
      direction: 'lower',
      baselineYear: 2016,
      baselineValue: 9.88,
      targets: { '2024': 8.5, '2029': 6.9 },
      realisations: ind.ownRealisations,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const history = (await as('perencana', 'GET', `/api/plans/${rpjmd}/history`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'plan.indicator_changed',
      before: { targets: { '2024': 8.5, '2029': 7.0 } },
      after: { name: 'Persentase penduduk miskin (diubah)', targets: { '2029': 6.9 } },
    });
    // A realisation must name its source.
    const noSource = await as('perencana', 'PUT', `/api/plan-indicators/${ind.id}`, {
      name: 'x',
      unit: '%',
      direction: 'lower',
      baselineYear: 2016,
      baselineValue: 9.88,
      realisations: { '2025': { value: 7.57, source: '' } },
    });
    expect(noSource.statusCode).toBe(400);
    expect(noSource.json().issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.name', 'body.realisations.2025.source']),
    );
    const y2024 = ind.byYear.find((y: { year: number }) => y.year === 2024);
    // Lower is better: 8.5 / 8.16 = 104.2 %, very high, green.
    expect(y2024.achievement).toBeCloseTo((100 * 8.5) / 8.16, 9);
    expect(y2024).toMatchObject({ category: 'sangat_tinggi', light: 'hijau', source: 'BPS (Maret 2024)' });
    expect(ind.projections[0]).toMatchObject({ year: 2029, verdict: 'off_track' });
    expect(ind.projections[0].reason).toContain('proyeksi 2029');
    // Not the desa's plan: it may not delete the indicator.
    expect((await as('desa.jaten', 'DELETE', `/api/plan-indicators/${ind.id}`)).statusCode).toBe(403);
    expect((await as('perencana', 'DELETE', `/api/plan-indicators/${ind.id}`)).statusCode).toBe(200);
    expect((await as(null, 'GET', `/api/plans/${rpjmd}`)).json().nodes[0].indicators).toEqual([]);
    expect((await as('perencana', 'GET', `/api/plans/${rpjmd}/history`)).json().items[0]).toMatchObject({
      action: 'plan.indicator_deleted',
      before: { name: 'Persentase penduduk miskin (diubah)' },
    });
  });
});

describe('the sample plans', () => {
  it('show the planted orphans, uncovered targets and the served share, computed by hand', async () => {
    const year = String(new Date().getUTCFullYear());
    const sync = (await as(null, 'GET', `/api/plans/sync?year=${year}`)).json();
    const titles = (xs: { title: string }[]) => xs.map((x) => x.title);
    expect(titles(sync.orphans)).toEqual(
      expect.arrayContaining([
        'Program penunjang urusan pemerintahan daerah',
        'Pembangunan gapura desa',
        'Rabat beton jalan usaha tani',
      ]),
    );
    expect(titles(sync.uncovered)).toEqual(
      expect.arrayContaining([
        'Meningkatnya kemantapan jalan kabupaten',
        'Penurunan emisi gas rumah kaca menuju net zero',
      ]),
    );
    // Pagu: OPD 4,2 + 3,1 + 0,9 + 2,4 + 1,3 + 2,8 + 1,7 billion; desa 45 + 60 + 35 + 120 + 90 million.
    // Unserved: 0,9 billion + 60 + 120 million.
    expect(sync.kabupaten.total).toBe(16_400_000_000 + 350_000_000);
    expect(sync.kabupaten.served).toBe(16_750_000_000 - 900_000_000 - 180_000_000);
    // Poverty (the sasaran) gets Dinsos in full, half of Disnaker and of Diskopum, and the BLT.
    const poverty = sync.kabupaten.byTarget.find(
      (x: { title: string }) => x.title === 'Menurunnya persentase penduduk miskin',
    );
    expect(poverty.amount).toBeCloseTo(2_400_000_000 + 1_300_000_000 / 2 + 1_700_000_000 / 2 + 90_000_000, 3);
    // The sample keeps each pagu on one level of its tree.
    expect(sync.nestedPagu).toEqual([]);
    // Target consistency: the RPJMD wants 1,200 ha this year, the one Renja program serving it 800.
    expect(sync.consistency).toEqual([
      expect.objectContaining({
        title: 'Meningkatnya produktivitas pertanian',
        year,
        unit: 'ha',
        target: 1200,
        sumBelow: 800,
        gap: 400,
      }),
    ]);
    // Village alignment counts kabupaten targets: Jaten 80 of 140 million, Kolomayan 90 of 210.
    const village = (code: string) => sync.villages.find((v: { owner: string }) => v.owner === code);
    expect(village('35.05.01.2001')).toMatchObject({
      total: 140_000_000,
      aligned: 80_000_000,
      ownerName: 'Desa Jaten',
    });
    expect(village('35.05.01.2011')).toMatchObject({ total: 210_000_000, aligned: 90_000_000 });
  });

  it('drills down from the poverty priority to the Dinsos sub-kegiatan, the desa BLT and the linked proposals', async () => {
    const year = String(new Date().getUTCFullYear());
    const sync = (await as(null, 'GET', `/api/plans/sync?year=${year}`)).json();
    const priority = sync.nasional.byTarget.find((x: { title: string }) => x.title.startsWith('Kemiskinan'));
    const d = (await as(null, 'GET', `/api/plans/drill?node=${priority.id}&year=${year}`)).json();
    const titles = d.nodes.map((n: { title: string }) => n.title);
    for (const t of [
      'Menurunkan kemiskinan dan pengangguran',
      'Menurunnya persentase penduduk miskin',
      'Program rehabilitasi sosial',
      'Pemberian permakanan bagi lansia terlantar',
      'BLT Dana Desa',
      'Program pemberdayaan usaha menengah, kecil dan mikro',
    ])
      expect(titles).toContain(t);
    expect(titles).not.toContain('Pembangunan gapura desa');
    const sub = d.nodes.find(
      (n: { title: string }) => n.title === 'Pemberian permakanan bagi lansia terlantar',
    );
    expect(sub).toMatchObject({
      kind: 'subkegiatan',
      level: 'opd',
      budget: 1_500_000_000,
      ownerName: expect.any(String),
    });
    // Every node hangs under the target or another serving node.
    const ids = new Set([priority.id, ...d.nodes.map((n: { id: string }) => n.id)]);
    for (const n of d.nodes) expect(n.via.some((v: string) => ids.has(v))).toBe(true);
    // Linked proposals are shown to the offices, not to the public (a tracking code opens a proposal's path).
    expect(d.proposals).toEqual([]);
    const signedIn = (await as('dprd', 'GET', `/api/plans/drill?node=${priority.id}&year=${year}`)).json();
    expect(signedIn.proposals.length).toBeGreaterThan(0);
  });

  it('exports the matriks sinkronisasi as XLSX and PDF that read back to the dashboard figures', async () => {
    const year = String(new Date().getUTCFullYear());
    const sync = (await as(null, 'GET', `/api/plans/sync?year=${year}`)).json();
    const file = await as(null, 'GET', `/api/plans/matrix.xlsx?year=${year}`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Matriks sinkronisasi')!;
    expect(ws.getCell(1, 1).value).toBe(
      `Matriks sinkronisasi perencanaan tahun ${year}: Matriks sinkronisasi`,
    );
    const top = headerRowOf(ws);
    const header = (ws.getRow(top).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const byTarget = new Map<string, number>();
    for (let i = top + 1; i <= ws.rowCount; i++) {
      const r = ws.getRow(i);
      const target = String(r.getCell(col('Sasaran RPJMD')).value);
      byTarget.set(target, (byTarget.get(target) ?? 0) + Number(r.getCell(col(`Pagu ${year} (Rp)`)).value));
    }
    // Each sasaran's rows add up to its amount on the dashboard; an uncovered one reads 0 with the marker.
    for (const tg of sync.kabupaten.byTarget.filter((x: { title: string }) => byTarget.has(x.title)))
      expect(byTarget.get(tg.title)).toBeCloseTo(tg.amount, 3);
    expect(byTarget.get('Meningkatnya kemantapan jalan kabupaten')).toBe(0);
    const summary = wb.getWorksheet('Ringkasan per sasaran')!;
    const last = summary.getRow(summary.rowCount);
    expect(last.getCell(1).value).toBe('JUMLAH');
    expect(last.getCell(4).value).toBe(sync.kabupaten.total);
    const orphans = wb.getWorksheet('Tidak mendukung')!;
    expect(bodyRowsOf(orphans)).toHaveLength(sync.orphans.length);

    const pdf = await as(null, 'GET', `/api/plans/matrix.pdf?year=${year}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('MATRIKS SINKRONISASI PERENCANAAN');
    expect(flat).toContain('DATA CONTOH');
    expect(flat).toContain(
      `Jumlah pagu ${year}: Rp${new Intl.NumberFormat('id-ID').format(sync.kabupaten.total)}`,
    );
    expect(flat).toContain('Pemberian permakanan bagi lansia terlantar');
    // On the kabupaten's letterhead, signed in Blitar by the head of Bappeda.
    expect(flat).toContain('PEMERINTAH KABUPATEN BLITAR BADAN PERENCANAAN PEMBANGUNAN DAERAH');
    expect(flat).toMatch(/Blitar, \d{1,2} \w+ \d{4} Kepala Bappeda/);
  });

  it('reads the RPJMD indicators from the real statistics series, with a 2045 verdict', async () => {
    const plans = (await as(null, 'GET', '/api/plans')).json().items;
    const rpjmd = plans.find((p: { kind: string; sample: boolean }) => p.kind === 'RPJMD' && p.sample);
    const plan = (await as(null, 'GET', `/api/plans/${rpjmd.id}`)).json();
    const ind = plan.nodes
      .flatMap((n: { indicators: unknown[] }) => n.indicators)
      .find((i: { name: string }) => i.name === 'Persentase penduduk miskin');
    const y = (year: number) => ind.byYear.find((b: { year: number }) => b.year === year);
    expect(y(2024)).toMatchObject({ realisation: 8.16 });
    expect(y(2025)).toMatchObject({ realisation: 7.57, target: 7.9 });
    expect(y(2025).source).toContain('BPS');
    const p2045 = ind.projections.find((p: { year: number }) => p.year === 2045);
    expect(p2045).toMatchObject({ target: 0.8, verdict: 'off_track' });
  });
});

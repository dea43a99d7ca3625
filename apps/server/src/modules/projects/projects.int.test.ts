import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { jpegWithExif } from '../../../test/images.ts';
import { systemPrincipal } from '../../context.ts';
import { columnKey } from '../../reports/xlsx.ts';
import { fundProposals } from '../musrenbang/musrenbang.decisions.ts';

let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['perencana', 'opd.dpupr', 'desa.jaten', 'dprd', 'admin']) s[u] = await login(t.app, u);
});
afterAll(() => t.close());

const as = (u: string | null, method: string, url: string, payload?: unknown) =>
  call(t.app, u ? s[u]! : null, {
    method: method as 'GET',
    url,
    ...(payload !== undefined ? { payload } : {}),
  });

describe('the sample projects', () => {
  it('has several hundred projects, some on schedule, late, critical and finished, and permits that hold some up', async () => {
    const list = (await as(null, 'GET', '/api/projects?limit=500')).json();
    expect(list.items.length).toBeGreaterThanOrEqual(300);
    const statuses = new Set(list.items.map((p: { status: string }) => p.status));
    for (const st of ['sesuai', 'terlambat', 'kritis', 'selesai']) expect(statuses).toContain(st);
    const b = (await as('dprd', 'GET', '/api/projects/bottlenecks')).json();
    expect(b.items.length).toBeGreaterThan(0);
    expect(b.items[0].money).toBeGreaterThan(0);
  });

  it('computes kemantapan jalan as a hand computation over the inventory does', async () => {
    const r = (await as(null, 'GET', '/api/roads')).json();
    const year = r.year as number;
    const rows = await t.ctx.database.bulk((tx) =>
      tx.query<{ total: number; steady: number }>(
        `with latest as (
           select distinct on (segment_code) segment_code, condition from road_conditions
           where year <= ${year} order by segment_code, year desc)
         select sum(s.length_km)::float8 as total,
                sum(case when l.condition in ('baik', 'sedang') then s.length_km else 0 end)::float8 as steady
         from road_segments s join latest l on l.segment_code = s.code`,
      ),
    );
    expect(r.total.percent).toBeCloseTo((100 * rows[0]!.steady) / rows[0]!.total, 9);
    expect(r.byKecamatan).toHaveLength(22);
  });
});

describe('a project from a funded proposal', () => {
  it('keeps the link, reports progress with a photo, is verified, and warns when behind plan', async () => {
    const year = new Date().getFullYear() + 1;
    const candidates = (await as('perencana', 'GET', `/api/pb/candidates?planYear=${year}`)).json().items as {
      id: string;
      opd: string | null;
      title: string;
      regionCode: string;
    }[];
    const proposal = candidates.find((c) => c.opd === 'DPUPR')!;
    const orgs = (await as('perencana', 'GET', '/api/organisations')).json().items as {
      id: string;
      code: string;
    }[];
    const dpupr = orgs.find((o) => o.code === 'DPUPR')!.id;
    const body = {
      name: proposal.title,
      type: 'jalan',
      organisationId: dpupr,
      regionCode: proposal.regionCode,
      contractor: 'CV Uji',
      contractValue: 300_000_000,
      startDate: '2026-01-01',
      endDate: '2026-04-30',
      funding: [
        { source: 'apbd_kabupaten', amount: 200_000_000 },
        { source: 'dana_desa', amount: 100_000_000 },
      ],
      plan: [
        { month: '2026-01', physical: 10, financial: 30_000_000 },
        { month: '2026-02', physical: 40, financial: 120_000_000 },
        { month: '2026-03', physical: 80, financial: 240_000_000 },
        { month: '2026-04', physical: 100, financial: 300_000_000 },
      ],
    };
    // Not yet funded: refused.
    const early = await as('opd.dpupr', 'POST', `/api/projects/from-proposal/${proposal.id}`, body);
    expect(early.json().issues[0].issue).toBe('not_funded');
    await fundProposals(t.ctx, systemPrincipal, [proposal.id], 'uji');
    const wrongTotal = await as('opd.dpupr', 'POST', `/api/projects/from-proposal/${proposal.id}`, {
      ...body,
      contractValue: 1,
    });
    expect(wrongTotal.json().issues[0]).toMatchObject({ field: 'body.funding', issue: 'funding_total' });
    const created = await as('opd.dpupr', 'POST', `/api/projects/from-proposal/${proposal.id}`, body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const tracked = (await as('perencana', 'GET', `/api/proposals/${proposal.id}`)).json();
    expect(tracked.stage).toBe('pelaksanaan');

    // Reports are checked against the sources and the final documents.
    const bad = await as('desa.jaten', 'POST', `/api/projects/${id}/reports`, {
      reportDate: '2026-02-28',
      physical: 100,
      spending: { csr: 1, dana_desa: 150_000_000 },
    });
    if (bad.statusCode === 403) {
      // The proposal is not in Jaten: the desa in charge is elsewhere.
      expect(proposal.regionCode).not.toBe('35.05.01.2001');
    } else
      expect(bad.json().issues.map((i: { field: string; issue: string }) => `${i.field} ${i.issue}`)).toEqual(
        expect.arrayContaining([
          'body.finalDocuments final_documents_required',
          'body.spending.csr not_a_source',
          'body.spending.dana_desa over_source',
        ]),
      );
    const report = await as('opd.dpupr', 'POST', `/api/projects/${id}/reports`, {
      reportDate: '2026-02-28',
      physical: 20,
      spending: { apbd_kabupaten: 40_000_000 },
      problems: 'Material terlambat',
    });
    expect(report.statusCode, report.body).toBe(201);
    const photo = await call(t.app, s['opd.dpupr']!, {
      method: 'POST',
      url: `/api/reports/${report.json().id}/photos`,
      payload: jpegWithExif('2026:02:27 09:30:00', [8, 6, 0], [112, 10, 30]),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json().lat).toBeCloseTo(-8.1, 6);
    expect(photo.json().lng).toBeCloseTo(112.175, 6);
    expect(photo.json().takenAt).toMatch(/^2026-02-27/);
    const png = await call(t.app, s['opd.dpupr']!, {
      method: 'POST',
      url: `/api/reports/${report.json().id}/photos`,
      payload: Buffer.from('not an image'),
      headers: { 'content-type': 'image/png' },
    });
    expect(png.json().issues[0].issue).toBe('photo_type');
    expect(
      (await as('opd.dpupr', 'POST', `/api/reports/${report.json().id}/verify`, { approve: true })).json()
        .state,
    ).toBe('diverifikasi');
    const backwards = await as('opd.dpupr', 'POST', `/api/projects/${id}/reports`, {
      reportDate: '2026-03-15',
      physical: 10,
    });
    expect(backwards.json().issues[0]).toMatchObject({ field: 'body.physical', issue: 'progress_backwards' });

    // On 28 February the plan is at 40 %, the work at 20 %: 20 points behind with the plan under 70 %: critical.
    const onDay = (await as(null, 'GET', `/api/projects?on=2026-02-28&limit=500`))
      .json()
      .items.find((p: { id: string }) => p.id === id);
    expect(onDay).toMatchObject({ physical: 20, status: 'kritis' });
    expect(onDay.plannedPhysical).toBeCloseTo(40, 9);
    // The office may be stricter: with critical at 25 points early on, it is only late.
    const stricter = { lateTolerance: 2, criticalEarly: 25, criticalLate: 5, criticalSwitchAt: 70 };
    expect((await as('perencana', 'PUT', '/api/projects/thresholds', stricter)).statusCode).toBe(200);
    const relaxed = (await as(null, 'GET', `/api/projects?on=2026-02-28&limit=500`))
      .json()
      .items.find((p: { id: string }) => p.id === id);
    expect(relaxed.status).toBe('terlambat');
    await as('perencana', 'PUT', '/api/projects/thresholds', { ...stricter, criticalEarly: 10 });
    const detail = (await as(null, 'GET', `/api/projects/${id}`)).json();
    expect(detail.proposal.id).toBe(proposal.id);
    expect(detail.reports[0].photos).toHaveLength(1);
  });

  it('a finished road project brings its segments to good condition, and kemantapan rises', async () => {
    const before = (await as(null, 'GET', '/api/roads')).json();
    const [seg] = await t.ctx.database.bulk((tx) =>
      tx.query<{ code: string; region_code: string }>(
        `with latest as (
           select distinct on (segment_code) segment_code, condition from road_conditions
           where year <= ${before.year} order by segment_code, year desc)
         select s.code, s.region_code from road_segments s join latest l on l.segment_code = s.code
         where l.condition = 'rusak_berat' order by s.code limit 1`,
      ),
    );
    const orgs = (await as('perencana', 'GET', '/api/organisations')).json().items as {
      id: string;
      code: string;
    }[];
    const year = before.year as number;
    const created = await as('opd.dpupr', 'POST', '/api/projects', {
      name: 'Peningkatan ruas uji',
      type: 'jalan',
      organisationId: orgs.find((o) => o.code === 'DPUPR')!.id,
      regionCode: seg!.region_code,
      contractValue: 100_000_000,
      startDate: `${year}-01-01`,
      endDate: `${year}-02-28`,
      funding: [{ source: 'apbd_kabupaten', amount: 100_000_000 }],
      plan: [
        { month: `${year}-01`, physical: 50, financial: 50_000_000 },
        { month: `${year}-02`, physical: 100, financial: 100_000_000 },
      ],
      roadSegments: [seg!.code],
    });
    expect(created.statusCode, created.body).toBe(201);
    const done = await as('opd.dpupr', 'POST', `/api/projects/${created.json().id}/reports`, {
      reportDate: `${year}-02-28`,
      physical: 100,
      spending: { apbd_kabupaten: 98_000_000 },
      finalDocuments: ['Berita acara serah terima'],
    });
    await as('opd.dpupr', 'POST', `/api/reports/${done.json().id}/verify`, { approve: true });
    const after = (await as(null, 'GET', `/api/roads?year=${year}`)).json();
    const km = await t.ctx.database.bulk((tx) =>
      tx.query<{ length_km: number }>(`select length_km from road_segments where code = '${seg!.code}'`),
    );
    expect(after.total.steadyKm).toBeCloseTo(before.total.steadyKm + km[0]!.length_km, 9);
  });
});

describe('the monthly monitoring report', () => {
  it('reads back with the totals of the reports of the month', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const xlsx = await as('dprd', 'GET', `/api/projects/monthly-report.xlsx?month=${month}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Laporan bulanan')!; // a title, the month, a blank row, then the table
    const header = (ws.getRow(4).values as string[]).slice(1).map(columnKey);
    const col = (name: string) => header.indexOf(name) + 1;
    const cell = (row: number, name: string) => Number(ws.getRow(row).getCell(col(name)).value);
    const rows = Array.from({ length: ws.rowCount - 5 }, (_, i) => i + 5); // the last row sums them
    const sums = ['pagu', 'realisasi_jumlah'].map((n) => rows.reduce((s, r) => s + cell(r, n), 0));
    const [budget, spent] = sums as [number, number];
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('Jumlah');
    expect([cell(ws.rowCount, 'pagu'), cell(ws.rowCount, 'realisasi_jumlah')]).toEqual(sums);
    // The same totals, straight from the database: started projects, and each one's last report of the month.
    const [y, m] = month.split('-').map(Number) as [number, number];
    const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const [db] = await t.ctx.database.bulk((tx) =>
      tx.query<{ budget: number; spent: number }>(
        `with last as (
           select distinct on (project_id) project_id, spending from progress_reports
           where state <> 'ditolak' and report_date <= '${end}' order by project_id, report_date desc)
         select (select sum(contract_value)::float8 from projects where start_date <= '${end}') as budget,
                (select coalesce(sum(v.value::float8), 0) from last, jsonb_each_text(last.spending) v
                 join projects p on true where p.id = last.project_id and p.start_date <= '${end}') as spent`,
      ),
    );
    expect(budget).toBe(db!.budget);
    expect(spent).toBeCloseTo(db!.spent, 0);
    const pdf = await as('dprd', 'GET', `/api/projects/monthly-report.pdf?month=${month}`);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    expect(text).toContain('LAPORAN BULANAN PEMANTAUAN PROYEK');
    expect(text.replace(/\s+/g, ' ')).toContain(new Intl.NumberFormat('id-ID').format(budget));
    expect(text.replace(/\s+/g, ' ')).toContain('PEMERINTAH KABUPATEN BLITAR');
    expect(text.replace(/\s+/g, ' ')).toMatch(/Blitar, \d{1,2} \w+ \d{4}/);
  });
});

describe('the list of projects', () => {
  type Item = { id: string; status: string; organisationId: string };
  const get = async (query: string) => (await as(null, 'GET', `/api/projects${query}`)).json();

  it('comes a page at a time, while the summary counts the whole portfolio', async () => {
    const all = await get('?limit=500');
    const first = await get('');
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(all.items.length);
    // Every page in turn gives the whole list, in the same order, once.
    const paged: string[] = [];
    for (let offset = 0; offset < first.total; offset += 120)
      paged.push(...(await get(`?limit=120&offset=${offset}`)).items.map((p: Item) => p.id));
    expect(paged).toEqual(all.items.map((p: Item) => p.id));

    const { summary } = first;
    const counted = Object.values(summary.statuses as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(counted).toBe(first.total);
    expect(summary.byOpd.reduce((a: number, o: { projects: number }) => a + o.projects, 0)).toBe(first.total);
    expect(summary.atRisk.total).toBe(summary.statuses.terlambat + summary.statuses.kritis);
    for (const o of summary.atRisk.byOpd) expect(o.worst.length).toBeLessThanOrEqual(6);

    // A status narrows the list, not the summary; so does an agency.
    // Permits in trouble are counted per project: as many as the bottleneck table's projects.
    const blocked = all.items.reduce((a: number, p: { blockedPermits: number }) => a + p.blockedPermits, 0);
    const kinds = (await as('dprd', 'GET', '/api/projects/bottlenecks')).json().items;
    expect(blocked).toBeGreaterThan(0);
    expect(blocked).toBe(kinds.reduce((a: number, k: { projects: number }) => a + k.projects, 0));

    const critical = await get('?status=kritis&limit=500');
    expect(critical.total).toBe(summary.statuses.kritis);
    expect(critical.items.every((p: Item) => p.status === 'kritis')).toBe(true);
    expect(critical.summary).toEqual(summary);
    const opd = summary.byOpd[0];
    const ofOpd = await get(`?organisationId=${opd.organisationId}&limit=500`);
    expect(ofOpd.total).toBe(opd.projects);
    expect(ofOpd.items.every((p: Item) => p.organisationId === opd.organisationId)).toBe(true);
  });

  it('refuses a page size it does not serve, naming the field', async () => {
    for (const query of ['?limit=0', '?limit=501', '?offset=-1', '?limit=abc']) {
      const res = await as(null, 'GET', `/api/projects${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json().issues ?? res.json()), query).toMatch(/limit|offset/);
    }
  });
});

describe('OC4IDS', () => {
  it('publishes every project as an OC4IDS package with codes from its codelists and the money by source', async () => {
    const pkg = (await as(null, 'GET', '/api/oc4ids.json')).json();
    const list = (await as(null, 'GET', '/api/projects?limit=500')).json().items;
    expect(pkg.version).toBe('0.9');
    expect(pkg.projects).toHaveLength(list.length);
    expect(new Set(pkg.projects.map((p: { id: string }) => p.id)).size).toBe(list.length);
    for (const p of pkg.projects) {
      expect(['preparation', 'implementation', 'completion']).toContain(p.status);
      expect(p.budget.amount.currency).toBe('IDR');
      const sum = p.budget.budgetBreakdown.reduce(
        (s: number, b: { amount: { amount: number } }) => s + b.amount.amount,
        0,
      );
      expect(sum).toBe(p.budget.amount.amount);
    }
    const road = pkg.projects.find((p: { sector: string[] }) => p.sector.includes('transport.road'));
    expect(road.locations[0].address.countryName).toBe('Indonesia');
  });
});

describe('progress of many projects from a file', () => {
  it('takes the exported layout back, keyed by project code, idempotently and all or nothing', async () => {
    const orgs = (await as('perencana', 'GET', '/api/organisations')).json().items as {
      id: string;
      code: string;
    }[];
    const dpupr = orgs.find((o) => o.code === 'DPUPR')!.id;
    const file = await as('opd.dpupr', 'GET', `/api/projects/export/progress.xlsx?organisationId=${dpupr}`);
    expect(file.statusCode, file.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Kemajuan')!;
    const header = (ws.getRow(1).values as string[]).slice(1).map(columnKey);
    const col = (name: string) => header.indexOf(name) + 1;
    // The first project still in progress gets a new report in the file.
    const list = (await as(null, 'GET', `/api/projects?organisationId=${dpupr}&limit=500`)).json().items as {
      code: string;
      physical: number;
      status: string;
    }[];
    const open = list.find((p) => p.status !== 'selesai' && p.status !== 'belum_mulai' && p.physical < 90)!;
    let row = 0;
    for (let i = 2; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(col('kode')).value === open.code) row = i;
    const date = new Date().toISOString().slice(0, 10);
    ws.getRow(row).getCell(col('tanggal')).value = date;
    ws.getRow(row).getCell(col('fisik')).value = Math.min(100, open.physical + 5);
    ws.getRow(row).getCell(col('masalah')).value = 'Diimpor dari berkas';
    const upload = async (book: ExcelJS.Workbook) =>
      call(t.app, s['opd.dpupr']!, {
        method: 'POST',
        url: '/api/projects/import/progress',
        payload: Buffer.from(await book.xlsx.writeBuffer()),
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
    const count = async () =>
      (
        await t.ctx.database.bulk((tx) =>
          tx.query<{ n: number }>('select count(*)::int as n from progress_reports'),
        )
      )[0]!.n;
    const before = await count();
    const first = await upload(wb);
    expect(first.statusCode, first.body).toBe(200);
    expect(await count()).toBe(before + 1);
    const again = await upload(wb);
    expect(again.statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
    const detail = (await as(null, 'GET', `/api/projects?organisationId=${dpupr}&limit=500`))
      .json()
      .items.find((p: { code: string }) => p.code === open.code);
    // Official figures wait for verification; the new report shows as pending.
    expect(detail.physical).toBe(open.physical);
    expect(detail.pending.physical).toBe(Math.min(100, open.physical + 5));
    // A bad row refuses the whole file, naming the line.
    ws.getRow(row).getCell(col('kode')).value = 'PRJ-TIDAK-ADA';
    const bad = await upload(wb);
    expect(bad.json().issues[0]).toMatchObject({ field: `line ${row}, column kode`, issue: 'not_found' });
    expect(await count()).toBe(before + 1);
  });
});

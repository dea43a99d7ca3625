import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { bodyRowsOf, headerRowOf } from '../../../test/workbook.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const root = new URL('../../../../../', import.meta.url).pathname;
const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('village index API on the shipped official data', () => {
  it('shows 64/152/4 in 2023 and 111/108/1 in 2024, and the transitions between them', async () => {
    const s = (await get('/api/index/summary')).json();
    expect(s.scheme).toMatchObject({ id: 'idm-2016', unconfirmed: ['routing', 'rubrics'] });
    const byYear = Object.fromEntries(
      s.years.map((y: { year: number; counts: object }) => [y.year, y.counts]),
    );
    expect(byYear[2023]).toMatchObject({
      MANDIRI: 64,
      MAJU: 152,
      BERKEMBANG: 4,
      TERTINGGAL: 0,
      'SANGAT TERTINGGAL': 0,
    });
    expect(byYear[2024]).toMatchObject({ MANDIRI: 111, MAJU: 108, BERKEMBANG: 1 });
    expect(s.transition).toMatchObject({ from: 2023, to: 2024 });
    const total = Object.values(s.transition.matrix as Record<string, Record<string, number>>)
      .flatMap((row) => Object.values(row))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(220);
    expect(s.kecamatan).toHaveLength(22);
    expect(s.kecamatan.reduce((n: number, k: { desa: number }) => n + k.desa, 0)).toBe(220);
  });

  it('lists every desa of a year with its status, for the map', async () => {
    const r = (await get('/api/index/results?year=2024')).json();
    expect(r.items).toHaveLength(220);
    expect(r.items.find((i: { code: string }) => i.code === '35.05.01.2001')).toMatchObject({
      name: 'Jaten',
      kecamatan: 'Wonodadi',
      status: 'MAJU',
    });
    expect((await get('/api/index/results?year=1999')).statusCode).toBe(400);
    expect((await get('/api/index/results?year=2031')).statusCode).toBe(404);
  });

  it('gives a desa scorecard with history, the 50 scores, and an exact plan to the next status', async () => {
    const res = await get('/api/index/desa/35.05.01.2001');
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.history.map((h: { year: number }) => h.year)).toEqual([2023, 2024]);
    expect(c.indicators.items).toHaveLength(50);
    expect(c.plan).toMatchObject({ ok: true, from: 'MAJU', target: 'MANDIRI' });
    expect(c.plan.projected).toBeGreaterThan(0.8155);
    expect((await get('/api/index/desa/35.05.01')).statusCode).toBe(400);
    expect((await get('/api/index/desa/35.05.99.2099')).statusCode).toBe(404);
  });

  it('ranks the weakest indicators across the 220 desa with who acts', async () => {
    const w = (await get('/api/index/weakest')).json();
    expect(w).toMatchObject({ year: 2024, desa: 220 });
    expect(w.items).toHaveLength(50);
    expect(w.items[0].zero).toBeGreaterThan(0);
    expect(w.items.find((i: { code: string }) => i.code === 'IKE07_BANK_BPR').actor).toBe('csr');
  });
});

describe('exports', () => {
  it('exports every desa of a year as XLSX', async () => {
    const res = await get('/api/index/results.xlsx?year=2024');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('IDM 2024');
    // The title names the document and the kabupaten above the frozen, filtered header.
    expect(sheet.getCell(1, 1).value).toBe('Hasil Indeks Desa Membangun 2024');
    expect(String(sheet.getCell(2, 1).value)).toMatch(/^Kabupaten Blitar · diunduh \d{1,2} \w+ \d{4}$/);
    const top = headerRowOf(sheet);
    expect(bodyRowsOf(sheet)).toHaveLength(220);
    const header = (sheet.getRow(top).values as unknown[]).slice(1);
    expect(header).toEqual(['Kode desa', 'Nama desa', 'Kecamatan', 'IKS', 'IKE', 'IKL', 'IDM', 'Status']);
    const jaten = bodyRowsOf(sheet)[0]!;
    expect(jaten[0]).toBe('35.05.01.2001');
    expect(Number(jaten[6]).toFixed(4)).toBe('0.7535');
  });

  it('exports every dashboard table as one workbook', async () => {
    const res = await get('/api/index/dashboard.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Status per tahun',
      'Per kecamatan',
      'Perpindahan 2023-2024',
      'Indikator terlemah 2024',
    ]);
    const years = wb.worksheets[0]!;
    expect(bodyRowsOf(years)[1]!.slice(0, 7)).toEqual([2024, 220, 0, 0, 1, 108, 111]);
    expect(bodyRowsOf(wb.worksheets[1]!)).toHaveLength(22);
    const weakest = wb.worksheets[3]!;
    expect(bodyRowsOf(weakest)).toHaveLength(50);
    // Who acts is named in words, not coded.
    const actor = (weakest.getRow(headerRowOf(weakest)).values as string[]).indexOf('Yang bertindak');
    expect(new Set(bodyRowsOf(weakest).map((r) => r[actor - 1]))).toContain('CSR/swasta');
  });

  it('prints a desa scorecard as PDF', async () => {
    const res = await get('/api/index/desa/35.05.01.2001/scorecard.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('npx sinergi index score', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-score-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [join(root, 'apps/server/bin/sinergi.mjs'), 'index', 'score', ...args], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('reproduces the official 2024 results of all 220 desa from the CSV template', () => {
    const out = join(dir, 'result.csv');
    cli('reference-data/idm/idm2024_indikator_kab_blitar.csv', '--out', out);
    const got = readFileSync(out, 'utf8').trim().split('\n');
    expect(got[0]).toBe('kode_desa,iks,ike,ikl,idm,status');
    const official = new Map(
      readFileSync(join(root, 'reference-data/idm/idm_kab_blitar_2023_2024.csv'), 'utf8')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => l.split(','))
        .map((c) => [
          c[0],
          [c[10], c[11], c[12], c[9], c[13]].map((v, i) => (i < 4 ? Number(v).toFixed(4) : v)).join(','),
        ]),
    );
    expect(got).toHaveLength(221);
    for (const line of got.slice(1)) {
      const [code, ...rest] = line.split(',');
      expect(rest.join(','), code).toBe(official.get(code!));
    }
  });

  it('reads the same template as XLSX', async () => {
    const csv = readFileSync(join(root, 'reference-data/idm/idm2024_indikator_kab_blitar.csv'), 'utf8')
      .trim()
      .split('\n');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('IDM');
    for (const line of csv.slice(0, 6)) {
      sheet.addRow(
        line.split(',').map((v, i) => (i >= 2 && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)),
      );
    }
    const file = join(dir, 'template.xlsx');
    await wb.xlsx.writeFile(file);
    const out = cli(file).trim().split('\n');
    expect(out).toHaveLength(6);
    expect(out[1]).toBe('35.05.01.2001,0.7771,0.6167,0.8667,0.7535,MAJU');
  });

  it('fails with the line and column of every bad cell', () => {
    const lines = readFileSync(join(root, 'reference-data/idm/idm2024_indikator_kab_blitar.csv'), 'utf8')
      .trim()
      .split('\n');
    const cells = lines[2]!.split(',');
    cells[3] = '7';
    cells[0] = '35.05.01';
    const file = join(dir, 'bad.csv');
    writeFileSync(file, [lines[0], lines[1], cells.join(',')].join('\n'));
    let stderr = '';
    try {
      cli(file);
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(stderr).toContain('line 3, column kode_desa');
    expect(stderr).toContain('line 3, column IKS02_DOKTER: must be a whole number from 0 to 5');
  });
});

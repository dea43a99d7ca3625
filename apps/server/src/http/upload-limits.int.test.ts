import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../test/harness.ts';
import { tallXlsx, xlsxBomb } from '../../test/hostile-files.ts';

let t: TestApp;
let opd: Session;
let desa: Session;
beforeAll(async () => {
  t = await createTestApp();
  opd = await login(t.app, 'opd.dpupr');
  desa = await login(t.app, 'desa.jaten');
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('an upload that unpacks into far more than it weighs (issue 17)', () => {
  it('is refused at once with the limit named, as a desa uploads it, while the server keeps answering and stays small', async () => {
    const file = await xlsxBomb(300 * 1024 * 1024);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const [upload, health] = await Promise.all([
      call(t.app, desa, {
        method: 'POST',
        url: '/api/projects/import/progress',
        payload: file,
        headers: { 'content-type': XLSX },
      }),
      t.app.inject({ method: 'GET', url: '/api/health' }),
    ]);
    expect(health.statusCode).toBe(200);
    expect(upload.statusCode, upload.body.slice(0, 300)).toBe(400);
    expect(upload.json().issues[0]).toMatchObject({ field: 'file', issue: 'unpacks_too_large' });
    expect(upload.json().detail).toContain('32 MiB');
    // Before: 3.5 GB that was not given back.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('is parsed off the request thread: health answers throughout two at once, and the heap stays small', async () => {
    // Within the unpacked limit, so the reader really parses it all before counting its rows.
    const file = await tallXlsx(210_000);
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const upload = (who: Session) =>
      call(t.app, who, {
        method: 'POST',
        url: '/api/projects/import/progress',
        payload: file,
        headers: { 'content-type': XLSX },
      });
    let uploading = true;
    const both = Promise.all([upload(desa), upload(opd)]).finally(() => {
      uploading = false;
    });
    // Health asked again and again while both files are read: it answers in between, because
    // the reading happens on another thread (before, every answer waited for the whole file).
    let answeredDuring = 0;
    while (uploading) {
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      if (uploading) answeredDuring += 1;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      await new Promise((r) => setTimeout(r, 5));
    }
    const results = await both;
    for (const res of results) {
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0]).toMatchObject({ field: 'file', issue: 'too_many_rows' });
    }
    expect(answeredDuring).toBeGreaterThanOrEqual(3);
    expect(heapPeak - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a table beyond its rows, columns or cell length, naming the limit, and names the route byte limit', async () => {
    const send = (body: string | Buffer, type = 'text/csv') =>
      call(t.app, desa, {
        method: 'POST',
        url: '/api/projects/import/progress',
        payload: body,
        headers: { 'content-type': type },
      });
    const rows = await send(`kode,tanggal,fisik\n${'a,b,c\n'.repeat(200_001)}`);
    expect(rows.statusCode).toBe(400);
    expect(rows.json().issues[0]).toMatchObject({ field: 'file', issue: 'too_many_rows' });
    expect(rows.json().detail).toContain('200.000');
    const wide = await send(`${Array.from({ length: 201 }, (_, i) => `k${i}`).join(',')}\n`);
    expect(wide.json().issues[0]).toMatchObject({ issue: 'too_many_columns' });
    expect(wide.json().detail).toContain('200 kolom');
    const long = await send(`kode,tanggal,fisik\n${'x'.repeat(5_000)},1,2\n`);
    expect(long.json().issues[0]).toMatchObject({ issue: 'cell_too_long' });
    expect(long.json().detail).toContain('4.000 karakter');
    // A file with thousands of bad rows answers with the first hundred problems and a count of the rest.
    const bad = await send(`kode,tanggal,fisik\n${'a,b,c\n'.repeat(1_000)}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toHaveLength(101);
    expect(bad.json().issues[100]).toMatchObject({ issue: 'more_issues' });
    expect(bad.json().detail.length).toBeLessThan(20_000);
    // The progress import takes files of up to 10 MB, and says so (not the server's 1 MB).
    const huge = await send(Buffer.alloc(11 * 1024 * 1024, 0x61));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().detail).toContain('10 MB');
  });

  it('still reads a real workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Kemajuan').addRow(['kode', 'tanggal', 'fisik']);
    const res = await call(t.app, opd, {
      method: 'POST',
      url: '/api/projects/import/progress',
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
      headers: { 'content-type': XLSX },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

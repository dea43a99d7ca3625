import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let opd: Session;
beforeAll(async () => {
  t = await createTestApp();
  opd = await login(t.app, 'opd.dpupr');
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A real workbook whose one sheet is replaced by `size` bytes that compress to almost nothing. */
async function bomb(size: number) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Kemajuan').addRow(['kode', 'tanggal', 'fisik']);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const body = row.repeat(Math.ceil(size / row.length));
  zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${body}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('an upload that unpacks into far more than it weighs (issue 17)', () => {
  it('is refused at once with the limit named, while the server keeps answering', async () => {
    const file = await bomb(300 * 1024 * 1024);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const [upload, health] = await Promise.all([
      call(t.app, opd, {
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

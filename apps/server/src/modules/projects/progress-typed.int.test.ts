import { formatDate, formatNumber, formatRupiah, todayIn } from '@sinergi/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { columnKey } from '../../reports/xlsx.ts';
import { projectItems } from './projects.service.ts';

let t: TestApp;
let opd: Session;
beforeAll(async () => {
  t = await createTestApp();
  opd = await login(t.app, 'opd.dpupr');
});
afterAll(() => t.close());

interface Item {
  code: string;
  physical: number;
  status: string;
  pending: { physical: number; reportDate: string } | null;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('progress of many projects from a file, as an office fills it in', () => {
  it('reads a date and a percentage typed the Indonesian way, and a date cell of a workbook', async () => {
    const orgs = (await call(t.app, opd, { method: 'GET', url: '/api/organisations' })).json().items;
    const dpupr = orgs.find((o: { code: string }) => o.code === 'DPUPR').id;
    const projects = async () =>
      (
        await call(t.app, null, { method: 'GET', url: `/api/projects?organisationId=${dpupr}&limit=500` })
      ).json().items as Item[];
    const [a, b] = (await projects()).filter(
      (p) => p.status !== 'selesai' && p.status !== 'belum_mulai' && p.physical < 90,
    );
    const today = todayIn();
    const send = (payload: Buffer, type: string) =>
      call(t.app, opd, {
        method: 'POST',
        url: '/api/projects/import/progress',
        payload,
        headers: { 'content-type': type },
      });
    // The office's layout, as exported: its spending so far stays, written as rupiah.
    const layout = await call(t.app, opd, {
      method: 'GET',
      url: `/api/projects/export/progress.xlsx?organisationId=${dpupr}`,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(layout.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Kemajuan')!;
    const header = (ws.getRow(1).values as string[]).slice(1).map(columnKey);
    const rowOf = (code: string) => {
      for (let i = 2; i <= ws.rowCount; i++)
        if (ws.getRow(i).getCell(1 + header.indexOf('kode')).value === code) return ws.getRow(i);
      throw new Error(code);
    };
    const spent = header.filter((h) => h.startsWith('realisasi_'));
    // Typed by hand into a CSV: the date in words ("6 Desember 2026"), "39,5" and "Rp340.620.935".
    const physical = Math.floor(a!.physical) + 2.5;
    const ra = rowOf(a!.code);
    const amounts = spent.map((h) => {
      const v = ra.getCell(1 + header.indexOf(h)).value;
      return v === null || v === '' ? '' : `"${formatRupiah(Number(v))}"`;
    });
    const typed = `kode,tanggal,fisik,${spent.join(',')}\n${a!.code},${formatDate(today)},"${formatNumber(physical, 1)}",${amounts.join(',')}\n`;
    const r = await send(Buffer.from(typed), 'text/csv');
    expect(r.statusCode, r.body).toBe(200);
    // The workbook itself, its date a date cell (not text) and its percentage a number.
    // Only b's row is filled in; the rest of the layout is left as exported, without a report.
    for (let i = 2; i <= ws.rowCount; i++)
      for (const c of ['tanggal', 'fisik']) ws.getRow(i).getCell(1 + header.indexOf(c)).value = null;
    const rb = rowOf(b!.code);
    rb.getCell(1 + header.indexOf('tanggal')).value = new Date(`${today}T00:00:00Z`);
    rb.getCell(1 + header.indexOf('fisik')).value = Math.floor(b!.physical) + 1.25;
    const x = await send(Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(x.statusCode, x.body).toBe(200);
    const after = await projects();
    expect(after.find((p) => p.code === a!.code)!.pending).toMatchObject({ physical, reportDate: today });
    expect(after.find((p) => p.code === b!.code)!.pending).toMatchObject({
      physical: Math.floor(b!.physical) + 1.25,
      reportDate: today,
    });
    // 31/11 is no date and "abc" no number: refused, naming the line and column, with an example.
    const wrong = await send(Buffer.from(`kode,tanggal,fisik\n${a!.code},31/11/2026,abc\n`), 'text/csv');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues.map((x: { field: string; issue: string }) => `${x.field} ${x.issue}`)).toEqual(
      ['line 2, column tanggal date_typed', 'line 2, column fisik not_a_number'],
    );
    expect(wrong.json().detail).toContain(
      'baris 2, kolom tanggal: harus tanggal, mis. 17/08/2026 atau 17 Agustus 2026',
    );
    // A report that lowers the spending names the earlier report's date in words.
    const lower = `kode,tanggal,fisik,${spent[0]}\n${a!.code},${formatDate(today)},"${formatNumber(physical, 1)}",0\n`;
    const refused = (await send(Buffer.from(lower), 'text/csv')).json();
    expect(refused.issues[0].issue).toBe('spending_backwards');
    expect(refused.issues[0].field).toMatch(/^line 2, column realisasi_/);
    expect(refused.detail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('stands every project on the office’s day: after 17:00 UTC that is already the next day in WIB', async () => {
    // 01:00 WIB on 7 December. A report dated that day was taken for one in the future (the list's
    // day was UTC's), and a report typed in then was not shown as waiting for verification.
    const late = { ...t.ctx, clock: () => new Date('2026-12-06T18:00:00Z') };
    expect((await projectItems(late, {})).on).toBe('2026-12-07');
    const early = { ...t.ctx, clock: () => new Date('2026-12-06T16:59:00Z') };
    expect((await projectItems(early, {})).on).toBe('2026-12-06');
  });
});

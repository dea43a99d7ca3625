import { computeIndex, idm2016, indeksDesa2024, indicatorsOf } from '@sinergi/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { findScheme } from './schemes.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const load = (scheme: unknown) =>
  call(t.app, admin, { method: 'POST', url: '/api/index/schemes', payload: scheme });
const variant = (patch: (s: typeof idm2016) => void) => {
  const s = structuredClone(idm2016);
  patch(s);
  return s;
};

describe('index scheme versions loaded by an admin', () => {
  it('loads a kabupaten version of IDM with its own routing, and scores with it', async () => {
    const local = variant((s) => {
      s.version = '2025-blitar';
      const bank = s.dimensions[1]!.indicators.find((i) => i.code === 'IKE07_BANK_BPR')!;
      bank.actor = 'kabupaten';
      bank.organisations = ['DISKOPUM'];
    });
    const res = await load(local);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id: 'idm-2016@2025-blitar', builtIn: false, indicators: 50 });
    const list = (await t.app.inject({ method: 'GET', url: '/api/index/schemes' })).json().items;
    expect(list.map((s: { id: string }) => s.id)).toEqual([
      'idm-2016@2024',
      'indeks-desa-2024@2025-draft',
      'idm-2016@2025-blitar',
    ]);
    const scheme = await findScheme(t.ctx, 'idm-2016@2025-blitar');
    expect(indicatorsOf(scheme!).find((i) => i.code === 'IKE07_BANK_BPR')!.organisations).toEqual([
      'DISKOPUM',
    ]);
    const scores = Object.fromEntries(indicatorsOf(idm2016).map((i) => [i.code, 4]));
    expect(computeIndex(scheme!, scores).value).toBeCloseTo(0.8, 10);
    expect((await load(local)).statusCode).toBe(409);
  });

  it('names the field of a malformed scheme', async () => {
    const bad = variant((s) => {
      s.version = 'x1';
      (s.dimensions[0]!.indicators[0] as { actor: string }).actor = 'bupati';
    });
    const res = await load(bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('body.dimensions.0.indicators.0.actor');
  });

  it('refuses an inconsistent scheme: duplicate codes, thresholds out of order', async () => {
    const dup = variant((s) => {
      s.version = 'x2';
      s.dimensions[0]!.indicators[1]!.code = s.dimensions[0]!.indicators[0]!.code;
      s.statuses[3]!.above = 0.5;
    });
    const res = await load(dup);
    expect(res.statusCode).toBe(400);
    const issues = res.json().issues.map((i: { field: string; issue: string }) => `${i.field} ${i.issue}`);
    expect(issues).toContain('scheme.dimensions.0.indicators.1.code duplicate');
    expect(issues).toContain('scheme.statuses.3.above thresholds_not_ascending');
    const list = (await t.app.inject({ method: 'GET', url: '/api/index/schemes' })).json().items;
    expect(list.map((s: { id: string }) => s.id)).not.toContain('idm-2016@x2');
  });

  it('lists Indeks Desa 2024 as built in, with its unconfirmed parts and their notes', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/index/schemes' })).json().items;
    expect(list.find((s: { schemeId: string }) => s.schemeId === 'indeks-desa-2024')).toMatchObject({
      builtIn: true,
      indicators: 48,
      unconfirmed: expect.arrayContaining(['aggregation', 'thresholds']),
    });
    const full = await t.app.inject({ method: 'GET', url: '/api/index/schemes/indeks-desa-2024' });
    expect(full.statusCode).toBe(200);
    expect(full.json().aggregation).toEqual({ kind: 'geometric-mean', scale: 100 });
    expect(full.json().notes.thresholds.id).toMatch(/belum dipastikan/);
    expect((await t.app.inject({ method: 'GET', url: '/api/index/schemes/nope-nope' })).statusCode).toBe(404);
  });

  const workbookOf = async (id: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/index/schemes/${id}/scheme.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb;
  };
  const upload = async (wb: ExcelJS.Workbook, fileName = 'skema.xlsx') =>
    call(t.app, admin, {
      method: 'POST',
      url: `/api/index/schemes/xlsx?fileName=${fileName}`,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
    });
  const setProp = (wb: ExcelJS.Workbook, key: string, value: string | number) => {
    wb.getWorksheet('skema')!.eachRow((row) => {
      if (row.getCell(1).value === key) row.getCell(2).value = value;
    });
  };

  it('round-trips a scheme through its workbook: export, change the version and a weight, load back', async () => {
    const wb = await workbookOf('indeks-desa-2024');
    setProp(wb, 'version', '2025-bobot');
    setProp(wb, 'aggregation', 'weighted-sum');
    const dims = wb.getWorksheet('dimensi')!;
    dims.eachRow((row, n) => {
      if (n > 1) row.getCell(3).value = n === 2 ? 3 : 1;
    });
    const res = await upload(wb);
    expect(res.statusCode, res.body).toBe(201);
    const loaded = (
      await t.app.inject({ method: 'GET', url: '/api/index/schemes/indeks-desa-2024@2025-bobot' })
    ).json();
    expect(loaded.aggregation).toEqual({
      kind: 'weighted-sum',
      scale: 100,
      weights: { LD: 3, SOS: 1, EKO: 1, LING: 1, AKS: 1, TKPD: 1 },
    });
    expect({ ...loaded, version: indeksDesa2024.version, aggregation: indeksDesa2024.aggregation }).toEqual(
      indeksDesa2024,
    );
    // IDM with its rubrics survives the round trip unchanged.
    const idm = await workbookOf('idm-2016');
    setProp(idm, 'version', '2024-copy');
    expect((await upload(idm)).statusCode).toBe(201);
    const copy = (await t.app.inject({ method: 'GET', url: '/api/index/schemes/idm-2016@2024-copy' })).json();
    expect({ ...copy, version: idm2016.version }).toEqual(idm2016);
  });

  it('names the sheet, line and column of a bad workbook, and loads nothing', async () => {
    const wb = await workbookOf('idm-2016');
    setProp(wb, 'version', '2024-bad');
    wb.getWorksheet('indikator')!.getRow(3).getCell(5).value = 'bupati';
    wb.getWorksheet('rubrik')!.getRow(2).getCell(6).value = 9;
    const res = await upload(wb);
    expect(res.statusCode).toBe(400);
    const fields = res.json().issues.map((i: { field: string }) => i.field);
    expect(fields).toContain('sheet indikator, line 3, column pelaku');
    const notXlsx = await call(t.app, admin, {
      method: 'POST',
      url: '/api/index/schemes/xlsx?fileName=skema.xlsx',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: Buffer.from('not a workbook'),
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().issues[0]).toMatchObject({ field: 'file', issue: 'not_xlsx' });
    const list = (await t.app.inject({ method: 'GET', url: '/api/index/schemes' })).json().items;
    expect(list.map((s: { id: string }) => s.id)).not.toContain('idm-2016@2024-bad');
  });
});

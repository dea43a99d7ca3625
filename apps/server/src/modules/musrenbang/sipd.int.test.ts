import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { sipdColumnOf } from './sipd.layout.ts';

let a: TestApp;
let b: TestApp;
const sa: Record<string, Session> = {};
let sb: Session;
beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp();
  for (const u of ['perencana', 'desa.jaten', 'kec.wonodadi', 'opd.dpupr', 'dprd'])
    sa[u] = await login(a.app, u);
  sb = await login(b.app, 'perencana');
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const year = new Date().getFullYear() + 3;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const rowsOf = async (data: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
};

describe('SIPD layout', () => {
  it('round-trips: export, import into another Sinergi, export again gives the same rows; again changes nothing', async () => {
    const dpupr = (await a.app.inject({ method: 'GET', url: '/api/organisations' }))
      .json()
      .items.find((o: { code: string }) => o.code === 'DPUPR').id;
    const base = {
      track: 'musrenbang',
      bidang: 'infrastruktur',
      regionCode: '35.05.01.2001',
      organisationId: dpupr,
      rt: '03',
      rw: '01',
      volume: 250,
      unit: 'meter',
      estimatedCost: 112_500_000,
      communityContribution: 3_000_000,
      beneficiaries: 300,
      planYear: year,
      proposerName: 'Warga RW 01',
    };
    const make = async (who: string, body: Record<string, unknown>) =>
      (
        await call(a.app, sa[who]!, { method: 'POST', url: '/api/proposals', payload: { ...base, ...body } })
      ).json();
    const decide = (who: string, id: string, d: unknown) =>
      call(a.app, sa[who]!, { method: 'POST', url: `/api/proposals/${id}/decisions`, payload: d });
    const funded = await make('desa.jaten', { title: 'Jalan usaha tani Jaten' });
    await decide('desa.jaten', funded.id, { kind: 'teruskan' });
    await decide('kec.wonodadi', funded.id, { kind: 'teruskan' });
    await decide('opd.dpupr', funded.id, { kind: 'teruskan', note: 'Sesuai Renja 2027' });
    await decide('perencana', funded.id, { kind: 'teruskan' });
    const rejected = await make('desa.jaten', { title: 'Gapura batas desa', bidang: 'sosial_budaya' });
    await decide('desa.jaten', rejected.id, { kind: 'teruskan' });
    await decide('kec.wonodadi', rejected.id, {
      kind: 'tolak',
      reason: 'tidak_sesuai_prioritas',
      note: 'Bukan prioritas 2027',
    });
    await make('dprd', {
      track: 'pokir',
      title: 'Bantuan pompa air kelompok tani',
      electoralDistrict: 'Dapil 2',
    });

    const first = await call(a.app, sa.dprd!, {
      method: 'GET',
      url: `/api/proposals/sipd.xlsx?year=${year}`,
    });
    expect(first.statusCode).toBe(200);
    const rows = await rowsOf(first.rawPayload);
    // A title naming the document above a header of SIPD's column titles, words in the cells.
    expect(rows[0]![0]).toBe(`Usulan tahun ${year} dalam susunan SIPD`);
    const headerRow = rows.find((r) => r[0] === 'Kode Lacak')!;
    expect(headerRow).toContain('Rekomendasi Lurah/Kepala Desa');
    const header = headerRow.map((h) => sipdColumnOf(h));
    const at = (r: string[], c: string) => r[header.indexOf(c as never)];
    const fundedRow = rows.find((r) => at(r, 'usulan') === 'Jalan usaha tani Jaten')!;
    expect(at(fundedRow, 'rek_lurah_kades')).toBe('Disetujui');
    expect(at(fundedRow, 'rek_skpd')).toBe('Disetujui');
    expect(at(fundedRow, 'catatan_skpd')).toBe('Sesuai Renja 2027');
    expect(at(fundedRow, 'rek_mitra')).toBe('Disetujui');
    expect(at(fundedRow, 'tahap')).toBe('RKPD');
    expect(at(fundedRow, 'status_akhir')).toBe('Dalam proses');
    expect(at(fundedRow, 'bidang')).toBe('Infrastruktur dan kewilayahan');
    const rejectedRow = rows.find((r) => at(r, 'usulan') === 'Gapura batas desa')!;
    expect(at(rejectedRow, 'rek_camat')).toBe('Ditolak');
    expect(at(rejectedRow, 'catatan_camat')).toBe('Tidak sesuai prioritas pembangunan: Bukan prioritas 2027');
    expect(at(rejectedRow, 'status_akhir')).toBe('Ditolak');
    expect(at(rejectedRow, 'bidang')).toBe('Sosial budaya');
    const total = rows.find((r) => r[0] === 'Jumlah')!;
    expect(Number(at(total, 'anggaran'))).toBe(3 * 112_500_000);

    const upload = (app: TestApp, s: Session, data: Buffer) =>
      call(app.app, s, {
        method: 'POST',
        url: '/api/proposals/import/sipd',
        headers: { 'content-type': XLSX },
        payload: data,
      });
    const imported = await upload(b, sb, first.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ rows: 3, created: 3, unchanged: 0 });
    const second = await call(b.app, sb, { method: 'GET', url: `/api/proposals/sipd.xlsx?year=${year}` });
    const again = await rowsOf(second.rawPayload);
    const sort = (r: string[][]) => [...r].sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
    expect(sort(again)).toEqual(sort(rows));
    expect((await upload(b, sb, second.rawPayload)).json()).toEqual({ rows: 3, created: 0, unchanged: 3 });
    // The imported proposal tells its history, step by step.
    const tracked = (
      await b.app.inject({ method: 'GET', url: `/api/track/${at(rejectedRow, 'kode_lacak')}` })
    ).json();
    expect(tracked.state).toBe('ditolak');
    expect(tracked.events.map((e: { kind: string }) => e.kind)).toEqual(['dibuat', 'teruskan', 'tolak']);
    expect(tracked.events[2]).toMatchObject({
      reason: 'tidak_sesuai_prioritas',
      note: 'Bukan prioritas 2027',
    });
  });

  it('reads a workbook number as it holds it and a number typed as text the Indonesian way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Usulan');
    ws.addRow([
      'jenis_usulan',
      'tahun',
      'usulan',
      'kode_desa',
      'koefisien',
      'satuan',
      'anggaran',
      'swadaya',
      'penerima_manfaat',
      'pengusul',
      'rek_lurah_kades',
    ]);
    // 2.125 held as a number (not 2125); amounts typed as text, with dots grouping.
    ws.addRow([
      'Musrenbang',
      year,
      'Saluran irigasi Dusun Krajan',
      '35.05.01.2001',
      2.125,
      'km',
      'Rp60.000.000',
      '1.500.000',
      '1.200',
      'Warga',
      'Disetujui',
    ]);
    const res = await call(b.app, sb, {
      method: 'POST',
      url: '/api/proposals/import/sipd',
      headers: { 'content-type': XLSX },
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await call(b.app, sb, { method: 'GET', url: '/api/proposals?q=Dusun%20Krajan' })).json();
    const saved = (
      await call(b.app, sb, { method: 'GET', url: `/api/proposals/${list.items[0].id}` })
    ).json();
    expect(saved).toMatchObject({
      volume: 2.125,
      estimatedCost: 60_000_000,
      communityContribution: 1_500_000,
      beneficiaries: 1200,
    });
  });

  it('refuses a bad file whole, naming line and column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Usulan');
    ws.addRow([
      'jenis_usulan',
      'tahun',
      'usulan',
      'kode_desa',
      'koefisien',
      'satuan',
      'anggaran',
      'pengusul',
      'rek_lurah_kades',
      'rek_camat',
    ]);
    ws.addRow([
      'Musrenbang',
      year,
      'Sumur bor dusun Krajan',
      '35.05.01.2001',
      1,
      'unit',
      60_000_000,
      'Warga',
      'Disetujui',
      'Disetujui',
    ]);
    ws.addRow(['Hibah', year, 'Sum', '35.06.01.2001', 'satu', 'unit', 1.5, 'Warga', 'Ditolak', 'Disetujui']);
    const res = await call(b.app, sb, {
      method: 'POST',
      url: '/api/proposals/import/sipd',
      headers: { 'content-type': XLSX },
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string; issue: string }) => `${i.field} ${i.issue}`)).toEqual([
      'line 3, column jenis_usulan invalid_value',
      'line 3, column usulan too_short_text',
      'line 3, column kode_desa not_a_desa_here',
      'line 3, column koefisien not_a_number',
      'line 3, column anggaran rupiah',
      'line 3, column rek_camat recommendation_order',
    ]);
    const list = (await call(b.app, sb, { method: 'GET', url: `/api/proposals?q=Sumur` })).json();
    expect(list.total).toBe(0);
  });
});

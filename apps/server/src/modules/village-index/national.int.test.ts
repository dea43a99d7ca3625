import { idm2016, statusOf } from '@sinergi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/harness.ts';

/**
 * The nation's IDM dashboard (issue 22, part 6): after a national file of a year is imported,
 * Blitar is shown beside Jawa Timur and Indonesia, with a row per province, summed from the rows.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rows: [code: string, value: number][] = [
  ['3505012001', 0.62],
  ['3505012002', 0.7],
  ['3506012001', 0.83],
  ['3506012002', 0.55],
  ['1101012001', 0.45],
  ['1101012002', 0.52],
  ['1101012003', 0.66],
];

function nationalFile(year: number) {
  const header = `KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_${year},IKE_${year},IKL_${year},NILAI_IDM_${year},STATUS_IDM_${year}`;
  const lines = rows.map(([code, v]) =>
    [
      code.slice(0, 2),
      'P',
      code.slice(0, 4),
      'K',
      code.slice(0, 6),
      'C',
      code,
      'D',
      v,
      v,
      v,
      v,
      statusOf(idm2016, v).code,
    ].join(','),
  );
  return Buffer.from([header, ...lines].join('\n'));
}

const national = async (query = '') =>
  (await t.app.inject({ method: 'GET', url: `/api/index/national${query}` })).json();

describe('the nation’s IDM dashboard', () => {
  it('has nothing to show before a national file is imported', async () => {
    expect(await national()).toEqual({ year: null, nation: null, province: null, own: null, provinces: [] });
  });

  it('shows Blitar beside Jawa Timur and Indonesia once one is, to anyone', async () => {
    const perencana = await login(t.app, 'perencana');
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/index/imports/composites?fileName=idm-nasional-2030.csv',
      headers: { cookie: perencana.cookie, 'x-csrf-token': perencana.csrf, 'content-type': 'text/csv' },
      payload: nationalFile(2030),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const n = await national();
    expect(n.year).toBe(2030);
    const mean = (vs: number[]) => vs.reduce((a, b) => a + b, 0) / vs.length;
    expect(n.nation).toMatchObject({ code: '', name: 'Indonesia', desa: 7 });
    expect(n.nation.mean).toBeCloseTo(mean(rows.map((r) => r[1])), 10);
    expect(n.province).toMatchObject({ code: '35', name: 'Jawa Timur', desa: 4 });
    expect(n.province.mean).toBeCloseTo(mean([0.62, 0.7, 0.83, 0.55]), 10);
    expect(n.own).toMatchObject({ code: '35.05', name: 'Kabupaten Blitar', desa: 2 });
    expect(n.own.mean).toBeCloseTo(0.66, 10);
    expect(n.own.counts).toEqual({
      'SANGAT TERTINGGAL': 0,
      TERTINGGAL: 0,
      BERKEMBANG: 2,
      MAJU: 0,
      MANDIRI: 0,
    });
    expect(
      n.provinces.map((p: { code: string; name: string; desa: number }) => [p.code, p.name, p.desa]),
    ).toEqual([
      ['11', 'Aceh', 3],
      ['35', 'Jawa Timur', 4],
    ]);
    expect(n.provinces[0].counts).toEqual({
      'SANGAT TERTINGGAL': 1,
      TERTINGGAL: 1,
      BERKEMBANG: 1,
      MAJU: 0,
      MANDIRI: 0,
    });
  });

  it("answers for a year asked: Blitar's own official 2024 is all of that year's nation", async () => {
    const n = await national('?year=2024');
    expect(n.year).toBe(2024);
    expect(n.own.desa).toBe(220);
    expect(n.nation.desa).toBe(220);
    expect(n.provinces).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/index/national?year=20x' })).statusCode).toBe(400);
  });
});

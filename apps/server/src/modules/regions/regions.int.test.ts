import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('regions', () => {
  // Kepmendagri 300.2.2-2138/2025 as carried by idn-area-data 4.0.1: 7,285 kecamatan and 83,762
  // desa/kelurahan (the 2022 edition in idn-area-data 3.x had 83,763).
  it('holds all of Indonesia: 38 provinces, 514 kabupaten/kota, 7,285 kecamatan, 83,762 desa/kelurahan', async () => {
    const provinces = (await get('/api/regions')).json().items;
    expect(provinces).toHaveLength(38);
    expect(provinces.reduce((s: number, p: { childCount: number }) => s + p.childCount, 0)).toBe(514);
    const totals = await t.ctx.database.db.execute(
      'select level, count(*)::int as n from regions group by level order by level' as never,
    );
    const rows = (totals as unknown as { rows: { level: number; n: number }[] }).rows;
    expect(rows.find((r) => r.level === 4)?.n).toBe(83_762);
    expect(rows.find((r) => r.level === 3)?.n).toBe(7_285);
    expect(rows.find((r) => r.level === 1)?.n).toBe(38);
  });

  it('knows Kabupaten Blitar: 22 kecamatan, 220 desa, 28 kelurahan', async () => {
    const res = await get('/api/regions/35.05');
    expect(res.statusCode).toBe(200);
    const kab = res.json();
    expect(kab.name).toBe('Kabupaten Blitar');
    expect(kab.kind).toBe('kabupaten');
    expect(kab.counts).toEqual({ kecamatan: 22, desa: 220, kelurahan: 28 });
    expect(kab.children).toHaveLength(22);
    expect(kab.ancestors.map((a: { code: string }) => a.code)).toEqual(['35']);
  });

  it('fetches a desa with its ancestors outermost first and no children', async () => {
    const desa = (await get('/api/regions/35.05.01.2001')).json();
    expect(desa).toMatchObject({
      name: 'Jaten',
      level: 'desa',
      kind: 'desa',
      parentCode: '35.05.01',
      hasBoundary: true,
    });
    expect(desa.ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Jawa Timur',
      'Kabupaten Blitar',
      'Wonodadi',
    ]);
    expect(desa.children).toEqual([]);
  });

  it('ranks an exact name inside the kabupaten first and shows the path', async () => {
    const items = (await get('/api/regions/search?q=jaten&within=35.05')).json().items;
    expect(items[0]).toMatchObject({
      code: '35.05.01.2001',
      path: 'Jawa Timur › Kabupaten Blitar › Wonodadi',
    });
  });

  it('ranks name equality before prefix before substring, case-insensitively', async () => {
    const items = (await get('/api/regions/search?q=BLITAR&limit=10')).json().items;
    const names = items.map((i: { name: string }) => i.name);
    // Two desa/kelurahan are named exactly "Blitar"; they come before "Kabupaten Blitar" and "Kota Blitar".
    expect(names.slice(0, 2)).toEqual(['Blitar', 'Blitar']);
    expect(names).toContain('Kabupaten Blitar');
    expect(names).toContain('Kota Blitar');
  });

  it('finds by code prefix', async () => {
    const items = (await get('/api/regions/search?q=35.05.01&level=desa&limit=50')).json().items;
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((i: { code: string }) => i.code.startsWith('35.05.01.'))).toBe(true);
  });

  it('treats % and _ in a search as letters, not wildcards', async () => {
    const res = await get('/api/regions/search?q=%25%25');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it('serves GeoJSON of the 22 kecamatan and 248 desa/kelurahan of the active kabupaten', async () => {
    const kec = (await get('/api/regions/boundaries?level=kecamatan')).json();
    const desa = (await get('/api/regions/boundaries?level=desa')).json();
    expect(kec.type).toBe('FeatureCollection');
    expect(kec.features).toHaveLength(22);
    expect(desa.features).toHaveLength(248);
    expect(desa.features[0].properties).toMatchObject({
      code: '35.05.01.2001',
      name: 'Jaten',
      parentCode: '35.05.01',
    });
    expect(['Polygon', 'MultiPolygon']).toContain(desa.features[0].geometry.type);
  });

  it('answers a malformed code with 400 naming the field, in Indonesian by default', async () => {
    const res = await get('/api/regions/35-05');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().issues[0]).toMatchObject({ field: 'params.code', issue: 'region_code' });
    expect(res.json().detail).toContain('kode wilayah');
  });

  it('answers an unknown code with 404 and a too-short search with 400', async () => {
    expect((await get('/api/regions/99.99')).statusCode).toBe(404);
    const short = await get('/api/regions/search?q=a');
    expect(short.statusCode).toBe(400);
    expect(short.json().issues[0].field).toBe('query.q');
  });

  it('records the edition the list comes from, active', async () => {
    const editions = (await get('/api/regions/editions')).json().items;
    expect(editions).toHaveLength(1);
    expect(editions[0]).toMatchObject({ isActive: true, regionCount: 91_599 });
    expect(editions[0].title).toContain('300.2.2-2138');
  });
});

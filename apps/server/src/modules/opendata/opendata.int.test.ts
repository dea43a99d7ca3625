import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appWithAccounts } from '../../../test/harness.ts';

/** Open data (issue 21): what a citizen downloads and what a Satu Data harvester reads. */
const h = appWithAccounts([]);
const get = (url: string, headers: Record<string, string> = {}) =>
  h.t.app.inject({ method: 'GET', url, headers });

describe('open datasets', () => {
  it('lists every public table with its dictionary, licence and version, to anyone', async () => {
    const res = await get('/api/data');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((d: { id: string }) => d.id)).toEqual([
      'indeks-desa-membangun',
      'usulan-publik',
      'proyek',
      'kemiskinan',
      'komitmen-mitra',
      'target-rencana',
      'seri-statistik',
      'kemiskinan-kecamatan',
      'hasil-anggaran-partisipatif',
      'industri-dan-emisi',
      'sentra-ikm',
    ]);
    for (const d of items) {
      expect(d.licence.id).toBe('cc-by');
      expect(d.version).toMatch(/^[0-9a-f]{12}$/);
      // No participatory-budgeting vote is counted in a new installation: that one is empty.
      if (d.id !== 'hasil-anggaran-partisipatif') expect(d.rows).toBeGreaterThan(0);
      for (const c of d.columns) expect(c.description.length).toBeGreaterThan(2);
    }
    // The real IDM of Blitar's 220 desa, for each year of the series.
    const idm = items[0];
    expect(idm.rows % 220).toBe(0);
    expect(idm.publisher).toBe('Pemerintah Kabupaten Blitar');
    const english = (await get('/api/data', { 'x-language': 'en' })).json().items[0];
    expect(english.title).toBe('Village Development Index by desa');
  });

  it('gives the same rows as CSV, JSON and XLSX (with the dictionary), in the dictionary’s columns', async () => {
    const meta = (await get('/api/data/usulan-publik')).json();
    const json = (await get('/api/data/usulan-publik/json')).json();
    expect(json.records).toHaveLength(meta.rows);
    expect(Object.keys(json.records[0])).toEqual(meta.columns.map((c: { name: string }) => c.name));
    // Nothing about the proposer reaches open data.
    expect(JSON.stringify(json.records)).not.toMatch(/proposer|contact|rt_rw/i);
    const csvRes = await get('/api/data/usulan-publik/csv');
    expect(csvRes.headers['content-type']).toContain('text/csv');
    const rows = parse(csvRes.rawPayload.toString('utf8'), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(meta.rows);
    expect(rows[0]!.kode_lacak).toBe(json.records[0].kode_lacak);
    expect(Number(rows[0]!.perkiraan_biaya)).toBe(json.records[0].perkiraan_biaya);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await get('/api/data/usulan-publik/xlsx')).rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['data', 'kamus data']);
    // Two title lines, a blank line, the header, then the rows.
    expect(book.getWorksheet('data')!.rowCount).toBe(meta.rows + 4);
    expect(book.getWorksheet('kamus data')!.getCell('A5').value).toBe('kode_lacak');
    // Projects say which rows are the demo's samples.
    const projects = (await get('/api/data/proyek/json')).json();
    expect(projects.records.every((r: { data_contoh: boolean }) => r.data_contoh === true)).toBe(true);
  });

  it('answers an unknown dataset or format with a clear 404 or 400', async () => {
    expect((await get('/api/data/tidak-ada')).statusCode).toBe(404);
    const bad = await get('/api/data/proyek/pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('params.format');
  });
});

describe('the CKAN API and the DCAT catalogue', () => {
  it('answers package_list, package_show and package_search as CKAN does', async () => {
    const list = (await get('/api/3/action/package_list')).json();
    expect(list).toMatchObject({ success: true });
    expect(list.result).toContain('indeks-desa-membangun');
    const show = (await get('/api/3/action/package_show?id=proyek')).json().result;
    expect(show).toMatchObject({ name: 'proyek', license_id: 'cc-by', num_resources: 3 });
    expect(show.resources.map((r: { format: string }) => r.format)).toEqual(['CSV', 'XLSX', 'JSON']);
    const fetched = await get(new URL(show.resources[0].url).pathname);
    expect(fetched.statusCode).toBe(200);
    const search = (await get('/api/3/action/package_search?q=kemiskinan&rows=5')).json().result;
    expect(search.count).toBe(2);
    expect(search.results.map((r: { name: string }) => r.name).sort()).toEqual([
      'kemiskinan',
      'kemiskinan-kecamatan',
    ]);
    expect((await get('/api/3/action/package_search?q=*:*')).json().result.count).toBe(11);
    expect((await get('/api/3/action/package_show?id=tidak-ada')).statusCode).toBe(404);
  });

  it('pages records through datastore_search with their fields and the total', async () => {
    const page = (
      await get('/api/3/action/datastore_search?resource_id=indeks-desa-membangun.json&limit=5&offset=10')
    ).json().result;
    expect(page.records).toHaveLength(5);
    expect(page.fields.find((f: { id: string }) => f.id === 'idm').type).toBe('numeric');
    expect(page.total % 220).toBe(0);
    const found = (
      await get('/api/3/action/datastore_search?resource_id=indeks-desa-membangun&q=Jaten&limit=100')
    ).json().result;
    expect(found.total).toBeGreaterThan(0);
    expect(found.records.every((r: { desa: string }) => r.desa === 'Jaten')).toBe(true);
  });

  it('lists the catalogue as DCAT-AP JSON-LD, each dataset with its three distributions', async () => {
    const res = await get('/api/data/catalog.jsonld');
    expect(res.headers['content-type']).toContain('application/ld+json');
    const catalog = res.json();
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    expect(catalog['dcat:dataset']).toHaveLength(11);
    const d = catalog['dcat:dataset'][0];
    expect(d['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(d['dcat:distribution'].map((x: { 'dct:format': string }) => x['dct:format'])).toEqual([
      'CSV',
      'XLSX',
      'JSON',
    ]);
  });

  it('publishes plan targets with the registry behind the RPIK, and industry totals that name no business', async () => {
    const targets = (await get('/api/data/target-rencana/json')).json().records as Record<string, unknown>[];
    const rpik = targets.filter((r) => r.jenis_rencana === 'RPIK' && r.realisasi !== null);
    expect(rpik.length).toBeGreaterThan(0);
    expect(rpik.every((r) => /Registri industri/.test(String(r.sumber_realisasi)))).toBe(true);
    const series = (await get('/api/data/seri-statistik/json')).json().records as Record<string, unknown>[];
    expect(series.some((r) => r.indikator === 'persentase_penduduk_miskin_P0')).toBe(true);
    const totals = (await get('/api/data/industri-dan-emisi/json')).json().records as Record<
      string,
      unknown
    >[];
    const withheld = totals.filter((r) => r.ditahan);
    for (const r of totals) {
      if (r.jumlah_usaha !== null && (r.jumlah_usaha as number) < 3) expect(r.ditahan).toBe(true);
      if (r.ditahan) expect([r.nilai_produksi, r.emisi_t_co2e, r.tenaga_kerja]).toEqual([null, null, null]);
    }
    // Never exactly one withheld cell in a year's table, which subtraction from the total would open.
    const perTable = new Map<string, number>();
    for (const r of withheld)
      perTable.set(`${r.tahun}|${r.menurut}`, (perTable.get(`${r.tahun}|${r.menurut}`) ?? 0) + 1);
    for (const n of perTable.values()) expect(n).not.toBe(1);
    const all = totals.filter((r) => r.menurut === 'semua');
    const byKec = totals.filter((r) => r.menurut === 'kecamatan' && r.tahun === all[0]!.tahun);
    expect(byKec.reduce((s, r) => s + (r.jumlah_usaha as number), 0)).toBe(all[0]!.jumlah_usaha);
    const csv = (await get('/api/data/industri-dan-emisi/csv')).body;
    expect(csv).not.toMatch(/\(contoh\)|UD /);
  });
});

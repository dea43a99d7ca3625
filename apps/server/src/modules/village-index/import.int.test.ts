import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idm2024Indicators, rumusanOf } from '../../../../../packages/core/src/village-index/fixtures.ts';
import { call, createTestApp, login, type TestApp } from '../../../test/harness.ts';
import { systemPrincipal } from '../../context.ts';
import { importCompositesFile } from './village-index.import.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const root = new URL('../../../../../', import.meta.url).pathname;
const official = readFileSync(`${root}reference-data/idm/idm_kab_blitar_2023_2024.csv`, 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','));

/** The 220 desa in Kemendesa's national layout, codes without dots as Kemendesa writes them. */
function kemendesaFile(year: number, from: 2023 | 2024, edit?: (cells: string[]) => string[]) {
  const header = `KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_${year},IKE_${year},IKL_${year},NILAI_IDM_${year},STATUS_IDM_${year}`;
  const o = from === 2023 ? 4 : 9;
  const lines = official.map((c) => {
    const row = [
      '35',
      'JAWA TIMUR',
      '3505',
      'BLITAR',
      c[2]!.replaceAll('.', ''),
      c[3]!,
      c[0]!.replaceAll('.', ''),
      c[1]!,
      c[o + 1]!,
      c[o + 2]!,
      c[o + 3]!,
      c[o]!,
      c[o + 4]!,
    ];
    return (edit ? edit(row) : row).join(',');
  });
  return Buffer.from([header, ...lines].join('\n'));
}

const auditCount = async () => {
  const admin = await login(t.app, 'admin');
  return (await call(t.app, admin, { method: 'GET', url: '/api/audit?entity=village_index' })).json()
    .total as number;
};

describe("import of Kemendesa's yearly composites file", () => {
  const importFile = (data: Buffer, fileName: string) =>
    importCompositesFile(t.ctx, systemPrincipal, data, fileName);

  it('adds a year, and importing the same file again changes nothing', async () => {
    const first = await importFile(kemendesaFile(2022, 2023), 'idm2022.csv');
    expect(first).toMatchObject({ year: 2022, rows: 220, changed: 220 });
    const again = await importFile(kemendesaFile(2022, 2023), 'idm2022.csv');
    expect(again).toMatchObject({ rows: 220, changed: 0 });
    const summary = (await t.app.inject({ method: 'GET', url: '/api/index/summary' })).json();
    expect(summary.years.map((y: { year: number }) => y.year)).toEqual([2022, 2023, 2024]);
  });

  it("takes a new year's file sent twice at once: one import adds it, the other finds it there", async () => {
    const file = kemendesaFile(2015, 2024);
    const both = await Promise.all([importFile(file, 'idm2015.csv'), importFile(file, 'idm2015.csv')]);
    expect(both.map((r) => r.changed).sort((a, b) => a - b)).toEqual([0, 220]);
    const summary = (await t.app.inject({ method: 'GET', url: '/api/index/summary' })).json();
    expect(summary.years.map((y: { year: number }) => y.year)).toContain(2015);
  });

  it('the official 2023 file equals what Sinergi already holds', async () => {
    const r = await importFile(kemendesaFile(2023, 2023), 'idm2023.csv');
    expect(r.changed).toBe(0);
  });

  it('refuses the whole file when one row is bad, naming line and column, and writes nothing', async () => {
    const before = await auditCount();
    const bad = kemendesaFile(2021, 2023, (c) =>
      c[6] === '3505012003' ? [...c.slice(0, 11), '1.7', c[12]!] : c,
    );
    await expect(importFile(bad, 'idm2021.csv')).rejects.toThrowError(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: expect.arrayContaining([{ field: 'line 4, column NILAI_IDM_2021', issue: 'ratio_range' }]),
      }),
    );
    const wrongStatus = kemendesaFile(2021, 2023, (c) =>
      c[6] === '3505012001' ? [...c.slice(0, 12), 'MANDIRI'] : c,
    );
    await expect(importFile(wrongStatus, 'x.csv')).rejects.toThrowError(
      expect.objectContaining({
        issues: [
          { field: 'line 2, column STATUS_IDM_2021', issue: 'status_mismatch', params: { expected: 'MAJU' } },
        ],
      }),
    );
    expect(await auditCount()).toBe(before);
    const summary = (await t.app.inject({ method: 'GET', url: '/api/index/summary' })).json();
    expect(summary.years.map((y: { year: number }) => y.year)).not.toContain(2021);
  });

  it('leaves nothing written when a row far down a large file is bad, after its first parts were loaded', async () => {
    // 8,000 desa (about 900 kB): the thread sends its first parts, which are COPYed, before it
    // reaches the last row. Once as a year's first import, once over a year already held.
    const big = (year: number, last: string) => {
      const header = `KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_${year},IKE_${year},IKL_${year},NILAI_IDM_${year},STATUS_IDM_${year}`;
      const lines = Array.from({ length: 8_000 }, (_, i) => {
        const code = `35${String(10 + (i % 80)).padStart(2, '0')}${String(10 + Math.floor(i / 80))
          .padStart(3, '0')
          .slice(-2)}${2001 + (i % 7)}`;
        return `35,"JAWA TIMUR, ""X""",3500,KAB,350001,KEC,${code},DESA ${i},0.8000,0.7,0.6,${i === 7_999 ? last : '0.75'},MAJU`;
      });
      return Buffer.from([header, ...lines].join('\r\n'));
    };
    const before = await auditCount();
    for (const year of [2019, 2022]) {
      const held = year === 2022 ? 220 : 0;
      const count = async () =>
        (
          await t.ctx.database.bulk((tx) =>
            tx.query<{ n: number }>(
              `select count(*)::int as n from village_index_results where year = ${year}`,
            ),
          )
        )[0]!.n;
      expect(await count()).toBe(held);
      await expect(importFile(big(year, '7'), 'national.csv')).rejects.toThrowError(
        expect.objectContaining({
          issues: [{ field: `line 8001, column NILAI_IDM_${year}`, issue: 'ratio_range' }],
        }),
      );
      expect(await count()).toBe(held);
    }
    expect(await auditCount()).toBe(before);
    const fine = await importFile(big(2019, '0.75'), 'national.csv');
    expect(fine).toMatchObject({ year: 2019, rows: 8_000, changed: 8_000 });
  });

  it('takes the file over HTTP as text/csv from the kabupaten, with every bad cell named', async () => {
    const perencana = await login(t.app, 'perencana');
    const upload = (body: Buffer, session = perencana) =>
      t.app.inject({
        method: 'POST',
        url: '/api/index/imports/composites?fileName=idm2020.csv',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'text/csv' },
        payload: body,
      });
    const ok = await upload(kemendesaFile(2020, 2023));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ year: 2020, rows: 220, changed: 220, file: 'idm2020.csv' });
    const bad = await upload(
      kemendesaFile(2019, 2023, (c) => (c[6] === '3505012002' ? [...c.slice(0, 6), 'X', ...c.slice(7)] : c)),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ field: 'line 3, column KODE_DESA', issue: 'region_code' });
    // The place in the file is named in the user's language.
    expect(bad.json().detail).toContain('baris 3, kolom KODE_DESA');
    // A header with no desa under it is refused, not recorded as an import of nothing.
    const headerOnly = await upload(Buffer.from(kemendesaFile(2018, 2023).toString().split('\n')[0]!));
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().issues).toEqual([
      { field: 'file', issue: 'empty_file', message: 'Berkas: berkas kosong' },
    ]);
    // A file the CSV reader cannot read is named by its line and column in the user's language,
    // with how to mend it, not by the reader's English sentence.
    const quoted = kemendesaFile(2019, 2023, (c) =>
      c[6] === '3505012002' ? [...c.slice(0, 7), 'JA"TEN', ...c.slice(8)] : c,
    );
    const stray = await upload(quoted);
    expect(stray.statusCode).toBe(400);
    expect(stray.json().issues).toEqual([
      {
        field: 'file',
        issue: 'csv_quote_inside',
        message: expect.stringMatching(
          /^Berkas: ada tanda kutip \("\) di tengah sel pada baris 3, kolom ke-8; apit sel/,
        ),
      },
    ]);
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/index/imports/composites?fileName=idm2019.csv',
      headers: {
        cookie: perencana.cookie,
        'x-csrf-token': perencana.csrf,
        'content-type': 'text/csv',
        'x-language': 'en',
      },
      payload: [...kemendesaFile(2019, 2023).toString().split('\n').slice(0, 3), '35,"open', '35,x'].join(
        '\n',
      ),
    });
    expect(english.json().issues[0].message).toBe('File: a quote opened on line 4 is never closed');
    const desa = await login(t.app, 'desa.jaten');
    expect((await upload(kemendesaFile(2019, 2023), desa)).statusCode).toBe(403);
  });

  it("imports the project's 50-indicator template as a year's results: same data changes nothing", async () => {
    const perencana = await login(t.app, 'perencana');
    const template = readFileSync(`${root}reference-data/idm/idm2024_indikator_kab_blitar.csv`);
    const upload = (year: number, body: Buffer, fileName = 'template.csv', type = 'text/csv') =>
      t.app.inject({
        method: 'POST',
        url: `/api/index/imports/template?year=${year}&fileName=${fileName}`,
        headers: { cookie: perencana.cookie, 'x-csrf-token': perencana.csrf, 'content-type': type },
        payload: body,
      });
    const same = await upload(2024, template);
    expect(same.statusCode).toBe(200);
    const headerOnly = await upload(2024, Buffer.from(template.toString().split(/\r?\n/)[0]!));
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().issues).toEqual([
      { field: 'file', issue: 'empty_file', message: 'Berkas: berkas kosong' },
    ]);
    expect(same.json()).toMatchObject({ year: 2024, rows: 220, changed: 0 });
    const older = await upload(2017, template);
    expect(older.json()).toMatchObject({ rows: 220, changed: 220 });
    const card = (await t.app.inject({ method: 'GET', url: '/api/index/desa/35.05.01.2001' })).json();
    expect(card.history.map((h: { year: number }) => h.year)).toContain(2017);
    const lines = template.toString('utf8').trim().split(/\r?\n/);
    const kelurahan = [lines[0], lines[1]!.replace('35.05.01.2001', '35.05.07.1001')].join('\n');
    const bad = await upload(2016, Buffer.from(kelurahan));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({
      field: 'line 2, column kode_desa',
      issue: 'not_a_desa_here',
    });
    const notXlsx = await upload(
      2016,
      Buffer.from('not a workbook'),
      'x.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().issues[0]).toMatchObject({ field: 'file', issue: 'not_xlsx' });
  });

  it("imports Kemendesa's per-desa rumusan files: all or none, idempotent, each problem named by file", async () => {
    const perencana = await login(t.app, 'perencana');
    const rows = idm2024Indicators.slice(0, 3);
    const fileOf = (
      row: Record<string, string>,
      year: number,
      edit?: (doc: ReturnType<typeof rumusanOf>) => void,
    ) => {
      const doc = rumusanOf(row);
      doc.mapData.SUMMARIES.TAHUN = year;
      edit?.(doc);
      return { fileName: `rumusan-${row.kode_desa}.json`, content: JSON.stringify(doc) };
    };
    const send = (files: unknown[]) =>
      call(t.app, perencana, { method: 'POST', url: '/api/index/imports/rumusan', payload: { files } });
    const first = await send(rows.map((r) => fileOf(r, 2018)));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ year: 2018, rows: 3, changed: 3 });
    expect((await send(rows.map((r) => fileOf(r, 2018)))).json()).toMatchObject({ rows: 3, changed: 0 });
    const card = (await t.app.inject({ method: 'GET', url: `/api/index/desa/${rows[0]!.kode_desa}` })).json();
    expect(card.history.find((h: { year: number }) => h.year === 2018).value).toBeCloseTo(
      Number(rows[0]!.idm_recomputed),
      4,
    );

    // One broken file among good ones: nothing is written, and each problem names its file.
    const bad = await send([
      fileOf(rows[0]!, 2019),
      fileOf(rows[1]!, 2019, (d) => {
        (d.mapData.ROW[0] as { SKOR: number }).SKOR = 9;
      }),
      { fileName: 'rusak.json', content: '{"ROW": [' },
      fileOf(rows[2]!, 2020),
    ]);
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().issues.map((i: { field: string; issue: string }) => `${i.field} ${i.issue}`);
    expect(fields).toEqual([
      `rumusan-${rows[1]!.kode_desa}.json: ROW 1 (NO 1), SKOR score_range`,
      'rusak.json: file not_json',
      `rumusan-${rows[2]!.kode_desa}.json: SUMMARIES.TAHUN other_year`,
    ]);
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/index/desa/${rows[0]!.kode_desa}` })
    ).json();
    expect(after.history.map((h: { year: number }) => h.year)).not.toContain(2019);
    const desa = await login(t.app, 'desa.jaten');
    const forbidden = await call(t.app, desa, {
      method: 'POST',
      url: '/api/index/imports/rumusan',
      payload: { files: [fileOf(rows[0]!, 2019)] },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

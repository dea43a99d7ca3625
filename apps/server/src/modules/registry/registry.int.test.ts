import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appWithAccounts } from '../../../test/harness.ts';
import { bodyRowsOf } from '../../../test/workbook.ts';

const h = appWithAccounts(['perencana', 'desa.jaten', 'kec.wonodadi', 'dprd', 'opd.dpupr', 'admin']);
const { as } = h;

describe('the registry keeps identities to those who need them', () => {
  it('a desa sees its own residents with NIK; the kecamatan and Bappeda see them masked; the DPRD not at all', async () => {
    const desa = (await as('desa.jaten', 'GET', '/api/people?limit=200')).json();
    expect(desa.total).toBeGreaterThanOrEqual(100);
    expect(desa.items.every((p: { regionCode: string }) => p.regionCode === '35.05.01.2001')).toBe(true);
    expect(desa.items[0].nik).toMatch(/^\d{16}$/);
    const kec = (await as('kec.wonodadi', 'GET', '/api/people?region=35.05.01.2001&limit=5')).json();
    expect(kec.items[0].nik).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect(kec.items[0].address).toBe('');
    const bappeda = (await as('perencana', 'GET', '/api/people?limit=5')).json();
    expect(bappeda.items[0].nik).toMatch(/\*{8}/);
    expect((await as('dprd', 'GET', '/api/people')).statusCode).toBe(403);
    // The export masks as the list does: the kecamatan's workbook holds no full NIK.
    const book = await as('kec.wonodadi', 'GET', '/api/people.xlsx?region=35.05.01.2001');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book.rawPayload as unknown as ArrayBuffer);
    const nikCells = bodyRowsOf(wb.getWorksheet('Penduduk')!).map((r) => r[0] as string);
    expect(nikCells.length).toBeGreaterThan(50);
    expect(nikCells.every((v) => /^\d{4}\*{8}\d{4}$/.test(v))).toBe(true);
    // A desa never reads another desa's people, by list or by id.
    expect((await as('desa.jaten', 'GET', '/api/people?region=35.05.01.2002')).statusCode).toBe(403);
    const elsewhere = (await as('perencana', 'GET', '/api/people?region=35.05.02&limit=1')).json().items[0];
    expect((await as('desa.jaten', 'GET', `/api/people/${elsewhere.id}`)).statusCode).toBe(404);
    // Every read is in the audit log, with no NIK in it.
    const nik = desa.items[0].nik as string;
    await as('desa.jaten', 'GET', `/api/people/${desa.items[0].id}`);
    const audit = await h.t.ctx.database.bulk((tx) =>
      tx.query<{ n: number; leaks: number }>(
        `select count(*) filter (where action = 'person.read')::int as n,
                count(*) filter (where coalesce(after::text, '') like '%${nik}%' or coalesce(before::text, '') like '%${nik}%')::int as leaks
         from audit_log`,
      ),
    );
    expect(audit[0]!.n).toBeGreaterThanOrEqual(1);
    expect(audit[0]!.leaks).toBe(0);
  });

  it('registers a resident once per NIK, finds them by NIK in the body, and never stores the NIK in clear', async () => {
    const body = {
      nik: '3505014508900001',
      kk: '3505010000000001',
      name: 'Warga Uji',
      sex: 'P',
      birthDate: '1990-08-05',
      regionCode: '35.05.01.2001',
    };
    const created = await as('desa.jaten', 'POST', '/api/people', body);
    expect(created.statusCode, created.body).toBe(201);
    const again = await as('desa.jaten', 'POST', '/api/people', { ...body, name: 'Lagi' });
    expect(again.json().issues[0]).toMatchObject({ field: 'body.nik', issue: 'nik_registered' });
    expect(again.json().issues[0].message).toBe('NIK: NIK ini sudah terdaftar');
    const otherDesa = await as('admin', 'POST', '/api/people', {
      ...body,
      nik: '3505014508900002',
      regionCode: '35.05.01.2002',
    });
    expect(otherDesa.json().issues[0]).toMatchObject({ field: 'body.kk', issue: 'kk_region' });
    const found = (await as('desa.jaten', 'POST', '/api/people/lookup', { nik: body.nik })).json();
    expect(found).toMatchObject({ id: created.json().id, nik: body.nik, kk: body.kk, identityVisible: true });
    const stored = await h.t.ctx.database.bulk((tx) =>
      tx.query<{ row: string }>(
        `select row_to_json(p)::text as row from people p where id = '${created.json().id}'`,
      ),
    );
    expect(stored[0]!.row).not.toContain(body.nik);
  });
});

import { describe, expect, it } from 'vitest';
import { appWithAccounts, call, login } from '../../../test/harness.ts';

const h = appWithAccounts(['perencana', 'desa.jaten', 'kec.wonodadi', 'dprd', 'opd.dpupr', 'admin']);
const { as } = h;

describe('UMKM', () => {
  it('lists businesses in your area with their records, and takes a month of revenue idempotently', async () => {
    const all = (await as('perencana', 'GET', '/api/umkm?limit=5')).json();
    expect(all.total).toBe(2000);
    expect(all.items[0].owner).toEqual(expect.any(String));
    const kec = (await as('kec.wonodadi', 'GET', '/api/umkm?limit=200')).json();
    expect(kec.items.every((u: { regionCode: string }) => u.regionCode.startsWith('35.05.01.'))).toBe(true);
    const id = all.items[0].id;
    const detail = (await as('perencana', 'GET', `/api/umkm/${id}`)).json();
    expect(detail.records).toHaveLength(12);
    for (let i = 0; i < 2; i++)
      expect(
        (
          await as('admin', 'PUT', `/api/umkm/${id}/records`, {
            period: '2026-10',
            revenue: 5_000_000,
            workers: 3,
          })
        ).statusCode,
      ).toBe(200);
    const after = (await as('perencana', 'GET', `/api/umkm/${id}`)).json();
    expect(after.records).toHaveLength(13);
    expect(after.records.at(-1)).toEqual({ period: '2026-10', revenue: 5_000_000, workers: 3 });
    const bad = await as('desa.jaten', 'POST', '/api/umkm', {
      name: 'Keripik Uji',
      sector: '1079',
      regionCode: '35.05.01.2001',
    });
    expect(bad.json().issues[0]).toMatchObject({ field: 'body.sector', issue: 'kbli' });
    const ok = await as('desa.jaten', 'POST', '/api/umkm', {
      name: 'Keripik Uji',
      sector: '10792',
      regionCode: '35.05.01.2001',
      permits: { pirt: true, nib: '1234567890123' },
      channels: ['marketplace'],
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('takes a month only from its desa or kecamatan or the small-business agency, not any OPD (issue 17)', async () => {
    const list = (await as('perencana', 'GET', '/api/umkm?limit=5')).json();
    const id = list.items[0].id as string;
    const month = { period: '2026-11', revenue: 1_000_000, workers: 1 };
    const other = await as('opd.dpupr', 'PUT', `/api/umkm/${id}/records`, month);
    expect(other.statusCode).toBe(403);
    expect((await as('opd.dpupr', 'GET', `/api/umkm/${id}`)).json().canRecord).toBe(false);
    const orgs = (await as('admin', 'GET', '/api/organisations')).json().items as {
      id: string;
      code: string;
    }[];
    const made = await as('admin', 'POST', '/api/users', {
      username: 'opd.diskopum',
      displayName: 'Operator Dinkop UM',
      password: 'usaha-mikro-maju-bersama',
      role: 'opd',
      organisationId: orgs.find((o) => o.code === 'DISKOPUM')!.id,
    });
    expect(made.statusCode, made.body).toBe(201);
    const diskopum = await login(h.t.app, 'opd.diskopum', 'usaha-mikro-maju-bersama');
    const own = await call(h.t.app, diskopum, {
      method: 'PUT',
      url: `/api/umkm/${id}/records`,
      payload: month,
    });
    expect(own.statusCode, own.body).toBe(200);
    expect((await call(h.t.app, diskopum, { method: 'GET', url: `/api/umkm/${id}` })).json().canRecord).toBe(
      true,
    );
  });
});

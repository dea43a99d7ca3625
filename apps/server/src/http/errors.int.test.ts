import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const raw = (body: string, contentType = 'application/json') =>
  t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType },
    payload: body,
  });

describe('bad input gets a 4xx that names the problem, never a 500', () => {
  it('malformed JSON', async () => {
    const res = await raw('{"username": ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_BODY', status: 400 });
    expect(res.json().detail).toContain('JSON');
  });

  it('wrong types, named by field, in Indonesian', async () => {
    const res = await call(t.app, admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 42, displayName: 'X', password: 'x', role: 'raja' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.role']));
    expect(res.json().detail).toContain('Nama pengguna: harus berupa teks');
    expect(res.json().detail).toContain('Peran: pilih salah satu pilihan yang tersedia');
    expect(res.json().detail).not.toMatch(/raja|body\.|string|number|expected/);
  });

  it('unknown fields', async () => {
    const res = await call(t.app, admin, {
      method: 'POST',
      url: '/api/organisations',
      payload: { code: 'X', name: 'Dinas X', shortName: 'DX', kind: 'dinas', isAdmin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ issue: 'unrecognized_keys' });
    expect(res.json().detail).toContain('isAdmin');
  });

  it('missing required fields', async () => {
    const res = await call(t.app, admin, { method: 'POST', url: '/api/users', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.find((i: { field: string }) => i.field === 'body.username').issue).toBe(
      'required',
    );
  });

  it('oversized bodies', async () => {
    const res = await raw(JSON.stringify({ username: 'x'.repeat(10_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().detail).toBe('Data yang dikirim terlalu besar (batas 4 KB).');
  });

  it('an unsupported content type names the type sent', async () => {
    const res = await raw('<user><username>x</username></user>', 'application/xml');
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('Jenis isi "application/xml" tidak diterima di sini.');
  });

  it('a malformed id or code in the address names no record: 404, not a form error', async () => {
    for (const url of ['/api/users/not-a-uuid', '/api/jobs/123']) {
      const res = await call(t.app, admin, { method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().detail).toBe('Data yang diminta tidak ditemukan.');
    }
    // A code a person types gets a message saying what a code looks like.
    const region = await call(t.app, admin, { method: 'GET', url: '/api/regions/%27;drop' });
    expect(region.statusCode).toBe(400);
    expect(region.json().detail).toContain('Kode: bukan kode wilayah Kemendagri');
    // A NUL byte in it is named as what cannot be stored.
    const nul = await call(t.app, admin, { method: 'GET', url: '/api/regions/%00%27;drop' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().detail).toContain('Kode: memuat karakter yang tidak dapat disimpan');
  });

  it('an unknown API path is a 404 problem, not the web page', async () => {
    const res = await call(t.app, admin, { method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('a failed write leaves nothing behind', async () => {
    const before = (await call(t.app, admin, { method: 'GET', url: '/api/audit' })).json().total;
    const res = await call(t.app, admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'desa.lain',
        displayName: 'Desa lain',
        password: 'a-good-passphrase',
        role: 'desa',
        regionCode: '35.05.01',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ field: 'body.regionCode', issue: 'wrong_level' });
    expect((await call(t.app, admin, { method: 'GET', url: '/api/users?q=desa.lain' })).json().total).toBe(0);
    expect((await call(t.app, admin, { method: 'GET', url: '/api/audit' })).json().total).toBe(before);
  });

  it('survives garbage thrown at every route', async () => {
    const garbage = [
      'null',
      '[]',
      '"x"',
      '{"a":{"b":{"c":[1,2,{"d":null}]}}}',
      '{"limit":-1}',
      '\u0000',
      '{"__proto__":{"x":1}}',
    ];
    // Logging out would end the session the rest of the loop uses.
    for (const route of t.routeTable.filter((r) => r.url !== '/api/auth/logout')) {
      const url = route.url.replace(':code', 'zz').replace(':id', '00000000-0000-0000-0000-000000000000');
      for (const body of garbage) {
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: `${url}?limit=abc&q=${encodeURIComponent(body)}`,
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
          ...(route.method === 'GET' ? {} : { payload: body }),
        });
        expect(res.statusCode, `${route.method} ${url} with ${body}: ${res.body.slice(0, 200)}`).toBeLessThan(
          500,
        );
      }
    }
  });
});

describe('API documentation', () => {
  it('lists every route in /api/openapi.json', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of t.routeTable) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
  });

  it('serves the docs UI at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

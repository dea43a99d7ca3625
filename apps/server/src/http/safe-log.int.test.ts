import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../test/harness.ts';
import { safeError } from './safe-log.ts';

let t: TestApp;
let admin: Session;
const lines: string[] = [];
beforeAll(async () => {
  t = await createTestApp({}, { write: (line) => void lines.push(line) });
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

// Values a log must never hold, planted in every request of the run.
const planted = {
  name: 'Siti Tertanam Rahayu',
  nik: '3505019999990001',
  password: 'rahasia-tertanam-123',
  address: 'Jl. Tertanam No. 7',
};

describe('text the database cannot store, and what the log keeps (issue 17)', () => {
  it('refuses a NUL byte in any field as 400 naming it, on every operation, anonymous sign-in included', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin\u0000', password: planted.password },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().issues[0]).toMatchObject({ field: 'body.username', issue: 'unstorable_character' });
    expect(login.json().detail).toContain('Nama pengguna');

    const body = {
      name: `${planted.name}\u0000`,
      title: `Judul\u0000${planted.address}`,
      nik: `${planted.nik}\u0000`,
      password: `${planted.password}\u0000`,
      note: '\u0000',
      items: [{ nama: `a\u0000${planted.name}` }],
    };
    const statuses = new Map<number, number>();
    for (const route of t.routeTable.filter((r) => r.url !== '/api/auth/logout')) {
      const url = route.url
        .replace(/:code/g, '35.05.01.2001')
        .replace(/:year/g, '2025')
        .replace(/:(\w+)/g, '00000000-0000-0000-0000-000000000000');
      const res = await t.app.inject({
        method: route.method as 'POST',
        url: `${url}?q=${encodeURIComponent(`${planted.name}\u0000`)}&nik=${planted.nik}`,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: body }),
      });
      expect(res.statusCode, `${route.method} ${route.url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    }
    // Most operations refuse the NUL itself (the rest refuse the query or the path first).
    expect(statuses.get(400) ?? 0).toBeGreaterThan(t.routeTable.length / 2);
    // A value planted in the address itself, where an id or a code belongs.
    for (const route of t.routeTable.filter((r) => r.url.includes(':'))) {
      const url = route.url.replace(/:(\w+)/g, encodeURIComponent(`${planted.name}/${planted.nik}`));
      const res = await t.app.inject({
        method: route.method as 'POST',
        url,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBeLessThan(500);
    }
  });

  it('keeps no query string, body, personal data or secret in the log of that run', () => {
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(1000);
    for (const value of [...Object.values(planted), encodeURIComponent(planted.name)])
      expect(log.includes(value), value).toBe(false);
    expect(log).not.toContain('?q=');
  });

  it('logs a failed query by its code and constraint, not its parameters or detail', () => {
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "people_nik_idx"'),
      {
        code: '23505',
        constraint: 'people_nik_idx',
        table: 'people',
        detail: `Key (nik_hash)=(${planted.nik}) already exists.`,
      },
    );
    const failed = Object.assign(
      new Error(
        `Failed query: insert into people values ($1, $2)\nparams: ${planted.name},${planted.password}`,
      ),
      { name: 'DrizzleQueryError', cause },
    );
    const out: string[] = [];
    pino({ serializers: { err: safeError } }, { write: (l: string) => void out.push(l) }).error(
      { err: failed },
      'unhandled error',
    );
    const line = out.join('');
    expect(JSON.parse(line).err).toMatchObject({
      type: 'DrizzleQueryError',
      sqlstate: '23505',
      constraint: 'people_nik_idx',
    });
    for (const value of [planted.name, planted.password, planted.nik]) expect(line).not.toContain(value);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const create = (payload: Record<string, unknown>) =>
  call(t.app, admin, { method: 'POST', url: '/api/users', payload });

describe('user administration', () => {
  it('creates a desa account scoped to a real desa of the kabupaten, audited without the hash', async () => {
    const res = await create({
      username: 'desa.kemloko',
      displayName: 'Operator Kemloko',
      password: 'teh-hangat-pagi',
      role: 'desa',
      regionCode: '35.05.01.2002',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      role: 'desa',
      regionCode: '35.05.01.2002',
      active: true,
      locked: false,
    });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const audit = (
      await call(t.app, admin, { method: 'GET', url: `/api/audit?entity=user&entityId=${res.json().id}` })
    ).json();
    expect(audit.items[0]).toMatchObject({ action: 'user.created', actorName: 'admin' });
    expect(JSON.stringify(audit.items[0].after)).not.toContain('argon2');
    await login(t.app, 'desa.kemloko', 'teh-hangat-pagi');
  });

  it('requires the scope each role needs, and refuses a scope it does not take', async () => {
    const noOrg = await create({
      username: 'opd.x',
      displayName: 'X',
      password: 'a-good-passphrase',
      role: 'opd',
    });
    expect(noOrg.json().issues[0]).toMatchObject({ field: 'body.organisationId', issue: 'scope_required' });
    const outside = await create({
      username: 'desa.x',
      displayName: 'X',
      password: 'a-good-passphrase',
      role: 'desa',
      regionCode: '35.06.01.2001',
    });
    expect(outside.json().issues[0]).toMatchObject({ field: 'body.regionCode', issue: 'not_found' });
    const extra = await create({
      username: 'dprd.x',
      displayName: 'X',
      password: 'a-good-passphrase',
      role: 'dprd',
      regionCode: '35.05.01',
    });
    expect(extra.json().issues[0]).toMatchObject({ field: 'body.regionCode', issue: 'scope_not_allowed' });
  });

  it('refuses a taken username, case-insensitively', async () => {
    const res = await create({
      username: 'ADMIN',
      displayName: 'Again',
      password: 'a-good-passphrase',
      role: 'admin',
    });
    expect(res.statusCode).toBe(409);
  });

  it('deactivating an account ends its sessions at once', async () => {
    const dprd = await login(t.app, 'dprd');
    const id = (await call(t.app, admin, { method: 'GET', url: '/api/users?q=dprd' })).json().items[0].id;
    const res = await call(t.app, admin, {
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { active: false },
    });
    expect(res.json().active).toBe(false);
    expect((await call(t.app, dprd, { method: 'GET', url: '/api/jobs' })).statusCode).toBe(401);
    await call(t.app, admin, { method: 'PATCH', url: `/api/users/${id}`, payload: { active: true } });
  });

  it('unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'perencana', password: 'wrong-guess' },
      });
    const list = (await call(t.app, admin, { method: 'GET', url: '/api/users?q=perencana' })).json().items;
    expect(list[0].locked).toBe(true);
    const res = await call(t.app, admin, {
      method: 'PATCH',
      url: `/api/users/${list[0].id}`,
      payload: { unlock: true },
    });
    expect(res.json().locked).toBe(false);
    await login(t.app, 'perencana');
  });

  it('never removes the last active admin', async () => {
    const me = (await call(t.app, admin, { method: 'GET', url: '/api/auth/session' })).json().user.id;
    const res = await call(t.app, admin, {
      method: 'PATCH',
      url: `/api/users/${me}`,
      payload: { role: 'dprd' },
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('audit log', () => {
  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = t.ctx.database;
    for (const sql of ['update audit_log set action = $1', 'delete from audit_log', 'truncate audit_log']) {
      await expect(
        db.bulk((tx) => tx.query(sql, sql.includes('$1') ? ['x'] : [])),
        sql,
      ).rejects.toThrow(/append-only/);
    }
  });

  it('filters by user, entity and date (WIB days)', async () => {
    const all = (await call(t.app, admin, { method: 'GET', url: '/api/audit?actor=admin&limit=200' })).json();
    expect(all.items.every((e: { actorName: string }) => e.actorName.includes('admin'))).toBe(true);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const byDay = (
      await call(t.app, admin, { method: 'GET', url: `/api/audit?from=${today}&to=${today}` })
    ).json();
    expect(byDay.total).toBeGreaterThan(0);
    const none = (await call(t.app, admin, { method: 'GET', url: '/api/audit?to=2020-01-01' })).json();
    expect(none.total).toBe(0);
    const bad = await call(t.app, admin, { method: 'GET', url: '/api/audit?from=23-11-2026' });
    expect(bad.json().issues[0]).toMatchObject({ field: 'query.from', issue: 'date_format' });
  });
});

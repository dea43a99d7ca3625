import { LOCKOUT_THRESHOLD } from '@sinergi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, DEMO_PASSWORD, login, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('sign-in and sessions', () => {
  it('signs in a demo account, sets an HttpOnly SameSite=Strict cookie and returns a CSRF token', async () => {
    const res = await post('/api/auth/login', { username: 'desa.jaten', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sinergi_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const body = res.json();
    expect(body.user).toMatchObject({ role: 'desa', regionCode: '35.05.01.2001', regionName: 'Jaten' });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.permissions).not.toContain('users.manage');
  });

  it('stores only a hash of the session token', async () => {
    const session = await login(t.app, 'perencana');
    const token = session.cookie.split('=')[1]!;
    const rows = await t.ctx.database.db.query.sessions.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('says the same thing for an unknown user and a wrong password', async () => {
    const a = await post('/api/auth/login', { username: 'nobody', password: 'whatever-123' });
    const b = await post('/api/auth/login', { username: 'dprd', password: 'wrong-password' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
    expect(a.json().detail).toMatch(/^Nama pengguna atau kata sandi salah/);
  });

  it('answers in English when asked', async () => {
    const res = await post(
      '/api/auth/login',
      { username: 'nobody', password: 'x' },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect(res.json().detail).toMatch(/^Wrong username or password/);
  });

  it('locks an account after 5 failures, even for the right password, answering as for an unknown user, and audits it', async () => {
    for (let i = 0; i < 5; i++)
      expect(
        (await post('/api/auth/login', { username: 'opd.dpupr', password: 'bad-guess-1' })).statusCode,
      ).toBe(401);
    const right = await post('/api/auth/login', { username: 'opd.dpupr', password: DEMO_PASSWORD });
    const unknown = await post('/api/auth/login', { username: 'tidak.ada', password: DEMO_PASSWORD });
    // The answer does not tell a locked account from one that does not exist.
    expect([right.statusCode, right.json().code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect(right.json().detail).toBe(unknown.json().detail);
    expect(right.statusCode).toBe(unknown.statusCode);
    const admin = await login(t.app, 'admin');
    const audit = (await call(t.app, admin, { method: 'GET', url: '/api/audit?entity=user' })).json();
    expect(audit.items.some((e: { action: string }) => e.action === 'auth.locked')).toBe(true);
  });

  it('counts every wrong password of thirty at once, none lost: the account locks', async () => {
    const fresh = await createTestApp();
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, () =>
          fresh.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'dprd', password: 'tebakan-salah' },
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array(30).fill(401));
      const [row] = await fresh.ctx.database.bulk((tx) =>
        tx.query<{ failed_attempts: number; locked: boolean }>(
          "select failed_attempts, locked_until > now() as locked from users where username = 'dprd'",
        ),
      );
      // A guess that reads the account after the lock is written is refused as locked, uncounted
      // (a locked account answers as an unknown one), so fewer than thirty may be counted; but each
      // counted guess got its own number: a lost update would repeat one and skip the top.
      const counted = await fresh.ctx.database.bulk((tx) =>
        tx.query<{ n: number }>(
          `select (a.after->>'failedAttempts')::int as n from audit_log a join users u on a.entity_id = u.id::text
           where u.username = 'dprd' and a.action in ('auth.login_failed', 'auth.locked') order by n`,
        ),
      );
      expect(row!.locked).toBe(true);
      expect(row!.failed_attempts).toBeGreaterThanOrEqual(LOCKOUT_THRESHOLD);
      expect(counted.map((c) => c.n)).toEqual(Array.from({ length: row!.failed_attempts }, (_, i) => i + 1));
    } finally {
      await fresh.close();
    }
  });

  it('limits guessing the current password when changing it, like signing in', async () => {
    const fresh = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const s = await login(fresh.app, 'perencana');
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (
            await call(fresh.app, s, {
              method: 'POST',
              url: '/api/auth/password',
              payload: { currentPassword: `tebakan-${i}`, newPassword: 'kata-sandi-baru-yang-panjang' },
            })
          ).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429]);
      const [row] = await fresh.ctx.database.bulk((tx) =>
        tx.query<{ n: number }>("select failed_attempts as n from users where username = 'perencana'"),
      );
      expect(row!.n).toBe(3);
      // Counted per account: a colleague at the same address is not blocked by it.
      const colleague = await login(fresh.app, 'dprd');
      const theirs = await call(fresh.app, colleague, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'tebakan', newPassword: 'kata-sandi-baru-yang-panjang' },
      });
      expect(theirs.statusCode).toBe(401);
    } finally {
      await fresh.close();
    }
  });

  it('rate-limits sign-in attempts per client', async () => {
    const fresh = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          (
            await fresh.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: 'x', password: 'y' },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await fresh.close();
    }
  });

  it('behind a trusted proxy counts each client by its own address, not the proxy’s', async () => {
    const fresh = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '127.0.0.1' });
    try {
      const from = async (client: string) =>
        (
          await fresh.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            remoteAddress: '127.0.0.1',
            headers: { 'x-forwarded-for': client },
            payload: { username: 'x', password: 'y' },
          })
        ).statusCode;
      expect([await from('10.0.0.1'), await from('10.0.0.1'), await from('10.0.0.1')]).toEqual([
        401, 401, 429,
      ]);
      // Another person behind the same proxy is not blocked by the first.
      expect(await from('10.0.0.2')).toBe(401);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a write without the CSRF token, and a cross-site sign-in', async () => {
    const s = await login(t.app, 'admin');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF');
    const crossSite = await post(
      '/api/auth/login',
      { username: 'admin', password: DEMO_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.statusCode).toBe(403);
  });

  it('logs out: the session stops working', async () => {
    const s = await login(t.app, 'dprd');
    expect((await call(t.app, s, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    const after = (await call(t.app, s, { method: 'GET', url: '/api/auth/session' })).json();
    expect(after.user).toBeNull();
  });

  it('changes a password: checks the current one, the rules, and ends other sessions', async () => {
    const s1 = await login(t.app, 'kec.wonodadi');
    const s2 = await login(t.app, 'kec.wonodadi');
    const wrong = await call(t.app, s1, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'a-long-new-passphrase' },
    });
    expect(wrong.statusCode).toBe(401);
    const weak = await call(t.app, s1, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues[0]).toMatchObject({ field: 'body.newPassword', issue: 'too_short_password' });
    const ok = await call(t.app, s1, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'kopi-dan-gula-aren' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await call(t.app, s2, { method: 'GET', url: '/api/auth/session' })).json().user).toBeNull();
    expect((await call(t.app, s1, { method: 'GET', url: '/api/auth/session' })).json().user.username).toBe(
      'kec.wonodadi',
    );
    await login(t.app, 'kec.wonodadi', 'kopi-dan-gula-aren');
  });

  it('in production mode refuses the demo password as a new password and shows none', async () => {
    const prod = await createTestApp({ SINERGI_MODE: 'production', PERSONAL_DATA_KEY: 'ab'.repeat(32) });
    try {
      const info = (await prod.app.inject({ method: 'GET', url: '/api/auth/session' })).json();
      expect(info).toMatchObject({ mode: 'production', demoPassword: null });
      const s = await login(prod.app, 'admin');
      const res = await call(prod.app, s, {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'baru', displayName: 'Baru', password: DEMO_PASSWORD, role: 'dprd' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('DEMO_PASSWORD_REFUSED');
    } finally {
      await prod.close();
    }
  });
});

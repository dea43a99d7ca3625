import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Session;
let desa: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  desa = await login(t.app, 'desa.jaten');
});
afterAll(() => t.close());

const get = (url: string, session: Session | null = null, headers: Record<string, string> = {}) =>
  call(t.app, session, { method: 'GET', url, headers });

/** Waits until the database's change notice has reached the cache (PostgreSQL: a second connection). */
async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the change was never seen');
}

describe('reads kept until what they were read from changes', () => {
  it('answers a repeated read with the same bytes and ETag, and 304 to a browser that has them', async () => {
    const first = await get('/api/index/summary');
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const second = await get('/api/index/summary');
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(etag);
    const revalidated = await get('/api/index/summary', null, { 'if-none-match': etag });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it('works out an answer once for requests that ask for it at the same time', async () => {
    const url = '/api/index/summary?year=2024';
    const answers = await Promise.all(Array.from({ length: 20 }, () => get(url)));
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    // One worked it out; the other nineteen waited for it and were answered from the cache.
    expect(answers.filter((a) => a.headers['x-cache'] === 'hit')).toHaveLength(19);
    // A refused read is not kept: those waiting for it are answered on their own, alike.
    const refused = await Promise.all(Array.from({ length: 5 }, () => get('/api/index/results?year=abc')));
    expect(refused.map((a) => a.statusCode)).toEqual([400, 400, 400, 400, 400]);
    expect(refused.filter((a) => a.headers['x-cache'])).toHaveLength(0);
  });

  it('a write through the API is read back at once by the next request', async () => {
    const before = (await get('/api/organisations', admin)).json().items;
    const target = before[0];
    const changed = await call(t.app, admin, {
      method: 'PATCH',
      url: `/api/organisations/${target.id}`,
      payload: { shortName: 'Diubah' },
    });
    expect(changed.statusCode).toBe(200);
    const after = (await get('/api/organisations', admin)).json().items;
    expect(after.find((o: { id: string }) => o.id === target.id).shortName).toBe('Diubah');
  });

  it('a write from elsewhere (another server, a job, the CLI) reaches the cache by the database notice', async () => {
    const url = '/api/regions/35.05.01.2001';
    const name = (await get(url)).json().name;
    expect((await get(url)).json().name).toBe(name);
    await t.ctx.database.db.execute(
      "update regions set name = 'Jaten Baru' where code = '35.05.01.2001'" as never,
    );
    await until(async () => (await get(url)).json().name === 'Jaten Baru');
    await t.ctx.database.db.execute(
      `update regions set name = '${name}' where code = '35.05.01.2001'` as never,
    );
    await until(async () => (await get(url)).json().name === name);
  });

  it('keeps each session its own answers: a desa never gets what another account was sent', async () => {
    const adminView = await get('/api/index/desa/35.05.01.2001', admin);
    const desaView = await get('/api/index/desa/35.05.01.2001', desa);
    const publicView = await get('/api/index/desa/35.05.01.2001');
    expect(adminView.headers['cache-control']).toBe('private, no-cache');
    expect(publicView.headers['cache-control']).toBe('no-cache');
    // Second reads come from the cache, each under its own session.
    expect((await get('/api/index/desa/35.05.01.2001', desa)).body).toBe(desaView.body);
    expect((await get('/api/index/desa/35.05.01.2001')).body).toBe(publicView.body);
  });

  it('sends a large answer compressed when the browser takes it, the same bytes once unpacked', async () => {
    const plain = await get('/api/index/summary');
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [encoding, unpack] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await get('/api/index/summary', null, { 'accept-encoding': `${encoding}, deflate` });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toContain('accept-encoding');
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(unpack(res.rawPayload).toString()).toBe(plain.body);
    }
    const refused = await get('/api/index/summary', null, { 'accept-encoding': 'br;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('keeps the desa boundaries compressed, with the hour the browser may keep them', async () => {
    const url = '/api/regions/boundaries?level=desa';
    const plain = await get(url);
    expect(plain.headers['cache-control']).toBe('public, max-age=3600');
    const packed = await get(url, null, { 'accept-encoding': 'br' });
    expect(packed.headers['x-cache']).toBe('hit');
    expect(packed.headers['cache-control']).toBe('public, max-age=3600');
    expect(packed.headers['content-encoding']).toBe('br');
    expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(brotliDecompressSync(packed.rawPayload).toString()).toBe(plain.body);
    const again = await get(url, null, { 'if-none-match': String(packed.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('never keeps a refusal or an invalid request', async () => {
    const bad = await get('/api/index/results?year=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers.etag).toBeUndefined();
    expect((await get('/api/index/results?year=abc')).statusCode).toBe(400);
  });

  it('is off with READ_CACHE_ENTRIES=0', async () => {
    const off = await createTestApp({ READ_CACHE_ENTRIES: '0' });
    try {
      const res = await off.app.inject({ method: 'GET', url: '/api/index/summary' });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBeUndefined();
    } finally {
      await off.close();
    }
  });
});

import { type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../test/harness.ts';

const lines: string[] = [];
let t: TestApp;
let base: string;
let desa: Session;
beforeAll(async () => {
  t = await createTestApp({}, { write: (line) => void lines.push(line) });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  desa = await login(t.app, 'desa.jaten');
});
let closed = false;
afterAll(async () => {
  if (!closed) await t.close();
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request over a socket, as a browser sends it: it reaches the door first. */
const send = (url: string, headers: Record<string, string> = {}) =>
  new Promise<Answer>((resolve, reject) => {
    request(`${base}${url}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });

/** The same request given to the app itself (inject never passes the door). */
const appAnswer = async (url: string, headers: Record<string, string> = {}): Promise<Answer> => {
  const res = await t.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, headers: res.headers as IncomingHttpHeaders, body: res.rawPayload };
};

/** The headers as sent, without those of the connection and the moment. */
const own = (headers: IncomingHttpHeaders) => {
  const { date: _d, connection: _c, 'keep-alive': _k, ...rest } = headers;
  return rest;
};

/** How many reads of `route` were answered at the door, from the tally lines written so far. */
const atDoor = (route: string) => {
  const tallies = lines
    .map((l) => JSON.parse(l) as { msg?: string; route?: string; atDoor?: number })
    .filter((l) => l.msg === 'reads answered' && l.route === route);
  if (!tallies.length) throw new Error(`no reads of ${route} counted`);
  return tallies.reduce((sum, l) => sum + (l.atDoor ?? 0), 0);
};

describe('kept public reads answered at the door (issue 18)', () => {
  it.each([
    '/api/index/summary',
    // Kept under the day (it shows today).
    '/api/projects',
  ])(
    'sends a kept public read with the same status, headers and bytes as the app, in every encoding: %s',
    async (url) => {
      // Kept in both languages by the app first.
      const etag = String((await appAnswer(url)).headers.etag);
      await appAnswer(url, { 'accept-language': 'en' });
      const variants: Record<string, string>[] = [
        {},
        { 'accept-encoding': 'gzip, deflate' },
        { 'accept-encoding': 'gzip, deflate, br, zstd' },
        { 'if-none-match': etag },
        { 'accept-language': 'en-US,en;q=0.9' },
        { cookie: 'sinergi_lang=en; other=1' },
      ];
      for (const headers of variants) {
        const app = await appAnswer(url, headers);
        const door = await send(url, headers);
        expect(door.status).toBe(app.status);
        expect(own(door.headers)).toEqual(own(app.headers));
        expect(door.body.equals(app.body)).toBe(true);
        expect(door.headers['x-cache']).toBe('hit');
      }
    },
  );

  it('sends a daily read on the day it was read only', async () => {
    const url = '/api/projects';
    expect((await appAnswer(url)).headers['x-cache']).toBe('hit');
    const ctx = t.ctx as { clock: () => Date };
    const clock = ctx.clock;
    ctx.clock = () => new Date(clock().getTime() + 24 * 60 * 60 * 1000);
    try {
      // The next day it is read anew, by the app, and kept under that day.
      expect((await send(url)).headers['x-cache']).toBeUndefined();
      expect((await appAnswer(url)).headers['x-cache']).toBe('hit');
    } finally {
      ctx.clock = clock;
    }
    // Back on the day before, the answer kept is tomorrow's: read anew.
    expect((await send(url)).headers['x-cache']).toBeUndefined();
  });

  it('leaves a session, an odd language cookie and a changed table to the app', async () => {
    const url = '/api/index/desa/35.05.01.2001';
    const open = await send(url);
    expect(open.headers['cache-control']).toBe('no-cache');
    // The desa's own answer, not the public one kept a moment ago.
    const signedIn = await send(url, { cookie: desa.cookie });
    expect(signedIn.headers['cache-control']).toBe('private, no-cache');
    expect(signedIn.body.equals((await call(t.app, desa, { method: 'GET', url })).rawPayload)).toBe(true);
    // A language cookie the app decodes (%65n is en) is not read here: the app answers it, in English.
    const odd = await send(url, { cookie: 'sinergi_lang=%65n' });
    expect(odd.body.equals((await appAnswer(url, { 'accept-language': 'en' })).body)).toBe(true);
    // Cookies in other forms are answered as the app reads them.
    for (const cookie of [
      ' sinergi_lang = en ;x=1',
      'sinergi_lang="en"',
      'sinergi_lang=en; sinergi_lang=id',
      'a=1;;sinergi_lang=en',
      'sinergi_lang=en;',
      'sinergi_session=',
      'x=sinergi_lang=en',
    ]) {
      const [door, app] = [await send(url, { cookie }), await appAnswer(url, { cookie })];
      expect({ cookie, body: door.body.toString() }).toEqual({ cookie, body: app.body.toString() });
      expect(own(door.headers)).toEqual(own(app.headers));
    }

    const region = '/api/regions/35.05.01.2001';
    const name = JSON.parse((await send(region)).body.toString()).name;
    await t.ctx.database.db.execute(
      "update regions set name = 'Jaten Pintu' where code = '35.05.01.2001'" as never,
    );
    try {
      for (let i = 0; ; i++) {
        if (JSON.parse((await send(region)).body.toString()).name === 'Jaten Pintu') break;
        if (i > 100) throw new Error('the change was never seen');
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await t.ctx.database.db.execute(
        `update regions set name = '${name}' where code = '35.05.01.2001'` as never,
      );
    }
  });

  it('counts what it answered in the request log, as the app counts its own', async () => {
    await t.close();
    closed = true;
    expect(atDoor('/api/index/summary')).toBe(6);
    expect(atDoor('/api/projects')).toBe(6);
    // A session, the first reads and the cookies only the app can read were the app's; of the
    // cookies above, the two plain ones (a=1;;sinergi_lang=en and sinergi_lang=en;) were the door's.
    expect(atDoor('/api/index/desa/:code')).toBe(2);
  });
});

import { request as httpRequest } from 'node:http';
import { hasFieldLabel } from '@sinergi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

describe('messages a person understands', () => {
  it('every field any route takes has a label in both languages', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const names = new Set<string>();
    const seen = new Set<Schema>();
    const walk = (s: Schema | boolean | undefined) => {
      if (!s || typeof s !== 'object' || seen.has(s)) return;
      seen.add(s);
      if (s.$ref) return walk(doc.components.schemas[s.$ref.split('/').pop()!]);
      for (const [name, sub] of Object.entries(s.properties ?? {})) {
        names.add(name);
        walk(sub);
      }
      walk(s.items);
      walk(s.additionalProperties);
      for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(sub);
    };
    for (const ops of Object.values<
      Record<
        string,
        { parameters?: { name: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } }
      >
    >(doc.paths))
      for (const op of Object.values(ops)) {
        for (const p of op.parameters ?? []) names.add(p.name);
        for (const c of Object.values(op.requestBody?.content ?? {})) walk(c.schema);
      }
    expect(names.size).toBeGreaterThan(150);
    const missing = [...names].filter((n) => !hasFieldLabel(n));
    expect(missing, missing.join(', ')).toEqual([]);
  });

  it('names a field by its label, says the real limit, and never shows a path, a type or a JS limit', async () => {
    const res = await call(t.app, admin, {
      method: 'POST',
      url: '/api/proposals',
      payload: {
        track: 'musrenbang',
        title: 'J',
        description: 'x',
        bidang: 'infrastruktur',
        regionCode: 35,
        volume: 'dua',
        unit: 'm',
        estimatedCost: 2 ** 60,
        communityContribution: 2.5,
        beneficiaries: 0,
        planYear: 2027,
        proposerName: 'Pak RT',
      },
    });
    expect(res.statusCode).toBe(400);
    const detail: string = res.json().detail;
    expect(detail).toContain('Wilayah: harus berupa teks');
    expect(detail).toContain('Volume: harus angka');
    expect(detail).toContain('Perkiraan biaya: angkanya terlalu besar');
    expect(detail).not.toMatch(/body\.|string|number|expected|9007199254740991|undefined/);
  });

  it('answers in the language the interface shows, whatever the browser says', async () => {
    const send = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { username: 'x' } });
    const chosen = await send({ 'accept-language': 'en-US,en;q=0.9', 'x-language': 'id' });
    expect(chosen.json().detail).toContain('Kata sandi: wajib diisi');
    const english = await send({ 'accept-language': 'id', 'x-language': 'en' });
    expect(english.json().detail).toContain('Password: is required');
    const browser = await send({ 'accept-language': 'en-US,en;q=0.9' });
    expect(browser.json().detail).toContain('Password: is required');
  });

  it('a too-long address is a 414 problem', async () => {
    const res = await call(t.app, admin, { method: 'GET', url: `/api/proposals/${'a'.repeat(5000)}` });
    expect(res.statusCode).toBe(414);
    expect(res.json().detail).toBe('Alamat halaman yang diminta terlalu panjang.');
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('headers too large for Node are a 431 problem+json over a real socket', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { status, type, body } = await new Promise<{ status: number; type: string; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          `${address}/api/settings`,
          { headers: { cookie: `x=${'a'.repeat(40_000)}` } },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(status).toBe(431);
    expect(type).toContain('application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ code: 'HEADERS_TOO_LARGE', status: 431 });
  });
});

import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness.ts';

const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('request logging that costs less than the request (issue 18)', () => {
  it('writes a line for each write, refusal and failure, and counts quick reads per route until it closes', async () => {
    const lines: string[] = [];
    const t = await createTestApp({}, { write: (line) => void lines.push(line) });
    let closed = false;
    try {
      const url = '/api/regions/35.05.01.2001';
      const first = await t.app.inject({ method: 'GET', url });
      expect(first.statusCode).toBe(200);
      await t.app.inject({ method: 'GET', url });
      const again = await t.app.inject({
        method: 'GET',
        url,
        headers: { 'if-none-match': String(first.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      expect((await t.app.inject({ method: 'GET', url: '/api/regions/99.99' })).statusCode).toBe(404);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'perencana', password: 'salah-sekali' },
      });
      expect(login.statusCode).toBe(401);

      const completed = parse(lines).filter((l) => l.msg === 'request completed');
      expect(completed.map((l) => [l.req, l.status])).toEqual([
        [{ method: 'GET', route: '/api/regions/:code' }, 404],
        [{ method: 'POST', route: '/api/auth/login' }, 401],
      ]);
      expect(parse(lines).some((l) => l.msg === 'reads answered')).toBe(false);
      await t.close();
      closed = true;
      const reads = parse(lines).filter((l) => l.msg === 'reads answered');
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatchObject({
        method: 'GET',
        route: '/api/regions/:code',
        answered: 3,
        notModified: 1,
      });
      expect(reads[0]!.slowestMs as number).toBeGreaterThanOrEqual(reads[0]!.meanMs as number);
    } finally {
      if (!closed) await t.close();
    }
  });
});

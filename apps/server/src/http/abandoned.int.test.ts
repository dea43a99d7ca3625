import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../test/harness.ts';

const lines: string[] = [];
let t: TestApp;
let perencana: Session;
let url: string;
beforeAll(async () => {
  // At debug level every answered read has its line (at info they are counted once a minute).
  t = await createTestApp(
    { READ_CACHE_ENTRIES: '0', LOG_LEVEL: 'debug' },
    { write: (line) => void lines.push(line) },
  );
  perencana = await login(t.app, 'perencana');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(() => t.close());

const completed = (route: string) =>
  lines.filter((l) => l.includes('"request completed"') && l.includes(`"route":"${route}"`)).length;

describe('a request its client abandoned', () => {
  it('gives up its turn at the database instead of being worked through for nobody', async () => {
    const sent = Array.from({ length: 30 }, () =>
      request(`${url}/api/projects`, { headers: { cookie: perencana.cookie } }).on('error', () => undefined),
    );
    for (const r of sent) r.end();
    await new Promise((r) => setTimeout(r, 60));
    for (const r of sent) r.destroy();
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    // Those already answered in the first 60 ms count; the rest stopped at their next query.
    expect(completed('/api/projects')).toBeLessThan(15);
    // Nothing was logged as a failure.
    expect(lines.filter((l) => l.includes('"level":50'))).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, engine } from '../../test/harness.ts';
import { startInstallation } from '../../test/installation.ts';
import { systemPrincipal } from '../context.ts';
import { jobHandlers } from '../modules/index.ts';
import { createUser } from '../modules/users/users.service.ts';
import { addKabupaten } from './installation.service.ts';

/**
 * One installation serving two kabupaten (issue 22, part 1): Kabupaten Blitar (the first, with the
 * demo's data and accounts) and Kota Blitar (added), each at its host name on one port. Accounts,
 * sessions, settings and data of one are not those of the other; on PostgreSQL the added one's
 * connections cannot even name the other's tables.
 */
const KOTA = 'kota.sinergi.test';
const KOTA_PASSWORD = 'rahasia-kota-blitar';
let installation: Awaited<ReturnType<typeof startInstallation>>;
let served: typeof installation.served;
let port = 0;
const send: typeof installation.send = (...args) => installation.send(...args);
const signIn: typeof installation.signIn = (...args) => installation.signIn(...args);

beforeAll(async () => {
  installation = await startInstallation(async (home) => {
    const added = await addKabupaten(home, '35.72', [KOTA.toUpperCase()], jobHandlers);
    expect(added).toEqual({ code: '35.72', name: 'Kota Blitar', hosts: [KOTA] });
    // Adding again changes nothing but its host names.
    await addKabupaten(home, '35.72', [KOTA], jobHandlers);
  });
  ({ served, port } = installation);
  const kota = served.added[0]!.ctx;
  await createUser(
    kota,
    { ...systemPrincipal, name: 'test' },
    { username: 'admin.kota', displayName: 'Admin Kota', password: KOTA_PASSWORD, role: 'admin' },
  );
}, 180_000);

afterAll(async () => {
  await installation?.stop();
});

describe(`an installation of two kabupaten (${engine})`, () => {
  it('serves each kabupaten at its host names, and the first at any other', async () => {
    expect(served.kabupaten).toEqual(['35.05', '35.72']);
    const kota = await send(KOTA, 'GET', '/api/settings');
    expect(kota.body.activeKabupaten).toEqual({ code: '35.72', name: 'Kota Blitar' });
    expect(kota.body.regions.ready).toBe(true);
    for (const host of ['localhost', `127.0.0.1:${port}`, 'sinergi.blitarkab.go.id']) {
      const home = await send(host, 'GET', '/api/settings');
      expect(home.body.activeKabupaten).toEqual({ code: '35.05', name: 'Kabupaten Blitar' });
    }
    // A host name is matched whatever its case and port.
    expect(
      (await send(`${KOTA.toUpperCase()}:${port}`, 'GET', '/api/settings')).body.activeKabupaten.code,
    ).toBe('35.72');
  });

  it("signs in each kabupaten's accounts only, at its own host", async () => {
    expect(await signIn('localhost', 'admin', DEMO_PASSWORD)).not.toBeNull();
    expect(await signIn(KOTA, 'admin', DEMO_PASSWORD)).toBeNull();
    expect(await signIn(KOTA, 'desa.jaten', DEMO_PASSWORD)).toBeNull();
    expect(await signIn(KOTA, 'admin.kota', KOTA_PASSWORD)).not.toBeNull();
    expect(await signIn('localhost', 'admin.kota', KOTA_PASSWORD)).toBeNull();
  });

  it("takes one kabupaten's session for a visitor at the other", async () => {
    const blitar = (await signIn('localhost', 'admin', DEMO_PASSWORD))!;
    const kota = (await signIn(KOTA, 'admin.kota', KOTA_PASSWORD))!;
    expect(
      (await send('localhost', 'GET', '/api/auth/session', { session: blitar })).body.user.username,
    ).toBe('admin');
    expect((await send(KOTA, 'GET', '/api/auth/session', { session: blitar })).body.user).toBeNull();
    expect((await send('localhost', 'GET', '/api/auth/session', { session: kota })).body.user).toBeNull();
    // Nor does it let the other's administrator in: listing accounts or writing settings is refused.
    expect((await send(KOTA, 'GET', '/api/users', { session: blitar })).status).toBe(401);
    const letterhead = (await send(KOTA, 'GET', '/api/settings/documents', { session: kota })).body;
    const write = await send(KOTA, 'PUT', '/api/settings/documents', { session: blitar, body: letterhead });
    expect([401, 403]).toContain(write.status);
  });

  it("keeps each kabupaten's settings, accounts and data apart", async () => {
    const blitar = (await signIn('localhost', 'admin', DEMO_PASSWORD))!;
    const kota = (await signIn(KOTA, 'admin.kota', KOTA_PASSWORD))!;
    const before = (await send('localhost', 'GET', '/api/settings/documents', { session: blitar })).body;
    const letterhead = {
      ...(await send(KOTA, 'GET', '/api/settings/documents', { session: kota })).body,
      government: 'Pemerintah Kota Blitar',
      place: 'Blitar',
    };
    expect(
      (await send(KOTA, 'PUT', '/api/settings/documents', { session: kota, body: letterhead })).status,
    ).toBe(200);
    expect((await send(KOTA, 'GET', '/api/settings/documents', { session: kota })).body.government).toBe(
      'Pemerintah Kota Blitar',
    );
    expect((await send('localhost', 'GET', '/api/settings/documents', { session: blitar })).body).toEqual(
      before,
    );

    const names = async (host: string, session: { cookie: string; csrf: string }) =>
      ((await send(host, 'GET', '/api/users', { session })).body.items as { username: string }[]).map(
        (u) => u.username,
      );
    expect(await names(KOTA, kota)).toEqual(['admin.kota']);
    expect(await names('localhost', blitar)).not.toContain('admin.kota');

    // The demo's proposals and village index are Kabupaten Blitar's; Kota Blitar has none yet.
    const proposals = async (host: string, session: { cookie: string; csrf: string }) =>
      (await send(host, 'GET', '/api/proposals?limit=5', { session })).body;
    expect((await proposals('localhost', blitar)).items.length).toBeGreaterThan(0);
    expect((await proposals(KOTA, kota)).items).toEqual([]);
    const summary = async (host: string) => (await send(host, 'GET', '/api/index/summary')).body;
    expect((await summary('localhost')).years.length).toBeGreaterThan(0);
    expect((await summary(KOTA)).years).toEqual([]);
    expect((await summary(KOTA)).region).toEqual({ code: '35.72', name: 'Kota Blitar' });
    // Without their province served here, each is on its own: no province's plans to take.
    expect((await send(KOTA, 'GET', '/api/plans/province')).body).toMatchObject({
      scope: 'sendiri',
      province: null,
    });
    expect((await send(KOTA, 'POST', '/api/plans/province/take', { session: kota })).status).toBe(404);
  });

  it.runIf(engine === 'postgres')(
    "cannot name the other kabupaten's tables from its connections",
    async () => {
      const kota = served.added[0]!.ctx.database.db;
      const refusal = (query: ReturnType<typeof sql>) =>
        kota.execute(query).then(
          () => 'done',
          (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
        );
      expect(await refusal(sql`select count(*) from public.users`)).toMatch(/permission denied/);
      expect(await refusal(sql`update public.settings set value = value`)).toMatch(/permission denied/);
      expect(await refusal(sql`select count(*) from sinergi_installation.kabupaten`)).toMatch(
        /permission denied/,
      );
      const own = (await kota.execute(sql`select count(*)::int as n from users`)) as unknown as {
        rows: { n: number }[];
      };
      expect(own.rows[0]!.n).toBe(1);
    },
  );
});

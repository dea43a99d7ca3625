import { type APIRequestContext, request } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, openBrowser, shot, signIn } from './browser.ts';

/**
 * The desa operator's work without a connection (issue 20, part 7), in Chromium with its network
 * switched off mid-work: the app installs, its pages open from the device, what is saved waits
 * ("menunggu dikirim") and goes when the network returns, once; a change made meanwhile by someone
 * else waits for the operator's choice.
 */
let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

/** An API client signed in as `username`, as a second phone of the office would be. */
async function apiAs(username: string, password = DEMO_PASSWORD) {
  const api = await request.newContext({ baseURL: baseUrl() });
  const login = await api.post('/api/auth/login', { data: { username, password } });
  expect(login.status()).toBe(200);
  const { csrfToken } = await (await api.get('/api/auth/session')).json();
  return {
    api,
    get: async (url: string) => (await api.get(url)).json(),
    send: async (method: 'POST' | 'PUT', url: string, data: unknown) =>
      api.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } }),
  };
}

// A desa of its own (Desa Gaprang, Kanigoro), so the sign-off test's Wonodadi worklist is left alone.
const DESA = '35.05.10.2004';
const OPERATOR = 'desa.offline.e2e';
const OPERATOR_PASSWORD = 'gaprang-luring-2026';
let admin: Awaited<ReturnType<typeof apiAs>>;
let clients: APIRequestContext[] = [];
beforeAll(async () => {
  admin = await apiAs('admin');
  clients.push(admin.api);
  const created = await admin.send('POST', '/api/users', {
    username: OPERATOR,
    displayName: 'Operator Desa Gaprang',
    password: OPERATOR_PASSWORD,
    role: 'desa',
    regionCode: DESA,
  });
  expect(created.status()).toBe(201);
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  clients = [];
});

const PNG = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#2f9e44' } })
    .png()
    .toBuffer();

/** Signs in, then waits until the service worker controls the page (the app is installed). */
async function installed(page: import('playwright-core').Page, username: string, password?: string) {
  await signIn(page, username, password);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByTestId('home-role').waitFor();
}

describe('working without a connection, in Chromium (issue 20)', () => {
  it("installs the app only after the first page has its data, so the app's files do not hold up its API calls", async () => {
    const { page, context } = b;
    // The server draws the page with its reads; what the browser still reads itself (the map's
    // boundaries) is held for two seconds: the installation (the service worker's script, then
    // every file of the app) must not begin while it waits.
    const order: string[] = [];
    await context.route('**/api/**', async (route) => {
      await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
      order.push('read answered');
    });
    context.on('serviceworker', () => order.push('service worker'));
    await page.goto(`${baseUrl()}/indeks-desa`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    expect(order.indexOf('read answered')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('service worker')).toBeGreaterThan(order.indexOf('read answered'));
  });

  it('on a phone: installs, keeps a proposal with a photo and an IDM entry offline, sends them once online', async () => {
    const { page, context } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await installed(page, OPERATOR, OPERATOR_PASSWORD);
    const manifest = await (await page.request.get(`${baseUrl()}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ short_name: 'Sinergi', lang: 'id', display: 'standalone' });
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toContain('512x512');
    // The pages of the day's work, opened once with a connection.
    await page.goto(`${baseUrl()}/usulan`);
    await page.getByTestId('new-proposal').waitFor();
    await page.goto(`${baseUrl()}/indeks-desa/${DESA}`);
    await page.getByTestId('entry-panel').waitFor();
    await page.goto(`${baseUrl()}/usulan/baru`);
    await page.getByTestId('title').waitFor();

    // The network goes mid-work.
    await context.setOffline(true);
    await page.getByTestId('offline-badge').waitFor();
    const title = `Saluran irigasi dusun Gaprang ${Date.now()}`;
    await page.getByTestId('title').fill(title);
    await page.getByTestId('unit').fill('paket');
    await page.getByTestId('cost').pressSequentially('85000000');
    await page.getByTestId('proposer').fill('Kelompok Tani Makmur');
    await page
      .locator('form input[type=file]')
      .setInputFiles({ name: 'saluran.png', mimeType: 'image/png', buffer: await PNG() });
    await page.getByTestId('submit').click();
    await page.getByTestId('waiting-note').getByText(title).waitFor();
    expect(await page.getByTestId('outbox-count').innerText()).toBe('1');

    // Still offline: the village index page opens from the device, and the entry waits too.
    await page.goto(`${baseUrl()}/indeks-desa/${DESA}`);
    await page.getByTestId('entry-panel').waitFor();
    await page.getByTestId('score-IKE07_BANK_BPR').fill('4');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-panel').getByTestId('waiting-note').waitFor();
    expect(await page.getByTestId('outbox-count').innerText()).toBe('2');
    expect(await page.getByTestId('outbox-count').getAttribute('aria-label')).toBe(
      'Luring, 2 menunggu dikirim',
    );
    // The typed score stays in the form while it waits.
    expect(await page.getByTestId('score-IKE07_BANK_BPR').inputValue()).toBe('4');
    await shot(page, 'offline-waiting-phone');
    const operator = await apiAs(OPERATOR, OPERATOR_PASSWORD);
    clients.push(operator.api);
    expect(
      (await operator.get('/api/proposals?limit=500')).items.filter(
        (p: { title: string }) => p.title === title,
      ),
    ).toHaveLength(0);

    // The network returns: both go, in order, once.
    await context.setOffline(false);
    await page.getByTestId('outbox-count').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByTestId('offline-badge').count()).toBe(0);
    const sent = (await operator.get('/api/proposals?limit=500')).items.filter(
      (p: { title: string }) => p.title === title,
    );
    expect(sent).toHaveLength(1);
    const detail = await operator.get(`/api/proposals/${sent[0].id}`);
    expect(detail.photos).toHaveLength(1);
    const year = (await operator.get(`/api/index/desa/${DESA}`)).history.at(-1).year + 1;
    const entry = await operator.get(`/api/index/entries/${DESA}/${year}`);
    expect(entry.scores.IKE07_BANK_BPR).toBe(4);
    expect(entry.state).toBe('draft');
  });

  it('on a desktop: a change made meanwhile waits for the operator, who compares and chooses', async () => {
    const { page, context } = b;
    const operator = await apiAs(OPERATOR, OPERATOR_PASSWORD);
    clients.push(operator.api);
    // Two aspirations to moderate, made with a connection.
    const make = async (t: string) =>
      (
        await operator.send('POST', '/api/proposals', {
          track: 'musrenbang',
          title: t,
          bidang: 'infrastruktur',
          regionCode: DESA,
          volume: 1,
          unit: 'paket',
          estimatedCost: 60_000_000,
          beneficiaries: 80,
          planYear: new Date().getFullYear() + 1,
          proposerName: 'Warga RT 01',
        })
      ).json();
    const first = await make(`Lampu jalan RT 01 ${Date.now()}`);
    // This browser never tells the page that the connection came back (no \`online\` event, as on
    // some phones; Chromium's emulation itself missed it now and then): the app must notice anyway.
    await page.addInitScript(() =>
      window.addEventListener('online', (e) => e.stopImmediatePropagation(), { capture: true }),
    );
    await installed(page, OPERATOR, OPERATOR_PASSWORD);
    await page.goto(`${baseUrl()}/usulan/${first.id}`);
    await page.getByTestId('decide').waitFor();
    const year = (await operator.get(`/api/index/desa/${DESA}`)).history.at(-1).year + 1;
    await page.goto(`${baseUrl()}/indeks-desa/${DESA}`);
    await page.getByTestId('entry-panel').waitFor();

    await context.setOffline(true);
    // The operator types a score offline...
    await page.getByTestId('score-IKE07_BANK_BPR').fill('5');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-panel').getByTestId('waiting-note').waitFor();
    // ...and forwards the proposal offline.
    await page.goto(`${baseUrl()}/usulan/${first.id}`);
    await page.getByTestId('decide').click();
    await page.getByTestId('decision').getByTestId('waiting-note').waitFor();
    expect(await page.getByTestId('decide').isDisabled()).toBe(true);

    // Meanwhile a colleague, online, saves the entry and rejects the proposal.
    const url = `/api/index/entries/${DESA}/${year}`;
    const saved = await operator.api.get(url);
    const card = await operator.get(`/api/index/desa/${DESA}`);
    const now =
      saved.status() === 200
        ? await saved.json()
        : {
            scores: Object.fromEntries(
              card.indicators.items.map((i: { code: string; score: number }) => [i.code, i.score]),
            ),
            version: null,
          };
    const theirs = await operator.send('PUT', url, {
      scores: { ...now.scores, IKE07_BANK_BPR: 2 },
      basedOn: now.version,
    });
    expect(theirs.status()).toBe(200);
    const rejected = await operator.send('POST', `/api/proposals/${first.id}/decisions`, {
      kind: 'tolak',
      reason: 'sudah_didanai_sumber_lain',
    });
    expect(rejected.status()).toBe(200);

    await context.setOffline(false);
    await page
      .getByTestId('outbox-check')
      .filter({ hasText: /2 perlu diperiksa/i })
      .waitFor({ timeout: 30_000 });
    await page.getByTestId('outbox-check').click();
    const items = page.getByTestId('outbox-item');
    await expect.poll(() => items.count()).toBe(2);
    // The entry: the operator's 5 beside the colleague's 2; the operator sends theirs.
    const entryItem = items.filter({ hasText: 'Isian IDM' });
    expect(await entryItem.getByTestId('outbox-state').innerText()).toMatch(/diubah orang lain/i);
    const diff = entryItem.getByTestId('outbox-diff');
    await diff.waitFor();
    expect(await diff.innerText()).toMatch(/Bank[^\n]*\s+5\s+2/);
    // The decision: the proposal is now rejected; the operator keeps that.
    const decisionItem = items.filter({ hasText: 'Keputusan atas usulan' });
    expect(await decisionItem.getByTestId('outbox-now').innerText()).toMatch(/Ditolak/);
    await shot(page, 'offline-conflicts');
    await entryItem.getByTestId('outbox-send-mine').click();
    await decisionItem.getByTestId('outbox-discard').click();
    await decisionItem.getByTestId('outbox-discard-sure').click();
    await page.getByTestId('outbox-empty').waitFor({ timeout: 30_000 });
    expect((await operator.get(url)).scores.IKE07_BANK_BPR).toBe(5);
    const events = (await operator.get(`/api/proposals/${first.id}`)).events.map(
      (e: { kind: string }) => e.kind,
    );
    expect(events.filter((k: string) => k === 'teruskan')).toHaveLength(0);
    expect(events.filter((k: string) => k === 'tolak')).toHaveLength(1);
  });

  it('on a phone: an agency reports progress with a photo from a site without signal', async () => {
    const { page, context } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    const opd = await apiAs('opd.dpupr');
    clients.push(opd.api);
    // A project of the agency under way, last reported before today and well short of done.
    const today = new Date().toISOString().slice(0, 10);
    type Report = { reportDate: string; physical: number; spending: Record<string, number> };
    let project: { id: string } | undefined;
    let before: { reports: Report[]; funding: { source: string }[] } | undefined;
    for (const p of (await opd.get('/api/projects')).items as {
      id: string;
      status: string;
      startDate: string;
    }[]) {
      if (p.status === 'selesai' || p.startDate > today) continue;
      const detail = await opd.get(`/api/projects/${p.id}`);
      if (!detail.abilities?.report) continue;
      const last = detail.reports.at(-1) as Report | undefined;
      if (last && last.reportDate < today && last.physical < 80) {
        project = p;
        before = detail;
        break;
      }
    }
    if (!project || !before) throw new Error('the demo data has no project under way for DPUPR');
    const physical = Math.ceil(Math.max(...before.reports.map((r) => r.physical))) + 3;
    await installed(page, 'opd.dpupr');
    await page.goto(`${baseUrl()}/proyek/${project.id}`);
    await page.getByTestId('report-form').waitFor();

    await context.setOffline(true);
    await page.getByTestId('report-physical').fill(String(physical));
    // Spending so far, typed key by key the Indonesian way: a little more than last time.
    const spent = before.reports.at(-1)!.spending;
    const fields = page.getByTestId('report-form').getByLabel(/^Realisasi:/);
    for (const [i, f] of before.funding.entries())
      await fields.nth(i).pressSequentially(String((spent[f.source] ?? 0) + 1_000_000));
    await page
      .getByTestId('report-form')
      .locator('input[type=file]')
      .setInputFiles({ name: 'saluran.png', mimeType: 'image/png', buffer: await PNG() });
    await page.getByTestId('report-save').click();
    await page.getByTestId('report-form').getByTestId('waiting-note').waitFor();
    await shot(page, 'offline-report-phone');
    // The header keeps its buttons on a phone while something waits.
    expect(await page.getByTestId('logout').isVisible()).toBe(true);
    const logout = await page.getByTestId('logout').boundingBox();
    expect(logout!.x + logout!.width).toBeLessThanOrEqual(390);
    expect((await opd.get(`/api/projects/${project.id}`)).reports).toHaveLength(before.reports.length);

    await context.setOffline(false);
    await page.getByTestId('outbox-count').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByTestId('outbox-check').count()).toBe(0);
    const after = await opd.get(`/api/projects/${project.id}`);
    const added = after.reports.filter((r: { physical: number }) => r.physical === physical);
    expect(added).toHaveLength(1);
    expect(added[0].photos).toHaveLength(1);
  });
});

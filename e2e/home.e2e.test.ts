import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
afterEach(() => b.close());

// What the demo data plants for each role (and no other browser test takes away).
const planted = [
  ['desa.jaten', 'aspirations.moderate', 'aspirasi warga menunggu moderasi'],
  ['kec.wonodadi', 'index.verify', 'isian IDM menunggu verifikasi'],
  ['opd.dpupr', 'progress.verify', 'laporan kemajuan menunggu verifikasi'],
  ['perencana', 'index.approve', 'isian IDM menunggu pengesahan'],
  ['dprd', 'pokir.active', 'pokir Anda sedang diproses'],
] as const;

describe('a home per role, in Chromium', () => {
  beforeEach(async () => {
    b = await openBrowser();
  });

  for (const [user, kind, text] of planted)
    it(`shows ${user} what waits for it, one click from its page`, async () => {
      const { page } = b;
      await signIn(page, user);
      const card = page.getByTestId(`waiting-${kind}`);
      expect(await card.innerText()).toContain(text);
      await shot(page, `home-${user}`);
      const link = card.getByRole('link').first();
      const href = await link.getAttribute('href');
      await link.click();
      await page.waitForURL((url) => url.pathname + url.search === href);
    });

  it('shows Bappeda the planning year, step by step', async () => {
    const { page } = b;
    await signIn(page, 'perencana');
    const calendar = page.getByTestId('planning-calendar');
    expect(await calendar.innerText()).toContain('Musrenbang kabupaten');
    // The counts come with their own request, after the calendar itself is drawn.
    await expect.poll(() => calendar.innerText(), { timeout: 30_000 }).toMatch(/\d+ usulan di tahap ini/);
  });

  it('rings the bell for what started waiting; opening one goes to it and marks it read', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    const bell = page.getByTestId('bell');
    // The notifier sweeps shortly after the server starts and after every change.
    await expect
      .poll(async () => (await bell.getAttribute('aria-label')) ?? '', { timeout: 90_000, interval: 2_000 })
      .toMatch(/belum dibaca/);
    await bell.click();
    const list = page.getByTestId('notifications');
    const item = list.getByRole('button', { name: /aspirasi warga menunggu moderasi/ }).first();
    await item.waitFor();
    await shot(page, 'bell-desa');
    await item.click();
    await page.waitForURL(/\/usulan\/[0-9a-f-]{36}$/);
    await bell.click();
    expect(
      await list
        .getByRole('button', { name: /aspirasi warga menunggu moderasi/ })
        .locator('p')
        .first()
        .evaluate((e) => getComputedStyle(e).fontWeight),
    ).toBe('400');
  });
});

describe('the desa operator on a phone (390 x 844)', () => {
  beforeEach(async () => {
    b = await openBrowser({ width: 390, height: 844 });
  });

  it('reads what waits and finds its entries in the menu', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    await page.getByTestId('waiting-aspirations.moderate').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'menu' }).click();
    const nav = page.locator('nav');
    await nav.getByText('Isian IDM desa').waitFor();
    expect(await nav.innerText()).not.toContain('Verifikasi indeks');
    expect(await nav.innerText()).not.toContain('Pekerjaan latar');
    await shot(page, 'home-desa-phone');
  });

  it('lists proposals as cards with their step and cost, and enters one without squeezed fields', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    await page.goto(`${baseUrl()}/usulan`);
    const card = page.getByTestId('proposal-cards').locator('.mantine-Card-root').first();
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Rp[\d.]+/);
    expect(await card.innerText()).toMatch(/MUSRENBANG|VERIFIKASI|MODERASI|RKPD|APBD|PELAKSANAAN/i);
    await page.goto(`${baseUrl()}/usulan/baru`);
    const lat = page.getByLabel('Lintang');
    await lat.waitFor();
    expect((await lat.boundingBox())!.width).toBeGreaterThanOrEqual(120);
    const rt = (await page.getByLabel('RT', { exact: true }).boundingBox())!;
    const rw = (await page.getByLabel('RW', { exact: true }).boundingBox())!;
    expect(Math.abs(rt.y - rw.y)).toBeLessThan(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'proposal-form-phone');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

describe('the public portal, in Chromium without signing in (issue 20)', () => {
  it('opens at / with the planning year, the village index map, the projects and the votes; search finds a proposal', async () => {
    const { page } = b;
    await page.goto(baseUrl());
    await page.getByTestId('portal').waitFor();
    expect(await page.getByTestId('planning-calendar').innerText()).toContain('Musrenbang kabupaten');
    const index = page.getByTestId('portal-index');
    await expect.poll(() => index.innerText()).toMatch(/Indeks Desa Membangun \d{4}/);
    await index.locator('svg path').first().waitFor();
    await expect.poll(() => page.getByTestId('portal-projects').innerText()).toMatch(/[1-9]\d* proyek/);
    await page.getByTestId('portal-votes').waitFor();
    await shot(page, 'portal');
    await page.getByTestId('portal-search').fill('irigasi');
    await page.getByRole('button', { name: 'Cari' }).first().click();
    await page.waitForURL(/\/usulan-publik\?q=irigasi/);
    const first = page.getByTestId('public-proposal').first();
    await first.waitFor();
    expect((await first.innerText()).toLowerCase()).toContain('irigasi');
  });

  it('on a phone, filters the public proposals by kecamatan and opens one with its cost and path', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/usulan-publik`);
    await page.getByTestId('public-kecamatan').click();
    await page.getByRole('option', { name: 'Wonodadi' }).click();
    await page.waitForURL(/kecamatan=35\.05\.01/);
    await expect
      .poll(async () => {
        const texts = await page.getByTestId('public-proposal').allInnerTexts();
        return texts.length > 0 && texts.every((x) => x.includes('Wonodadi'));
      })
      .toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Nothing about who proposed it: the demo's proposer groups are not on the page.
    expect(await page.getByTestId('public-list').innerText()).not.toMatch(/Warga RW|Anggota DPRD \(contoh\)/);
    await shot(page, 'public-proposals-phone');
    await page.getByTestId('public-proposal').first().getByRole('link').click();
    await page.waitForURL(/\/lacak\/USL-/);
    expect(await page.getByTestId('track-cost').innerText()).toMatch(/^Rp[\d.]+$/);
    expect(await page.getByTestId('tracking').innerText()).toContain('Musrenbang desa');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'public-proposal-phone');
  });
});

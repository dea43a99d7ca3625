import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
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

  it('on a phone, a citizen sends an aspiration with a pin, an estimate typed key by key and a photo, after seeing a similar one', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    const photo = join(mkdtempSync(join(tmpdir(), 'sinergi-asp-')), 'lokasi.jpg');
    await sharp({ create: { width: 120, height: 90, channels: 3, background: '#51cf66' } })
      .jpeg()
      .toFile(photo);
    await page.goto(`${baseUrl()}/aspirasi`);
    await page.getByTestId('pick-kecamatan').click();
    await page.getByRole('option', { name: 'Wonodadi', exact: true }).click();
    await page.getByTestId('pick-desa').click();
    await page.getByRole('option', { name: 'Jaten', exact: true }).click();
    await page.getByTestId('title').fill('Rabat beton jalan dusun Krajan');
    // The demo's proposal of the same name at the desa forum is offered to follow instead.
    await expect
      .poll(() => page.getByTestId('similar').innerText(), { timeout: 10_000 })
      .toContain('Rabat beton jalan dusun Krajan');
    await page.getByTestId('title').fill('Rabat beton gang Melati dusun Krajan');
    await page.getByTestId('description').fill('Gang Melati becek dan licin setiap musim hujan.');
    const estimate = page.getByTestId('estimate');
    await estimate.click();
    await estimate.pressSequentially('45000000', { delay: 15 });
    await estimate.blur();
    expect(await estimate.inputValue()).toBe('Rp45.000.000');
    await page.getByTestId('open-point-map').click();
    const map = page.getByTestId('point-map');
    await map.locator('path').first().waitFor();
    await map.click();
    // A photo over 5 MiB is left out at once, saying so under the field.
    await page.setInputFiles('[data-testid=aspiration-photos] + input[type=file], input[type=file]', {
      name: 'besar.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.alloc(6 * 1024 * 1024, 1),
    });
    await page.getByText('1 foto lebih dari 5 MiB tidak diambil').waitFor();
    await page.setInputFiles('[data-testid=aspiration-photos] + input[type=file], input[type=file]', photo);
    expect(await page.getByText('lebih dari 5 MiB').count()).toBe(0);
    await page.getByTestId('name').fill('Sri Wahyuni');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'aspiration-form-phone');
    await page.getByTestId('submit').click();
    const code = (await page.getByTestId('tracking-code').innerText()).match(
      /USL-[0-9A-Z]{4}-[0-9A-Z]{4}/,
    )![0];
    expect(await page.getByTestId('photos-sent').innerText()).toContain('1 dari 1 foto terkirim');
    await shot(page, 'aspiration-sent-phone');
    // Until the desa moderates it, its page says so and shows neither text nor photo.
    await page.goto(`${baseUrl()}/lacak/${code}`);
    await page.getByTestId('track-moderation').waitFor();
    expect(await page.getByTestId('tracking').innerText()).not.toContain('Gang Melati becek');
  });
});

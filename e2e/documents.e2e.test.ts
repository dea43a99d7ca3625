import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

describe("the letterhead's emblem, in Chromium", () => {
  it('is uploaded by Bappeda, shown as documents draw it, refused when not a picture, and removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sinergi-logo-'));
    const emblem = join(dir, 'lambang.png');
    await sharp({ create: { width: 300, height: 360, channels: 3, background: '#1c7ed6' } })
      .png()
      .toFile(emblem);
    const fake = join(dir, 'bukan-gambar.png');
    writeFileSync(fake, 'ini bukan gambar');
    const { page } = b;
    await signIn(page, 'perencana');
    await page.goto(`${baseUrl()}/kop-surat`);
    const field = page.getByTestId('doc-logo');
    await field.getByTestId('doc-logo-none').waitFor();

    await page.getByTestId('logo-file').click();
    await page.setInputFiles('input[type=file]', fake);
    await page.getByTestId('logo-send').click();
    await expect.poll(() => field.innerText()).toMatch(/JPEG, PNG, WebP/);

    await page.setInputFiles('input[type=file]', emblem);
    await page.getByTestId('logo-send').click();
    const image = page.getByTestId('doc-logo-image');
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
    await shot(page, 'letterhead-emblem');
    const pdf = await page.request.get(`${baseUrl()}/api/projects/monthly-report.pdf?month=2026-11`);
    expect((await pdf.body()).toString('latin1')).toContain('/Subtype /Image');

    await field.getByRole('button', { name: 'Hapus lambang' }).click();
    await field.getByTestId('doc-logo-none').waitFor();
  });

  it('names the officials who sign, refusing a short NIP under its field until it has 18 digits', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'perencana');
    await page.goto(`${baseUrl()}/kop-surat`);
    const officials = page.getByTestId('doc-officials');
    await officials.getByLabel('Jabatan 1').fill('Kepala Bappeda');
    await officials.getByLabel('Nama 1').fill('Ir. Contoh Pejabat, M.T.');
    await officials.getByLabel('NIP 1').pressSequentially('1970 0101');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => officials.innerText()).toMatch(/18 angka/);
    await officials.getByLabel('NIP 1').fill('19700101 199503 1 001');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Kop surat dan penomoran disimpan.').waitFor();
    await shot(page, 'letterhead-officials-phone');
    await page.reload();
    await expect.poll(() => officials.getByLabel('NIP 1').inputValue()).toBe('197001011995031001');
  });
});

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
});

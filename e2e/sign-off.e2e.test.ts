import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

describe('a year of the village index from entry to approval, in Chromium', () => {
  it('desa enters and submits, kecamatan verifies, kabupaten approves, and the year is locked', async () => {
    const { page } = b;
    // Desa Jaten enters 2025: a bank opened (Bank & BPR from 0 to 3).
    await signIn(page, 'desa.jaten');
    await page.goto(`${baseUrl()}/indeks-desa/35.05.01.2001`);
    const panel = page.getByTestId('entry-panel');
    await panel.waitFor();
    expect(await page.getByTestId('entry-state').innerText()).toMatch(/belum diisi/i);
    const bank = page.getByTestId('score-IKE07_BANK_BPR');
    await bank.fill('3');
    await page.getByTestId('entry-save').click();
    await page
      .getByTestId('entry-state')
      .filter({ hasText: /draf desa/i })
      .waitFor();
    expect(await panel.innerText()).toContain('0,7702');
    await shot(page, 'entry-draft');
    await page.getByTestId('entry-submit').click();
    await page
      .getByTestId('entry-state')
      .filter({ hasText: /diajukan/i })
      .waitFor();
    await page.getByTestId('logout').click();

    // Kecamatan Wonodadi verifies.
    await signIn(page, 'kec.wonodadi');
    await page.goto(`${baseUrl()}/indeks-desa/verifikasi`);
    // The other 9 desa of Wonodadi have not entered 2025 yet (Salam's sample entry waits too), and
    // the kecamatan sees who.
    expect(await page.getByTestId('worklist-missing').innerText()).toContain('9 desa');
    await page.getByTestId('verify-35.05.01.2001').click();
    await page
      .getByTestId('state-35.05.01.2001')
      .filter({ hasText: /diverifikasi/i })
      .waitFor();
    await page.getByTestId('logout').click();

    // The kabupaten (Bappeda) approves.
    await signIn(page, 'perencana');
    await page.goto(`${baseUrl()}/indeks-desa/verifikasi`);
    await page.getByTestId('approve-35.05.01.2001').click();
    await page
      .getByTestId('state-35.05.01.2001')
      .filter({ hasText: /disetujui/i })
      .waitFor();
    await shot(page, 'worklist-approved');
    const pdf = await page.request.get(`${baseUrl()}/api/index/berita-acara?year=2025`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.getByTestId('logout').click();

    // The approved 2025 is published on the scorecard, and the desa's form moves on to 2026.
    await signIn(page, 'desa.jaten');
    await page.goto(`${baseUrl()}/indeks-desa/35.05.01.2001`);
    await page.getByTestId('scorecard-history').getByText('2025').waitFor();
    expect(await page.getByTestId('entry-panel').innerText()).toContain('2026');
    await shot(page, 'scorecard-after-approval');
  });
});

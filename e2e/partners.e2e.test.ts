import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

describe('development partners, in Chromium (issue 21)', () => {
  it('Bappeda registers a partner and its agreement, money typed the Indonesian way; the CSR catalogue lists village steps', async () => {
    const { page } = b;
    await signIn(page, 'perencana');
    await page.goto(`${baseUrl()}/mitra`);
    await page.getByTestId('village-steps').locator('tr').first().waitFor();
    await page.getByTestId('partner-name').fill('PT Gula Rejoagung (uji)');
    await page.getByTestId('partner-save').click();
    await page.getByTestId('agreement-form').waitFor();
    await page.getByTestId('agreement-title').fill('TJSL jalan usaha tani');
    const year = new Date().getFullYear();
    await page.getByTestId('agreement-starts').pressSequentially(`01/01/${year}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('agreement-ends').pressSequentially(`31/12/${year + 1}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('commitment-description').fill('Dana pengerasan jalan usaha tani');
    await page.getByTestId('commitment-amount').pressSequentially('750000000');
    expect(await page.getByTestId('commitment-amount').inputValue()).toBe('Rp750.000.000');
    await page.getByTestId('agreement-save').click();
    await page.getByTestId('agreement').filter({ hasText: 'TJSL jalan usaha tani' }).waitFor();
    expect(await page.getByTestId('money-in-force').innerText()).toContain('Rp750.000.000');
    await shot(page, 'partner');
  });
});

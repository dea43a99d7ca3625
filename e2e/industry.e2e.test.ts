import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

describe('industry registry, in Chromium (issue 21)', () => {
  it('an agency registers a business, types its report the Indonesian way and reads its emissions', async () => {
    const { page } = b;
    await signIn(page, 'opd.dpupr');
    await page.goto(`${baseUrl()}/industri`);
    await page.getByTestId('industry-new').click();
    await page.getByTestId('industry-name').fill('CV Kripik Gaprang (uji e2e)');
    // A trade KBLI is refused by its label before anything is sent.
    await page.getByTestId('industry-kbli').fill('47111');
    for (const [testId, option] of [
      ['pick-kecamatan', 'Kanigoro'],
      ['pick-desa', 'Gaprang'],
    ]) {
      await page.getByTestId(testId!).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    }
    await page.getByTestId('industry-save').click();
    await page
      .getByText(/Kode KBLI.*industri pengolahan: lima angka/)
      .first()
      .waitFor();
    await page.getByTestId('industry-kbli').fill('10794');
    await page.getByTestId('industry-save').click();
    await page.getByTestId('industry-title').filter({ hasText: 'Kripik Gaprang' }).waitFor();

    await page.getByTestId('report-workforce').pressSequentially('12');
    await page.getByTestId('report-output').pressSequentially('2000000000');
    await expect(page.getByTestId('report-output').inputValue()).resolves.toBe('Rp2.000.000.000');
    await page.getByLabel('Listrik PLN (kWh)').pressSequentially('10000');
    await page.getByTestId('report-fuel-solar').pressSequentially('2000');
    await page.getByTestId('report-save').click();
    // 10 MWh x 0.817 and 2,000 litres of solar (5.371 t CO2e) by the IPCC defaults.
    await page.getByTestId('report-total').filter({ hasText: '13,54' }).waitFor();
    await shot(page, 'industry-report');

    // The analysis counts it; on a phone, the public sees the sentra on a map without signing in.
    await page.goto(`${baseUrl()}/industri/analisis`);
    await page.getByTestId('by-sector').filter({ hasText: '10 Industri makanan' }).waitFor();
    await page.getByTestId('logout').click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/sentra-ikm`);
    await page.getByTestId('sentra-map').locator('circle').first().waitFor();
    expect(await page.getByTestId('sentra-list').locator('tr').count()).toBeGreaterThan(0);
    await shot(page, 'sentra-phone');
  });
});

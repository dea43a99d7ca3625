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
    // A study of this partner, informing a target of the RPJMD.
    await page.getByTestId('study-title').fill('Kajian rantai pasok gula Rejoagung');
    await page.getByTestId('study-plan').click();
    await page.getByRole('option', { name: /RPJMD/ }).first().click();
    await page.getByTestId('study-items').click();
    await page
      .getByRole('option', { name: /kemiskinan/i })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page.getByTestId('study-save').click();
    await page.getByTestId('studies').getByText('Kajian rantai pasok gula Rejoagung').waitFor();
    expect(await page.getByTestId('studies').innerText()).toMatch(/Mendukung/);

    // A project with a CSR line this partner pays: its page names the partner, whose page lists it.
    const partnerId = page.url().split('/').pop()!;
    const csrf = (await (await page.request.get(`${baseUrl()}/api/auth/session`)).json()).csrfToken;
    const orgs = (await (await page.request.get(`${baseUrl()}/api/organisations`)).json()).items as {
      id: string;
      code: string;
    }[];
    const partner = await (await page.request.get(`${baseUrl()}/api/partners/${partnerId}`)).json();
    const commitmentId = partner.agreementList[0].commitments[0].id;
    const created = await page.request.post(`${baseUrl()}/api/projects`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        name: 'Jalan usaha tani Rejoagung (uji)',
        type: 'jalan',
        organisationId: orgs.find((o) => o.code === 'DPUPR')!.id,
        regionCode: '35.05.01.2001',
        contractValue: 500_000_000,
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
        funding: [
          { source: 'apbd_kabupaten', amount: 250_000_000 },
          { source: 'csr', partnerId, commitmentId, amount: 250_000_000 },
        ],
        plan: [{ month: `${year}-12`, physical: 100, financial: 500_000_000 }],
      },
    });
    expect(created.status()).toBe(201);
    await page.goto(`${baseUrl()}/proyek/${(await created.json()).id}`);
    await page.getByRole('link', { name: 'PT Gula Rejoagung (uji)' }).click();
    await page.getByTestId('funded-projects').getByText('Jalan usaha tani Rejoagung (uji)').waitFor();
    // The commitment shows what projects drew on it, traced from the agreement.
    expect(await page.getByTestId('commitment-drawn').innerText()).toContain('Rp250.000.000');
  });
});

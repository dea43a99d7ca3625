import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

describe('budget scenarios in Chromium', () => {
  it('finds the optimum beside the greedy list, explains a proposal left out, and adopts: the proposals are funded', async () => {
    const { page } = b;
    page.on('dialog', (d) => void d.accept());
    await signIn(page, 'perencana');
    await page.getByRole('link', { name: 'Penganggaran' }).click();
    await page.getByTestId('scenario-name').fill('Skenario uji peramban');
    await page.getByTestId('scenario-budget').fill('600000000');
    await page.getByTestId('scenario-create').click();
    await page.getByTestId('solve').click();
    const result = page.getByTestId('result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toContain('Urut nilai (lembar kerja)');
    const candidates = page.getByTestId('candidates');
    const out = candidates.locator('tr', { hasText: 'tidak' }).first();
    await out.getByRole('button', { name: 'Mengapa?' }).click();
    await out
      .getByText(/Aturan yang mengikat|Terpilih bila|Tidak terpilih walau/)
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, 'scenario-solved');
    const chosen = await candidates
      .locator('tr', { hasText: '✓ terpilih' })
      .first()
      .locator('td')
      .first()
      .innerText();
    const code = chosen.match(/USL-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
    await page.getByTestId('adopt').click();
    await page.getByText('diadopsi').first().waitFor();
    await page.goto(`${baseUrl()}/lacak/${code}`);
    const tracking = page.getByTestId('tracking');
    await tracking.waitFor();
    expect(await tracking.innerText()).toContain('APBD (didanai)');
    expect(await tracking.innerText()).toContain('Skenario anggaran: Skenario uji peramban');
  });
});

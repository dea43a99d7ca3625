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
    await page.getByRole('link', { name: 'Skenario anggaran' }).click();
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
    const adoptedUrl = page.url();
    await page.goto(`${baseUrl()}/lacak/${code}`);
    const tracking = page.getByTestId('tracking');
    await tracking.waitFor();
    expect(await tracking.innerText()).toContain('APBD (didanai)');
    expect(await tracking.innerText()).toContain('Skenario anggaran: Skenario uji peramban');

    // The adopted portfolio stays readable: the record and every candidate as adopted.
    await page.goto(adoptedUrl);
    await page.getByTestId('adoption-note').waitFor();
    expect(await candidates.locator('tr', { hasText: '✓ terpilih' }).count()).toBeGreaterThan(0);
    // A second scenario of the year replaces it only with a reason.
    await page.getByRole('link', { name: 'Skenario anggaran' }).click();
    await page.getByTestId('scenario-name').fill('Skenario pengganti');
    await page.getByTestId('scenario-budget').fill('400000000');
    await page.getByTestId('scenario-create').click();
    await page.getByTestId('solve').click();
    await page.getByTestId('result').waitFor({ timeout: 30_000 });
    await page.getByTestId('adopt').click();
    await page.getByTestId('replace-modal-reason').fill('Pagu disesuaikan dengan KUA-PPAS');
    await page.getByTestId('replace-modal-confirm').click();
    await page
      .getByTestId('adoption-note')
      .getByText('Pagu disesuaikan dengan KUA-PPAS', { exact: false })
      .waitFor();
    await shot(page, 'scenario-replaced');
    await page.goto(adoptedUrl);
    await page.getByTestId('scenario-state').getByText('digantikan').waitFor();
  });

  it('sets a must-fund rule in the rules editor, which the optimum then keeps, and compares two scenarios on a map', async () => {
    const { page } = b;
    await signIn(page, 'perencana');
    await page.getByRole('link', { name: 'Skenario anggaran' }).click();
    await page.getByTestId('scenario-name').fill('Skenario dengan aturan');
    await page.getByTestId('scenario-budget').fill('300000000');
    await page.getByTestId('scenario-create').click();
    const editor = page.getByTestId('rules-editor');
    await editor.waitFor();
    // The cheapest candidate that a small budget might leave out: make it a must.
    await page.getByTestId('rules-must-fund').click();
    const option = page.getByRole('option').last();
    const code = (await option.innerText()).match(/USL-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
    await option.click();
    await page.keyboard.press('Escape');
    await page.getByTestId('rules-save').click();
    await page.getByTestId('solve').click();
    await page.getByTestId('result').waitFor({ timeout: 30_000 });
    const row = page.getByTestId('candidates').locator('tr', { hasText: code });
    await row.getByText('✓ terpilih').first().waitFor();
    await shot(page, 'scenario-rules');
    const id = page.url().split('/').at(-1)!;
    await page.getByRole('button', { name: 'Salin' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith(id));
    const copy = page.url().split('/').at(-1)!;
    await page.getByTestId('solve').click();
    await page.getByTestId('result').waitFor({ timeout: 30_000 });
    await page.goto(`${baseUrl()}/skenario/banding?ids=${id},${copy}`);
    await page.getByTestId('compare-map').first().locator('svg').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('compare-map').count()).toBe(2);
    await shot(page, 'scenario-compare-map');
    // Opened with no scenarios (a bookmark, a typed address): a word on how to pick them, and no
    // request the server must refuse.
    const refused: string[] = [];
    page.on('response', (r) => r.status() >= 400 && refused.push(`${r.status()} ${r.url()}`));
    await page.goto(`${baseUrl()}/skenario/banding`);
    await page.getByTestId('compare-none').waitFor();
    await page.getByTestId('compare-none').getByRole('link').click();
    await page.waitForURL(/\/skenario$/);
    expect(refused).toEqual([]);
  });
});

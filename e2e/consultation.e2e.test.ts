import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

const inDays = (n: number) => {
  const d = new Date(Date.now() + n * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
};

describe('public consultation on a draft plan, in Chromium (issue 21)', () => {
  it('Bappeda opens it, a citizen comments on an item from a phone, Bappeda answers, and the plan shows it', async () => {
    const { page } = b;
    await signIn(page, 'perencana');
    await page.goto(`${baseUrl()}/konsultasi`);
    await page.getByTestId('consultation-plan').click();
    await page.getByRole('option', { name: /RPJMD/ }).first().click();
    await page.getByTestId('consultation-title').fill('Konsultasi publik rancangan RPJMD (uji)');
    await page.getByTestId('consultation-opens').pressSequentially(inDays(0));
    await page.keyboard.press('Escape');
    await page.getByTestId('consultation-closes').pressSequentially(inDays(14));
    await page.keyboard.press('Escape');
    await page.getByTestId('consultation-create').click();
    await page.getByTestId('consultation-open').click();
    await page
      .getByTestId('consultation-state')
      .filter({ hasText: /dibuka/i })
      .waitFor();
    const url = page.url();
    await page.getByTestId('logout').click();

    // A citizen, on a phone, comments on one item of the plan.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/masuk`);
    await page.getByLabel('Nama pengguna').fill('warga');
    await page.getByLabel('Kata sandi').fill('sinergi-demo');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByTestId('portal').waitFor();
    await page.goto(url);
    await page.getByTestId('comment-item').click();
    await page.getByRole('option').nth(1).click();
    await page
      .getByTestId('comment-body')
      .fill('Mohon air bersih untuk dusun di lereng Kelud masuk sasaran.');
    await page.getByTestId('comment-send').click();
    await page.getByTestId('consultation-comment').filter({ hasText: 'lereng Kelud' }).waitFor();
    await shot(page, 'consultation-phone');
    await page.getByTestId('logout').click();

    // Bappeda answers; the consultation cannot be closed before its window ends.
    await page.setViewportSize({ width: 1280, height: 860 });
    await signIn(page, 'perencana');
    await page.goto(url);
    await page
      .getByTestId('answer-body')
      .fill('Diterima: air bersih dusun lereng Kelud masuk sasaran rancangan akhir.');
    await page.getByTestId('answer-send').click();
    await page.getByTestId('comment-answer').filter({ hasText: 'rancangan akhir' }).waitFor();
    expect(await page.getByTestId('close-needs').innerText()).toMatch(/masa konsultasi baru berakhir/);
    const record = await page.request.get(
      await page
        .getByTestId('consultation-record')
        .getAttribute('href')
        .then((h) => `${baseUrl()}${h}`),
    );
    expect(record.headers()['content-type']).toBe('application/pdf');
    // The plan's page shows its consultation.
    await page.goto(`${baseUrl()}/perencanaan`);
    await page.getByRole('link', { name: /RPJMD/ }).first().click();
    await page
      .getByTestId('plan-consultations')
      .getByText('Konsultasi publik rancangan RPJMD (uji)')
      .first()
      .waitFor();
  });
});

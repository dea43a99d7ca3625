import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function decide(page: Page, kind: string, reason?: string) {
  const panel = page.getByTestId('decision');
  await panel.getByText(kind, { exact: true }).click();
  if (reason) {
    await page.getByTestId('reason').click();
    await page.getByRole('option', { name: reason }).click();
  }
  await page.getByTestId('decide').click();
}

describe('Musrenbang in Chromium', () => {
  it('takes a citizen aspiration to the desa and kecamatan, and shows the public why it was rejected', async () => {
    const { page } = b;
    // A citizen, not signed in.
    await page.goto(`${baseUrl()}/aspirasi`);
    await page.getByTestId('title').fill('Lampu jalan di gang Mawar mati');
    await page.getByTestId('description').fill('Tiga lampu jalan di gang Mawar RW 02 mati sejak Agustus.');
    await pick(page, 'pick-kecamatan', 'Wonodadi');
    await pick(page, 'pick-desa', 'Jaten');
    await page.getByTestId('name').fill('Budi Santoso');
    await page.getByTestId('submit').click();
    const code = (await page.getByTestId('tracking-code').innerText()).match(
      /USL-[0-9A-Z]{4}-[0-9A-Z]{4}/,
    )![0];
    await shot(page, 'aspiration-sent');

    // The desa moderates it and forwards it from its forum.
    await signIn(page, 'desa.jaten');
    await page.getByRole('link', { name: 'Musrenbang', exact: true }).click();
    await page.getByTestId('mine').click();
    await page.getByTestId('proposals').getByText('Lampu jalan di gang Mawar mati').click();
    expect((await page.getByTestId('proposal-stage').textContent())?.trim()).toBe('Moderasi desa');
    await decide(page, 'Teruskan');
    await page.getByTestId('proposal-stage').getByText('Musrenbang desa').waitFor();
    await decide(page, 'Teruskan');
    await page.getByTestId('proposal-stage').getByText('Musrenbang kecamatan').waitFor();
    expect(await page.getByTestId('decision').count()).toBe(0);
    await shot(page, 'proposal-at-kecamatan');
    await page.getByTestId('logout').click();

    // The kecamatan rejects it with a reason from the list.
    await signIn(page, 'kec.wonodadi');
    await page.goto(`${baseUrl()}/usulan`);
    await page.getByTestId('mine').click();
    await page.getByTestId('proposals').getByText('Lampu jalan di gang Mawar mati').click();
    await decide(page, 'Tolak', 'Sudah didanai sumber lain');
    await page.getByTestId('proposal-stage').getByText('Ditolak').waitFor();
    await page.getByTestId('logout').click();

    // Anyone with the code sees each step and the reason, and no personal data.
    await page.goto(`${baseUrl()}/lacak/${code}`);
    const tracking = page.getByTestId('tracking');
    await tracking.waitFor();
    const text = await tracking.innerText();
    expect(text).toContain('Ditolak: Sudah didanai sumber lain');
    expect(text).toContain('Kecamatan Wonodadi');
    expect(text).toContain('Diteruskan ke Musrenbang kecamatan');
    expect(text).not.toContain('Budi');
    await shot(page, 'tracking-rejected');
  });

  it('lets a desa enter a proposal from the dictionary, with the estimate filled and a duplicate flagged', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    await page.goto(`${baseUrl()}/usulan/baru`);
    await pick(page, 'kamus', 'Rabat beton jalan lingkungan (Rp450.000/meter)');
    await page.getByTestId('volume').fill('200');
    expect(await page.getByTestId('cost').inputValue()).toBe('Rp90.000.000');
    expect(await page.getByTestId('organisation').inputValue()).toBe('DPUPR');
    await page.getByTestId('title').fill('Rabat beton jalan dusun Krajan RT 03');
    await page.getByTestId('proposer').click();
    await page.getByTestId('duplicates').waitFor();
    expect(await page.getByTestId('duplicates').innerText()).toContain('Rabat beton jalan dusun Krajan');
    await page.getByTestId('proposer').fill('Karang Taruna (uji)');
    await page.getByTestId('submit').click();
    await page.getByTestId('history').waitFor();
    expect((await page.getByTestId('proposal-stage').textContent())?.trim()).toBe('Musrenbang desa');
    await shot(page, 'proposal-detail');
  });

  it('holds a desa forum: agenda, participants, scores, ranking, decisions, and its berita acara', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    await page.getByRole('link', { name: 'Forum Musrenbang' }).click();
    await page.getByTestId('forum-title').fill('Musrenbangdes Jaten (uji)');
    await page.getByTestId('forum-create').click();
    await page.getByTestId('candidates').waitFor();
    await page
      .getByTestId('candidates')
      .getByText('Rabat beton jalan dusun Krajan', { exact: false })
      .first()
      .click();
    await page.getByTestId('save-agenda').click();
    const agenda = page.getByTestId('agenda');
    await agenda.getByText('Rabat beton jalan dusun Krajan').first().waitFor();
    await page.getByLabel('Jumlah').fill('35');
    await page.getByLabel('Perempuan').fill('14');
    await page.getByTestId('save-participants').click();
    await page.getByLabel('Manfaat bagi warga Rabat beton jalan dusun Krajan').first().fill('4');
    await page.getByTestId('save-scores').click();
    await agenda.locator('tbody tr td').first().getByText('1').waitFor();
    // Closing asks for confirmation first.
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('close-forum').click();
    await page.getByTestId('forum-state').getByText('Ditutup').waitFor();
    await shot(page, 'forum-closed');
    const pdf = await page.request.get(
      await page
        .getByTestId('forum-pdf')
        .getAttribute('href')
        .then((h) => `${baseUrl()}${h}`),
    );
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await page.request.get(
      await page
        .getByTestId('forum-xlsx')
        .getAttribute('href')
        .then((h) => `${baseUrl()}${h}`),
    );
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
  });
});

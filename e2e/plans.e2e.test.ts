import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

describe('plans in Chromium', () => {
  it('shows the synchronisation of the sample plans, drills down from a national priority, and offers the matrix', async () => {
    const { page } = b;
    await page.goto(`${baseUrl()}/perencanaan`);
    await page.getByTestId('orphans').getByText('Pembangunan gapura desa').waitFor();
    expect(await page.getByTestId('uncovered').innerText()).toContain(
      'Meningkatnya kemantapan jalan kabupaten',
    );
    // From the national poverty priority down to a Dinsos sub-kegiatan and a desa's BLT.
    await page.getByTestId('drill-open').filter({ hasText: 'Kemiskinan menuju' }).click();
    const drill = page.getByTestId('drill');
    await drill.getByText('Pemberian permakanan bagi lansia terlantar').waitFor();
    expect(await drill.innerText()).toContain('BLT Dana Desa');
    await shot(page, 'plans-drill');
    const href = await page.getByRole('link', { name: 'Matriks sinkronisasi (XLSX)' }).getAttribute('href');
    const file = await page.request.get(`${baseUrl()}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    // The RPJMD tree: poverty with the BPS realisations and a verdict for 2045.
    await page.getByRole('link', { name: /RPJMD Kab. Blitar/ }).click();
    const poverty = page
      .getByTestId('plan-node')
      .filter({ hasText: 'Menurunnya persentase penduduk miskin' });
    await poverty.getByText('8,16').waitFor();
    expect(await poverty.getByTestId('projection').last().innerText()).toMatch(/^2045/);
    await shot(page, 'plans');
  });

  it('shows the regency targets and their realisation to anyone', async () => {
    const { page } = b;
    await page.goto(`${baseUrl()}/capaian`);
    const target = page
      .getByTestId('public-target')
      .filter({ hasText: 'Menurunnya persentase penduduk miskin' });
    await target.getByText('7,57').waitFor();
    // 2025: target 7,9, realisation 7,57, lower is better: 104,4 %.
    expect(await target.innerText()).toContain('104,4 %');
    await shot(page, 'targets-public');
  });

  it('Bappeda adds an item under a program, moves it to the top, and reads the change in the history', async () => {
    const { page } = b;
    await signIn(page, 'perencana');
    await page.goto(`${baseUrl()}/perencanaan`);
    await page.getByRole('link', { name: /Renja DISDIK/ }).click();
    const program = page.getByTestId('plan-node').filter({ hasText: 'Program pengelolaan pendidikan' });
    await program.getByTestId('node-add').click();
    const form = program.getByTestId('node-form');
    await form.getByTestId('node-kind').click();
    await page.getByRole('option', { name: 'Kegiatan', exact: true }).click();
    await form.getByTestId('node-title').fill('Pengelolaan pendidikan sekolah dasar');
    await form.getByTestId('node-pagu').fill('250000000');
    await form.getByTestId('node-save').click();
    const added = page.getByTestId('plan-node').filter({ hasText: 'Pengelolaan pendidikan sekolah dasar' });
    await added.getByText('Rp250.000.000').waitFor();
    // Indented under the program; then moved to the top level.
    const indent = (l: typeof added) =>
      l.evaluate((el) => Number.parseFloat(getComputedStyle(el).marginLeft));
    expect(await indent(added)).toBeGreaterThan(await indent(program));
    await added.getByTestId('node-move').click();
    await added.getByTestId('move-parent').click();
    await page.getByRole('option', { name: '(tingkat teratas)' }).click();
    await added.getByTestId('move-save').click();
    await expect.poll(() => indent(added)).toBe(0);
    // An indicator on the new item: baseline and a target, read back with its achievement row.
    await added.getByTestId('node-indicator').click();
    const ind = added.getByTestId('indicator-form');
    await ind.getByTestId('indicator-name').fill('Angka partisipasi murni SD');
    await ind.getByTestId('indicator-baseline').fill('97');
    await ind.getByLabel('Target 2026').fill('98,5');
    await ind.getByTestId('indicator-save').click();
    await added.getByText('Angka partisipasi murni SD (%').waitFor();
    expect(await added.innerText()).toContain('98,50');
    // The target changes in the browser too.
    await added.getByTestId('indicator-edit').click();
    const edit = added.getByTestId('indicator-form');
    await edit.getByLabel('Target 2026').fill('99');
    await edit.getByTestId('indicator-save').click();
    await added.getByText('99,00').waitFor();
    await page.getByTestId('history-toggle').click();

    const history = page.getByTestId('history');
    await history.getByText('butir dipindah').waitFor();
    expect(await history.innerText()).toContain('butir ditambah');
    expect(await history.innerText()).toContain('indikator diubah');
    await shot(page, 'plans-edited');
  });

  it('a desa links its RKPDes item to a kabupaten target and sees its alignment score change', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    const score = async () => {
      await page.goto(`${baseUrl()}/perencanaan`);
      const row = page.getByTestId('villages').locator('tr', { hasText: 'Desa Jaten' });
      await row.waitFor();
      return (await row.innerText()).match(/(\d+) %/)![1];
    };
    expect(await score()).toBe('57');
    await page.getByRole('link', { name: /RKPDes Jaten/ }).click();
    const node = page.getByTestId('plan-node').filter({ hasText: 'Pembangunan gapura desa' });
    await node.getByTestId('node-link').click();
    await node.getByTestId('link-target').click();
    await page.getByRole('option', { name: 'Meningkatnya kemantapan jalan kabupaten' }).click();
    await node.getByTestId('link-save').click();
    await node.getByText('Mendukung: Meningkatnya kemantapan jalan kabupaten').waitFor();
    expect(await score()).toBe('100');
    await shot(page, 'plans-linked');
    // The desa starts next year's RKPDes: its own, at its own level.
    const next = String(new Date().getFullYear() + 1);
    const form = page.getByTestId('new-plan');
    await form.getByLabel('Nama rencana').fill(`RKPDes Jaten ${next}`);
    await form.getByLabel('Tahun awal').fill(next);
    await form.getByLabel('Tahun akhir').fill(next);
    await form.getByTestId('new-plan-save').click();
    await page.getByRole('heading', { name: `RKPDes Jaten ${next}` }).waitFor();
    expect(await page.getByText('Desa Jaten').count()).toBeGreaterThan(0);
  });
});

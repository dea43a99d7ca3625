import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser({ width: 390, height: 844 });
});
afterEach(() => b.close());

describe('open data, in Chromium (issue 21)', () => {
  it('on a phone, anyone finds the datasets, reads a dictionary and downloads a CSV', async () => {
    const { page } = b;
    await page.goto(`${baseUrl()}/data-terbuka`);
    const idm = page.getByTestId('dataset-indeks-desa-membangun');
    await idm.waitFor();
    expect(await idm.innerText()).toMatch(/\d+ baris/i);
    await idm.getByText('Kamus data').click();
    const dictionary = page.getByTestId('dictionary-indeks-desa-membangun');
    await dictionary.waitFor();
    expect(await dictionary.innerText()).toContain('Kode wilayah Kemendagri');
    await shot(page, 'opendata-phone');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-indeks-desa-membangun-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('indeks-desa-membangun.csv');
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, first] = text.split('\n');
    expect(header).toBe('tahun,kode_desa,desa,kecamatan,iks,ike,ikl,idm,status');
    expect(first).toMatch(/^\d{4},35\.05\.\d{2}\.\d{4},/);
  });
});

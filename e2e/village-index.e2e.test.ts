import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idm2024Indicators, rumusanOf } from '../packages/core/src/village-index/fixtures.ts';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

describe('village index in Chromium', () => {
  it('shows the official status counts, the unconfirmed parts, and the map', async () => {
    const { page } = b;
    await signIn(page, 'dprd');
    await page.getByRole('link', { name: 'Indeks Desa' }).click();
    const counts = page.getByTestId('index-counts');
    await counts.waitFor();
    const rows = await counts.locator('tbody tr').allInnerTexts();
    expect(rows[0]!.split(/\s+/).slice(0, 6)).toEqual(['2023', '0', '0', '4', '152', '64']);
    expect(rows[1]!.split(/\s+/).slice(0, 6)).toEqual(['2024', '0', '0', '1', '108', '111']);
    expect(await page.getByTestId('unconfirmed').innerText()).toContain('Pihak yang bertindak');
    await page.getByTestId('region-map').locator('path').first().waitFor();
    expect(await page.getByTestId('index-weakest').innerText()).toContain('Bank & BPR');
    await page.getByTestId('trend-chart').locator('path').first().waitFor({ state: 'attached' });
    expect(await page.getByTestId('trend-chart').locator('path').count()).toBeGreaterThan(5);
    await shot(page, 'index-dashboard');
  });

  it('goes from a desa on the region page to its scorecard and plan', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    await page.goto(`${baseUrl()}/wilayah/35.05.01.2001`);
    await page.getByTestId('scorecard-link').click();
    await page.getByTestId('scorecard-name').filter({ hasText: 'Jaten' }).waitFor();
    expect(await page.getByTestId('scorecard-status').innerText()).toMatch(/maju/i);
    const plan = await page.getByTestId('scorecard-plan').innerText();
    expect(plan).toContain('Mandiri');
    expect(plan).toContain('BPBD');
    expect(await page.getByTestId('scorecard-indicators').locator('tr').count()).toBe(50);
    await page.getByTestId('trend-chart').locator('path').first().waitFor({ state: 'attached' });
    expect(await page.getByTestId('trend-chart').locator('path').count()).toBeGreaterThan(5);
    await shot(page, 'scorecard-trend');
  });

  it('is open to the public without signing in: status and history, no entry form, no worklist', async () => {
    const { page } = b;
    await page.goto(`${baseUrl()}/masuk`);
    await page.getByTestId('public-portal').click();
    await page.getByTestId('index-counts').waitFor();
    const nav = await page.locator('nav').innerText();
    expect(nav).not.toContain('Verifikasi indeks');
    expect(nav).not.toContain('Pengguna');
    await page.goto(`${baseUrl()}/indeks-desa/35.05.01.2001`);
    await page.getByTestId('scorecard-history').waitFor();
    expect(await page.getByTestId('entry-panel').count()).toBe(0);
    await page.goto(`${baseUrl()}/indeks-desa/verifikasi`);
    await page.waitForURL(/\/masuk$/);
  });

  it('lets the kabupaten upload a Kemendesa file and refuses a bad one with a downloadable error report', async () => {
    const { page } = b;
    const dir = mkdtempSync(join(tmpdir(), 'sinergi-upload-'));
    const header =
      'KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_2018,IKE_2018,IKL_2018,NILAI_IDM_2018,STATUS_IDM_2018';
    const good = join(dir, 'idm2018.csv');
    writeFileSync(
      good,
      `${header}\n35,JAWA TIMUR,3505,BLITAR,350501,WONODADI,3505012001,JATEN,0.7,0.6,0.8,0.7,BERKEMBANG\n` +
        // Two desa beyond Blitar, as Kemendesa's national file has them.
        '35,JAWA TIMUR,3506,KEDIRI,350601,MOJO,3506012001,BULU,0.9,0.8,0.85,0.85,MANDIRI\n' +
        '11,ACEH,1101,ACEH SELATAN,110101,BAKONGAN,1101012001,KEUDE BAKONGAN,0.5,0.4,0.45,0.45,SANGAT TERTINGGAL\n',
    );
    const bad = join(dir, 'idm2018-salah.csv');
    writeFileSync(
      bad,
      `${header}\n35,JAWA TIMUR,3505,BLITAR,350501,WONODADI,3505012001,JATEN,0.7,0.6,0.8,0.7,MANDIRI\n`,
    );
    await signIn(page, 'perencana');
    await page.getByRole('link', { name: 'Impor IDM' }).click();
    await page.getByTestId('import-file').click();
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByTestId('import-submit').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toContain('STATUS_IDM_2018');
    expect(await errors.innerText()).toContain('seharusnya BERKEMBANG');
    const download = page.waitForEvent('download');
    await page.getByTestId('import-report').click();
    const report = readFileSync(await (await download).path(), 'utf8');
    expect(report).toContain('line 2, column STATUS_IDM_2018');
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByTestId('import-submit').click();
    expect(await page.getByTestId('import-result').innerText()).toContain('IDM 2018: 3 desa dibaca');
    // Blitar beside Jawa Timur and Indonesia, from the file's desa beyond Blitar.
    await page.goto(`${baseUrl()}/indeks-desa`);
    const compare = page.getByTestId('index-national-compare');
    await page.getByTestId('index-kecamatan').waitFor();
    await page.mouse.wheel(0, 20_000);
    await compare.waitFor();
    expect(await compare.innerText()).toMatch(/Kabupaten Blitar\s+1\s+0\s+0\s+1\s+0\s+0\s+0,7000/);
    expect(await compare.innerText()).toMatch(/Jawa Timur\s+2\s+0\s+0\s+1\s+0\s+1\s+0,7750/);
    expect(await compare.innerText()).toMatch(/Indonesia\s+3\s+1\s+0\s+1\s+0\s+1\s+0,6667/);
    await shot(page, 'index-national');
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the schemes with their unconfirmed parts, and imports per-desa rumusan files', async () => {
    const { page } = b;
    await signIn(page, 'admin');
    await page.goto(`${baseUrl()}/indeks-desa/skema`);
    const table = page.getByTestId('schemes');
    await table.getByText('indeks-desa-2024@2025-draft').waitFor();
    const text = await table.innerText();
    expect(text).toContain('Rata-rata geometrik');
    expect(text).toContain('Ambang status');
    expect(text).toContain('belum dipastikan');
    const download = page.waitForEvent('download');
    await table.getByText('Unduh XLSX').first().click();
    const workbook = readFileSync(await (await download).path());
    expect(workbook.subarray(0, 2).toString()).toBe('PK');
    await shot(page, 'schemes');

    const dir = mkdtempSync(join(tmpdir(), 'sinergi-rumusan-'));
    const files = idm2024Indicators.slice(0, 2).map((row) => {
      const doc = rumusanOf(row);
      doc.mapData.SUMMARIES.TAHUN = 2018;
      const file = join(dir, `${row.kode_desa!.replaceAll('.', '')}.json`);
      writeFileSync(file, JSON.stringify(doc));
      return file;
    });
    await page.goto(`${baseUrl()}/indeks-desa/impor`);
    await page.getByTestId('import-kind').getByText('Rumusan per desa (JSON)').click();
    await page.getByTestId('import-files').click();
    await page.locator('input[type=file]').setInputFiles(files);
    await page.getByTestId('import-submit').click();
    expect(await page.getByTestId('import-result').innerText()).toContain('IDM 2018: 2 desa dibaca');
    await shot(page, 'import-rumusan');
    rmSync(dir, { recursive: true, force: true });
  });
});

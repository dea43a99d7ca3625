import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, shot, signIn } from './browser.ts';

/**
 * The province as a user, in Chromium (issue 22, part 2): an installation of Kabupaten Blitar (its
 * demo) and the province of Jawa Timur at the host name jatim.test. The province's Bappeda writes
 * its RPJMD; Blitar's Bappeda takes a copy and links its RPJMD to it; the province reads the
 * synchronisation, and one of Blitar's plans, read only.
 */
const root = new URL('..', import.meta.url).pathname;
const PASSWORD = 'rahasia-bappeda-jatim';
let server: ChildProcess;
let dataDir = '';
let blitar = '';
let jatim = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sinergi-e2e-province-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
  const sinergi = (args: string[], input?: string) =>
    execFileSync(process.execPath, ['apps/server/bin/sinergi.mjs', ...args], {
      cwd: root,
      env,
      input,
      stdio: 'pipe',
    });
  // The installation's administrator: the regions, then the province at its host name, then its Bappeda.
  sinergi(['regions', 'load']);
  sinergi(['kabupaten', 'add', '35', '--host', 'jatim.test']);
  sinergi(
    [
      '--kabupaten',
      '35',
      'user',
      'create',
      '--username',
      'bappeda.jatim',
      '--display-name',
      'Bappeda Jawa Timur',
      '--role',
      'perencana',
    ],
    `${PASSWORD}\n`,
  );
  const port = await freePort();
  server = spawn(process.execPath, ['apps/server/bin/sinergi.mjs', 'serve'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  blitar = `http://127.0.0.1:${port}`;
  jatim = `http://jatim.test:${port}`;
  for (const deadline = Date.now() + 120_000; ; ) {
    if (Date.now() > deadline) throw new Error('the installation did not start');
    const ok = await fetch(`${blitar}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
}, 240_000);
afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a province and its kabupaten in Chromium', () => {
  it('the province writes its RPJMD, Blitar links to it, and the province reads the synchronisation', async () => {
    const b = await openBrowser(undefined, ['--host-resolver-rules=MAP jatim.test 127.0.0.1']);
    try {
      const { page } = b;
      // The province's Bappeda: a new RPJMD is the province's, with a goal and a target.
      await signIn(page, 'bappeda.jatim', PASSWORD, jatim);
      await page.goto(`${jatim}/perencanaan`);
      // A province's menu: its planning and the village index, not a kabupaten's Musrenbang or projects.
      const menu = page.getByRole('navigation');
      await menu.getByRole('link', { name: 'Perencanaan', exact: true }).waitFor();
      expect(await menu.getByRole('link', { name: 'Indeks Desa', exact: true }).count()).toBe(1);
      for (const kabupatenOnly of ['Musrenbang', 'Proyek', 'Skenario anggaran'])
        expect(await menu.getByRole('link', { name: kabupatenOnly, exact: true }).count()).toBe(0);
      const form = page.getByTestId('new-plan');
      await form.getByLabel('Jenis dokumen').click();
      await page.getByRole('option', { name: 'RPJMD', exact: true }).click();
      await form.getByLabel('Nama rencana').fill('RPJMD Provinsi Jawa Timur 2025–2029');
      await form.getByLabel('Tahun awal').fill('2025');
      await form.getByLabel('Tahun akhir').fill('2029');
      await form.getByTestId('new-plan-save').click();
      await page.getByRole('heading', { name: 'RPJMD Provinsi Jawa Timur 2025–2029' }).waitFor();
      const rootForm = page.getByTestId('node-form').last();
      await rootForm.getByTestId('node-kind').click();
      await page.getByRole('option', { name: 'Tujuan', exact: true }).click();
      await rootForm.getByTestId('node-title').fill('Meningkatnya kesejahteraan masyarakat');
      await rootForm.getByTestId('node-save').click();
      const goal = page.getByTestId('plan-node').filter({ hasText: 'Meningkatnya kesejahteraan masyarakat' });
      await goal.getByTestId('node-add').click();
      const under = goal.getByTestId('node-form');
      await under.getByTestId('node-kind').click();
      await page.getByRole('option', { name: 'Sasaran', exact: true }).click();
      await under.getByTestId('node-title').fill('Kemiskinan kabupaten/kota menurun');
      await under.getByTestId('node-save').click();
      await page.getByTestId('plan-node').filter({ hasText: 'Kemiskinan kabupaten/kota menurun' }).waitFor();

      // Blitar's Bappeda takes the copy and links its poverty target to the province's.
      await signIn(page, 'perencana', undefined, blitar);
      await page.goto(`${blitar}/perencanaan`);
      const copy = page.getByTestId('province-copy');
      expect(await copy.innerText()).toContain('Belum ada salinan rencana provinsi');
      await copy.getByTestId('province-take').click();
      await copy.getByText('Tersalin 1 rencana dengan 2 butir').waitFor();
      await page.getByRole('link', { name: /RPJMD Kab. Blitar/ }).click();
      const poverty = page
        .getByTestId('plan-node')
        .filter({ hasText: 'Menurunnya persentase penduduk miskin' });
      await poverty.getByTestId('node-link').click();
      await poverty.getByTestId('link-target').click();
      await page.getByRole('option', { name: 'Kemiskinan kabupaten/kota menurun' }).click();
      await poverty.getByTestId('link-save').click();
      await poverty.getByText(/Mendukung: .*Kemiskinan kabupaten\/kota menurun/).waitFor();

      // The province reads it: Blitar's poverty money serves its target, and nothing is uncovered.
      await page.goto(`${jatim}/perencanaan`);
      await page.getByTestId('province-open').click();
      const kabupaten = page.getByTestId('province-kabupaten').locator('tr', { hasText: 'Kabupaten Blitar' });
      await kabupaten.waitFor();
      expect(await kabupaten.innerText()).toMatch(/Rp[\d.]+\s+Rp[\d.]+\s+\d+ %/);
      const money = page
        .getByTestId('province-money')
        .locator('tr', { hasText: 'Kemiskinan kabupaten/kota menurun' });
      expect(await money.innerText()).toMatch(/Rp[1-9][\d.]*/);
      expect(await page.getByTestId('province-uncovered').innerText()).toContain('(0)');
      await shot(page, 'province-sync');
      const href = await page.getByRole('link', { name: 'Matriks sinkronisasi (XLSX)' }).getAttribute('href');
      // Fetched by the page itself: jatim.test resolves in Chromium only.
      const type = await page.evaluate(async (url) => (await fetch(url!)).headers.get('content-type'), href);
      expect(type).toContain('spreadsheetml');
      // One of Blitar's plans, read only at the province.
      await page
        .getByTestId('plans-35.05')
        .getByRole('link', { name: /RPJMD Kab. Blitar/ })
        .click();
      await page.getByTestId('plan-read-only').getByText('Kabupaten Blitar', { exact: false }).waitFor();
      expect(await page.getByTestId('node-add').count()).toBe(0);
      await shot(page, 'province-reads-kabupaten-plan');
    } finally {
      await b.close();
    }
  });

  it('reads at phone size', async () => {
    const b = await openBrowser({ width: 390, height: 844 }, [
      '--host-resolver-rules=MAP jatim.test 127.0.0.1',
    ]);
    try {
      await b.page.goto(`${jatim}/perencanaan/provinsi`);
      await b.page.getByTestId('province-kabupaten').waitFor();
      const width = await b.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390 + 1);
      await shot(b.page, 'province-sync-phone');
    } finally {
      await b.close();
    }
  });

  it("the installation's administrator adds Kota Blitar, which answers at its host name at once", async () => {
    const hosts = '--host-resolver-rules=MAP jatim.test 127.0.0.1, MAP kota.test 127.0.0.1';
    const b = await openBrowser(undefined, [hosts]);
    try {
      const { page } = b;
      await signIn(page, 'admin', undefined, blitar);
      await page.getByRole('link', { name: 'Instalasi' }).click();
      const governments = page.getByTestId('government');
      await governments.first().waitFor();
      expect(await governments.allInnerTexts()).toEqual([
        expect.stringMatching(/Kabupaten Blitar\s+Kabupaten\s+35\.05\s+pertama/i),
        expect.stringMatching(/Jawa Timur\s+Provinsi\s+35\s+jatim\.test\s+1\s+Dilayani/i),
      ]);
      const form = page.getByTestId('add-government');
      // A code typed without its dot is refused under its field, before anything is sent.
      await form.getByLabel('Kode').fill('3572');
      await form.getByLabel('Nama host').fill('kota.test');
      await form.getByTestId('add-government-submit').click();
      await form.getByText('harus kode kabupaten/kota seperti 35.72').waitFor();
      await form.getByLabel('Kode').fill('35.72');
      await form.getByText('Kota Blitar').waitFor();
      await form.getByTestId('add-government-submit').click();
      await form.getByTestId('add-outcome').getByText('Kota Blitar sudah dilayani di kota.test.').waitFor({
        timeout: 120_000,
      });
      const kota = governments.filter({ hasText: 'Kota Blitar' });
      await kota.getByRole('button', { name: 'Buat admin pertama' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Nama pengguna').fill('admin.kota');
      await dialog.getByLabel('Nama lengkap').fill('Admin Kota Blitar');
      await dialog.getByLabel('Kata sandi awal').fill('rahasia-kota-blitar');
      await dialog.getByTestId('first-admin-submit').click();
      await page
        .getByTestId('installation-notice')
        .getByText('Akun admin.kota dibuat di Kota Blitar.')
        .waitFor();
      await shot(page, 'installation');
      // Kota Blitar's own Sinergi, at its host name, without a restart; no installation page there.
      const kotaBase = blitar.replace('127.0.0.1', 'kota.test');
      await signIn(page, 'admin.kota', 'rahasia-kota-blitar', kotaBase);
      await page.goto(`${kotaBase}/pengguna`);
      await page.getByTestId('users-table').getByText('admin.kota').waitFor();
      expect(await page.getByRole('link', { name: 'Instalasi' }).count()).toBe(0);
    } finally {
      await b.close();
    }
  });

  it("shows the installation's page at phone size", async () => {
    const b = await openBrowser({ width: 390, height: 844 });
    try {
      await signIn(b.page, 'admin', undefined, blitar);
      await b.page.goto(`${blitar}/instalasi`);
      await b.page.getByTestId('government').first().waitFor();
      const width = await b.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390 + 1);
      await shot(b.page, 'installation-phone');
    } finally {
      await b.close();
    }
  });
});

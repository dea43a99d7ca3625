import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

const roles = [
  ['admin', 'Admin', true],
  ['perencana', 'Perencana (Bappeda)', false],
  ['opd.dpupr', 'Perangkat daerah (OPD)', false],
  ['kec.wonodadi', 'Kecamatan', false],
  ['desa.jaten', 'Desa', false],
  ['dprd', 'DPRD', false],
] as const;

describe('web shell in Chromium', () => {
  it('shows the demo accounts and password on the login page, and refuses a wrong password in Indonesian', async () => {
    const { page } = b;
    // `/` is the public portal; its sign-in link opens the login page.
    await page.goto(baseUrl());
    await page.getByTestId('portal').waitFor();
    await page.getByTestId('login-link').click();
    await page.waitForURL(/\/masuk$/);
    expect(await page.getByTestId('demo-accounts').innerText()).toContain('sinergi-demo');
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    expect(await page.getByTestId('login-error').innerText()).toMatch(/^Nama pengguna atau kata sandi salah/);
    await shot(page, 'login');
  });

  for (const [username, roleLabel, isAdmin] of roles) {
    it(`signs in as ${username} and sees what the role allows`, async () => {
      const { page } = b;
      await signIn(page, username);
      expect((await page.getByTestId('home-role').innerText()).split(' · ')[0]).toBe(roleLabel);
      const nav = await page.locator('nav').innerText();
      expect(nav.includes('Pengguna')).toBe(isAdmin);
      expect(nav.includes('Log audit')).toBe(isAdmin);
      // A page the role may not open sends it home.
      await page.goto(`${baseUrl()}/pengguna`);
      if (isAdmin) await page.getByTestId('users-table').waitFor();
      else await page.getByTestId('home-role').waitFor();
      await page.getByTestId('logout').click();
      await page.waitForURL(/\/masuk$/);
    });
  }

  it('opens the kabupaten map and drills down from a kecamatan to a desa', async () => {
    const { page } = b;
    await signIn(page, 'perencana');
    await page.goto(`${baseUrl()}/wilayah/35.05`);
    expect(await page.getByTestId('region-name').innerText()).toBe('Kabupaten Blitar');
    const map = page.getByTestId('region-map');
    await map.locator('path').first().waitFor();
    expect(await map.locator('path').count()).toBeGreaterThanOrEqual(22);
    await shot(page, 'kabupaten-map');
    await page.getByTestId('region-children').getByRole('link', { name: 'Wonodadi' }).click();
    await page.getByTestId('region-name').filter({ hasText: 'Wonodadi' }).waitFor();
    await map.locator('path').first().waitFor();
    await page.getByTestId('region-children').getByRole('link', { name: 'Jaten', exact: true }).click();
    await page.getByTestId('region-name').filter({ hasText: 'Jaten' }).waitFor();
    expect(page.url()).toMatch(/\/wilayah\/35\.05\.01\.2001$/);
    await shot(page, 'desa-jaten');
  });

  it('clicking a kecamatan on the map opens it', async () => {
    const { page } = b;
    await signIn(page, 'perencana');
    await page.goto(`${baseUrl()}/wilayah/35.05`);
    const map = page.getByTestId('region-map');
    await map.locator('path').first().waitFor();
    const box = await map.boundingBox();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.waitForURL(/\/wilayah\/35\.05\.\d{2}$/);
    await page.getByTestId('region-name').filter({ hasNotText: 'Kabupaten Blitar' }).waitFor();
    expect(await page.getByTestId('region-children').locator('tr').count()).toBeGreaterThan(5);
  });

  it('searches regions by name', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    await page.goto(`${baseUrl()}/wilayah/35.05`);
    await page.getByTestId('region-search').fill('kanigoro');
    const results = page.getByTestId('region-search-results');
    await results.getByText('Kanigoro').first().waitFor();
    expect(await results.innerText()).toContain('Kabupaten Blitar');
  });

  it('says so when a search of the population finds no one, instead of headers over nothing', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    await page.goto(`${baseUrl()}/penduduk`);
    const table = page.getByTestId('people');
    await table.locator('tbody tr').first().waitFor();
    expect(await table.getByTestId('table-empty').count()).toBe(0);
    const search = page.getByPlaceholder(/Cari/);
    await search.fill('tidak ada orang bernama ini');
    await search.press('Enter');
    await table.getByTestId('table-empty').waitFor();
    expect(await table.getByTestId('table-empty').innerText()).toBe(
      'Tidak ada yang cocok dengan pilihan ini.',
    );
  });

  it('switches to English and back, and the choice survives a reload', async () => {
    const { page } = b;
    await signIn(page, 'dprd');
    await page.getByTestId('language-switch').click();
    await page.getByText('Waiting for you').waitFor();
    // What waits is said by the server, in the language asked.
    await page.getByText(/of your pokir are on their way/).waitFor();
    await page.reload();
    await page.getByText('Waiting for you').waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByText('Menunggu Anda').waitFor();
    await page.getByText(/pokir Anda sedang diproses/).waitFor();
  });

  it('works on a phone-sized screen: the menu opens from the burger', async () => {
    const phone = await openBrowser({ width: 390, height: 844 });
    try {
      const { page } = phone;
      await signIn(page, 'desa.jaten');
      // The navbar starts off-screen on a phone.
      const hidden = await page.getByRole('link', { name: 'Wilayah' }).boundingBox();
      expect(hidden!.x + hidden!.width).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'menu' }).click();
      await page.getByRole('link', { name: 'Wilayah' }).click();
      await page.getByTestId('region-name').waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await shot(page, 'phone-region');
    } finally {
      await phone.close();
    }
  });

  it('shows job progress that survives a reload (admin reloads the region list)', async () => {
    const { page } = b;
    await signIn(page, 'admin');
    await page.goto(`${baseUrl()}/pekerjaan`);
    await page.getByTestId('reload-regions').click();
    await page
      .getByTestId('job')
      .first()
      .getByText(/Berjalan|Menunggu|Selesai/)
      .waitFor();
    await page.reload();
    await page.getByTestId('job').first().getByText('Selesai').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('job').first().innerText()).toContain('100%');
    await shot(page, 'jobs');
  });

  it('sends the app compressed, with hashed files cached for good and the page checked each time', async () => {
    const page = await fetch(`${baseUrl()}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1]!;
    const plain = await fetch(`${baseUrl()}${script}`, { headers: { 'accept-encoding': 'identity' } });
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    const br = await fetch(`${baseUrl()}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers.get('content-length'))).toBeLessThan(plainBytes / 2);
    expect(plain.headers.get('content-encoding')).toBeNull();
    // A monitor's HEAD of a page of the app is answered as its GET, without the page.
    const head = await fetch(`${baseUrl()}/masuk`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect((await fetch(`${baseUrl()}/api/nothing`, { method: 'HEAD' })).status).toBe(404);
  });

  it('lets an admin back up the running server and download the file', async () => {
    const { page } = b;
    await signIn(page, 'admin');
    await page.goto(`${baseUrl()}/pekerjaan`);
    await page.getByTestId('backups').getByText('Belum ada cadangan').waitFor();
    await page.getByTestId('backup-now').click();
    const link = page.getByTestId('backups').getByRole('link', { name: 'Unduh' });
    await link.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('backups').innerText()).toMatch(/\d+(,\d)? MB/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^sinergi-\d{8}-\d{6}\.zip$/);
    await shot(page, 'backups');
  });

  it('lets an admin create a user and shows field errors in Indonesian', async () => {
    const { page } = b;
    await signIn(page, 'admin');
    await page.goto(`${baseUrl()}/pengguna`);
    await page.getByTestId('add-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama pengguna').fill('desa.kemloko');
    await dialog.getByLabel('Nama lengkap').fill('Operator Kemloko');
    await dialog.getByLabel('Kata sandi awal').fill('pendek');
    await dialog.getByLabel('Kode wilayah (kecamatan/desa)').fill('35.05.01.2002');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('minimal 10 karakter').first().waitFor();
    await dialog.getByLabel('Kata sandi awal').fill('sawah-hijau-subur');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByTestId('users-table').getByText('desa.kemloko').waitFor();
    await page.goto(`${baseUrl()}/audit`);
    // The log speaks words, not codes: the action, the kind of record and its fields by their labels.
    const row = page.getByTestId('audit-table').locator('tr', { hasText: 'Pengguna dibuat' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('Nama pengguna: desa.kemloko');
    expect(await page.getByTestId('audit-table').innerText()).not.toMatch(/user\.created|\{"/);
    await shot(page, 'audit');
  });
});

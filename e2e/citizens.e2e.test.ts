import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

/** The mails the test SMTP server received for an address (global-setup writes them to a file). */
const mailsTo = (email: string) =>
  existsSync(inject('mailbox'))
    ? readFileSync(inject('mailbox'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { to: string; subject: string; text: string })
        .filter((m) => m.to.includes(email))
    : [];

describe("citizens' accounts, in Chromium (issue 20)", () => {
  it('on a phone: registers, opens the mailed link, signs in, supports a proposal once and comments', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    const email = `warga.${Date.now()}@example.org`;
    await page.goto(`${baseUrl()}/masuk`);
    await page.getByTestId('citizen-register-link').click();
    await page.getByTestId('citizen-name').fill('Bu Tini');
    await page.getByTestId('citizen-email').fill(email);
    await page.getByTestId('citizen-password').fill('sawah-padi-jaten-9');
    await page.getByTestId('citizen-register').click();
    await page.getByTestId('register-sent').waitFor();
    // The server's notifier sends the queued mail to the real SMTP server of the test.
    await expect.poll(() => mailsTo(email).length, { timeout: 90_000, interval: 1_000 }).toBeGreaterThan(0);
    const link = /http:\/\/\S+\/warga\/verifikasi\?token=[\w-]+/.exec(mailsTo(email)[0]!.text)![0];
    await page.goto(link);
    await page.getByTestId('verified').waitFor();
    await page.goto(`${baseUrl()}/masuk`);
    await page.getByLabel('Nama pengguna').fill(email);
    await page.getByLabel('Kata sandi').fill('sawah-padi-jaten-9');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByTestId('portal').waitFor();

    await page.goto(`${baseUrl()}/lacak/USL-DEMO-0003`);
    const voice = page.getByTestId('citizen-voice');
    const count = async () => Number((await voice.getByTestId('support-count').innerText()).match(/\d+/)![0]);
    await voice.getByTestId('support-count').waitFor();
    await expect.poll(count).toBeGreaterThanOrEqual(0);
    const before = await count();
    await voice.getByTestId('support').click();
    await expect.poll(count).toBe(before + 1);
    expect(await voice.getByTestId('support').innerText()).toBe('Tarik dukungan');
    await voice.getByTestId('comment-text').fill('Sangat dibutuhkan warga RT 02.');
    await voice.getByTestId('comment-send').click();
    await voice.getByTestId('comment').filter({ hasText: 'Sangat dibutuhkan warga RT 02.' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'citizen-voice-phone');
  });

  it('lets the desa hide a comment with a reason, shown to everyone in its place', async () => {
    const { page } = b;
    // The demo citizen writes; the desa of the proposal hides it.
    await page.goto(`${baseUrl()}/masuk`);
    await page.getByLabel('Nama pengguna').fill('warga');
    await page.getByLabel('Kata sandi').fill('sinergi-demo');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByTestId('portal').waitFor();
    await page.goto(`${baseUrl()}/lacak/USL-DEMO-0001`);
    const voice = page.getByTestId('citizen-voice');
    await voice.getByTestId('comment-text').fill('Iklan jual beli motor murah');
    await voice.getByTestId('comment-send').click();
    await voice.getByTestId('comment').filter({ hasText: 'Iklan jual beli' }).waitFor();
    await page.context().clearCookies();
    await signIn(page, 'desa.jaten');
    await page.goto(`${baseUrl()}/lacak/USL-DEMO-0001`);
    const comment = page.getByTestId('comment').filter({ hasText: 'Iklan jual beli' });
    await comment.getByTestId('hide-comment').click();
    const dialog = page.getByTestId('hide-reason');
    await dialog.getByRole('textbox').fill('Iklan, bukan tentang usulan');
    await dialog.getByRole('button', { name: 'Sembunyikan' }).click();
    await page
      .getByTestId('comment-hidden')
      .filter({ hasText: 'Iklan, bukan tentang usulan' })
      .first()
      .waitFor();
    await page.context().clearCookies();
    await page.goto(`${baseUrl()}/lacak/USL-DEMO-0001`);
    const hidden = page.getByTestId('comment-hidden').filter({ hasText: 'Desa Jaten' }).first();
    expect(await hidden.innerText()).toContain(
      'Komentar disembunyikan oleh Desa Jaten: Iklan, bukan tentang usulan',
    );
    expect(await page.getByTestId('comments').innerText()).not.toContain('jual beli motor');
  });

  it('on a phone, a citizen reports from a project site with its place and a photo; the agency answers', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: -8.0085, longitude: 111.9631 });
    const photo = join(mkdtempSync(join(tmpdir(), 'sinergi-site-')), 'lokasi.jpg');
    await sharp({ create: { width: 100, height: 75, channels: 3, background: '#fab005' } })
      .jpeg()
      .toFile(photo);
    const projects = (await (await page.request.get(`${baseUrl()}/api/projects?limit=500`)).json()).items as {
      id: string;
      organisation: string;
    }[];
    const project = projects.filter((p) => p.organisation === 'DPUPR')[3]!;
    await page.goto(`${baseUrl()}/masuk`);
    await page.getByLabel('Nama pengguna').fill('warga');
    await page.getByLabel('Kata sandi').fill('sinergi-demo');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByTestId('portal').waitFor();
    await page.goto(`${baseUrl()}/proyek/${project.id}`);
    const box = page.getByTestId('site-reports');
    await box.getByTestId('site-note').fill('Papan proyek tidak terpasang di lokasi.');
    await box.getByTestId('site-locate').click();
    expect(await box.getByTestId('site-place').innerText()).toBe('-8,008500, 111,963100');
    await page.setInputFiles('[data-testid=site-form] input[type=file]', photo);
    await box.getByTestId('site-send').click();
    const report = box.getByTestId('site-report').filter({ hasText: 'Papan proyek tidak terpasang' });
    await report.locator('img').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'site-report-phone');

    await page.context().clearCookies();
    await signIn(page, 'opd.dpupr');
    await page.goto(`${baseUrl()}/proyek/${project.id}`);
    const mine = page.getByTestId('site-report').filter({ hasText: 'Papan proyek tidak terpasang' });
    await mine.getByTestId('site-answer-text').fill('Papan dipasang besok pagi.');
    await mine.getByTestId('site-answer-send').click();
    await mine.getByTestId('site-answer').waitFor();
    expect(await mine.getByTestId('site-answer').innerText()).toContain('Papan dipasang besok pagi.');
  });
});

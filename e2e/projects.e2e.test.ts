import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('projects in Chromium', () => {
  it('creates a project from a funded proposal, records progress with a photo, and sees the status turn when it falls behind plan', async () => {
    const { page } = b;
    // Bappeda funds a DPUPR proposal of the kabupaten forum (two steps forward: RKPD, APBD).
    await signIn(page, 'perencana');
    const csrf = (await (await page.request.get(`${baseUrl()}/api/auth/session`)).json()).csrfToken as string;
    const year = new Date().getFullYear() + 1;
    const candidates = (
      await (await page.request.get(`${baseUrl()}/api/pb/candidates?planYear=${year}`)).json()
    ).items as {
      id: string;
      trackingCode: string;
      opd: string | null;
      stage: string;
    }[];
    // A DPUPR proposal a scenario already funded (if the budget test ran first) is used as it is:
    // a manual forward beyond an adopted budget is refused.
    const funded = (
      await (await page.request.get(`${baseUrl()}/api/proposals?year=${year}&stage=apbd&limit=500`)).json()
    ).items as {
      id: string;
      trackingCode: string;
      state: string;
      organisation: { shortName: string } | null;
    }[];
    const ready = funded.find((p) => p.state === 'aktif' && p.organisation?.shortName === 'DPUPR');
    const chosen = ready
      ? { ...ready, opd: 'DPUPR', stage: 'apbd' }
      : candidates.find((c) => c.opd === 'DPUPR')!;
    for (let step = ready ? 0 : chosen.stage === 'kabupaten' ? 2 : 1; step > 0; step--) {
      const r = await page.request.post(`${baseUrl()}/api/proposals/${chosen.id}/decisions`, {
        headers: { 'x-csrf-token': csrf },
        data: { kind: 'teruskan', note: 'Uji peramban' },
      });
      expect(r.status(), await r.text()).toBe(200);
    }

    // DPUPR starts the work as a project, from the funded proposal.
    await page.context().clearCookies();
    await signIn(page, 'opd.dpupr');
    await page.getByRole('link', { name: 'Proyek', exact: true }).click();
    await page.getByTestId('project-new').click();
    await page.getByTestId('project-proposal').click();
    await page.getByRole('option', { name: new RegExp(chosen.trackingCode) }).click();
    const today = new Date();
    const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 3, 1))
      .toISOString()
      .slice(0, 10);
    const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 2, 0))
      .toISOString()
      .slice(0, 10);
    await page.getByTestId('project-start').fill(start);
    await page.getByTestId('project-end').fill(end);
    await page.getByTestId('project-save').click();
    await page.getByTestId('project-status').waitFor();
    expect(await page.getByText(`Dari usulan terdanai: ${chosen.trackingCode}`).count()).toBe(1);

    // A report well ahead of plan, with a photo: on schedule.
    const reportDate = today.toISOString().slice(0, 10);
    await page.getByTestId('report-date').fill(reportDate);
    await page.getByTestId('report-physical').fill('95');
    await page.getByTestId('report-save').click();
    // Not official until verified: the page shows it as waiting.
    await page.getByTestId('project-pending').getByText('95', { exact: false }).waitFor();
    await page
      .getByTestId('reports')
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'lokasi.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('photo-upload').first().click();
    await page.getByTestId('reports').locator('img').first().waitFor();
    await shot(page, 'project-on-schedule');

    // The same day's report corrected to what the site really shows: far behind plan, critical.
    await page.getByTestId('report-physical').fill('30');
    await page.getByTestId('report-save').click();
    await page.getByTestId('project-pending').getByText('30', { exact: false }).waitFor();
    await page.getByTestId('verify-report').first().click();
    await page.getByTestId('project-status').getByText('Kritis').waitFor();
    await shot(page, 'project-critical');

    // On a phone each report is a card with its date, progress, spending, photo and a photo field.
    await page.setViewportSize({ width: 390, height: 844 });
    const card = page.getByTestId('report-card').first();
    await card.waitFor();
    expect(await card.innerText()).toMatch(/30 % · Rp/);
    expect(await card.locator('img').count()).toBeGreaterThan(0);
    expect(await card.getByTestId('photo-input').isVisible()).toBe(true);
    // Polled: after the resize from desktop width the charts take a moment to shrink.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await shot(page, 'project-reports-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The tracking page of the proposal now says it is being carried out.
    await page.goto(`${baseUrl()}/lacak/${chosen.trackingCode}`);
    expect(await page.getByTestId('tracking').innerText()).toContain('Dilaksanakan sebagai proyek');
  });

  it('shows the portfolio, the projects at risk, the monthly report and the kemantapan jalan to anyone', async () => {
    const { page } = b;
    await page.goto(`${baseUrl()}/proyek`);
    await page.getByTestId('at-risk').getByText('Berisiko bulan ini').waitFor();
    await page.getByTestId('groups').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('groups').locator('tbody tr').count()).toBeGreaterThan(3);
    const href = await page.getByTestId('monthly-pdf').getAttribute('href');
    const pdf = await page.request.get(`${baseUrl()}${href}`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await shot(page, 'projects-dashboard');
    await page.goto(`${baseUrl()}/jalan`);
    expect(await page.getByTestId('kemantapan').innerText()).toMatch(/\d+,\d %/);
    await shot(page, 'roads');
  });
});

import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

const JATEN = '35.05.01.2001';
const api = async (page: Page, method: 'POST' | 'PUT' | 'GET', path: string, data?: unknown) => {
  const csrf = (await (await page.request.get(`${baseUrl()}/api/auth/session`)).json()).csrfToken as string;
  const res = await page.request.fetch(`${baseUrl()}${path}`, {
    method,
    headers: { 'x-csrf-token': csrf },
    ...(data !== undefined ? { data } : {}),
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
};

describe('steps back need a reason, in Chromium (issue 16)', () => {
  it('the kecamatan sends a desa entry back with a reason, which the desa then reads', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    const card = await api(page, 'GET', `/api/index/desa/${JATEN}`);
    const scores = Object.fromEntries(
      card.indicators.items.map((i: { code: string; score: number }) => [i.code, i.score]),
    );
    await api(page, 'PUT', `/api/index/entries/${JATEN}/2026`, { scores });
    await api(page, 'POST', `/api/index/entries/${JATEN}/2026/submit`, {});
    await page.context().clearCookies();

    await signIn(page, 'kec.wonodadi');
    await page.goto(`${baseUrl()}/indeks-desa/verifikasi`);
    const year = page.getByLabel('Tahun');
    await year.fill('2026');
    await year.blur();
    await page.getByTestId(`return-${JATEN}`).click();
    // Without a reason the server refuses, and the dialog says so.
    await page.getByTestId('return-modal-confirm').click();
    await page.getByText('tuliskan alasannya', { exact: false }).first().waitFor();
    await page.getByTestId('return-modal-reason').fill('Skor air bersih tidak sesuai data PDAM');
    await shot(page, 'index-return-reason');
    await page.getByTestId('return-modal-confirm').click();
    await page.getByTestId(`state-${JATEN}`).getByText('Draf', { exact: false }).waitFor();
    await page.context().clearCookies();

    await signIn(page, 'desa.jaten');
    await page.goto(`${baseUrl()}/indeks-desa/verifikasi`);
    await page.getByLabel('Tahun').fill('2026');
    await page.getByLabel('Tahun').blur();
    await page
      .getByTestId(`return-note-${JATEN}`)
      .getByText('Skor air bersih tidak sesuai data PDAM', { exact: false })
      .waitFor();
  });

  it('a closed desa forum is reopened by its kecamatan with a reason, shown on the forum', async () => {
    const { page } = b;
    await signIn(page, 'desa.jaten');
    const year = new Date().getFullYear() + 1;
    const forum = await api(page, 'POST', '/api/forums', {
      level: 'desa',
      regionCode: JATEN,
      planYear: year,
      heldOn: new Date().toISOString().slice(0, 10),
      title: 'Musrenbangdes Jaten (buka kembali)',
      method: 'suara',
      confirmWarnings: true,
    });
    const p = await api(page, 'POST', '/api/proposals', {
      track: 'musrenbang',
      title: 'Talud saluran dusun Ngemplak',
      bidang: 'infrastruktur',
      regionCode: JATEN,
      volume: 1,
      unit: 'paket',
      estimatedCost: 60_000_000,
      beneficiaries: 90,
      planYear: year,
      proposerName: 'Warga',
    });
    await api(page, 'PUT', `/api/forums/${forum.id}/agenda`, { proposalIds: [p.id] });
    await api(page, 'PUT', `/api/forums/${forum.id}/participants`, {
      total: 20,
      perempuan: 8,
      pemuda: 4,
      disabilitas: 1,
      daftar: [],
    });
    await api(page, 'PUT', `/api/forums/${forum.id}/scores`, { items: [{ proposalId: p.id, votes: 15 }] });
    await api(page, 'POST', `/api/forums/${forum.id}/close`, {
      decisions: [{ proposalId: p.id, decision: { kind: 'teruskan' } }],
    });
    await page.context().clearCookies();

    await signIn(page, 'kec.wonodadi');
    await page.goto(`${baseUrl()}/forum/${forum.id}`);
    await page.getByTestId('reopen-forum').click();
    await page.getByTestId('reopen-modal-reason').fill('Suara dusun Ngemplak belum dihitung');
    await page.getByTestId('reopen-modal-confirm').click();
    await page.getByTestId('forum-state').getByText('Berlangsung').waitFor();
    await page
      .getByTestId('forum-reopened')
      .getByText('Suara dusun Ngemplak belum dihitung', { exact: false })
      .waitFor();
    await shot(page, 'forum-reopened');
    const again = await api(page, 'GET', `/api/proposals/${p.id}`);
    expect(again.stage).toBe('desa');
  });
});

import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
  await b.page.addInitScript(trackFocus);
});
afterEach(() => b.close());

/**
 * Pages with forms, by the account that uses them. The fields on each are not listed here: the test
 * finds every input the app's number and date components render (`data-input-kind`), so a new field
 * on these pages is typed into without changing the test.
 */
/** The first project the signed-in office may report on. */
const ownProject = async (page: Page) => {
  const list = await (await page.request.get(`${baseUrl()}/api/projects?limit=500`)).json();
  for (const { id } of list.items) {
    const detail = await (await page.request.get(`${baseUrl()}/api/projects/${id}`)).json();
    if (detail.abilities.report) return `/proyek/${id}`;
  }
  throw new Error('no project to report on');
};
const firstIndustry = async (page: Page) => {
  const list = await (await page.request.get(`${baseUrl()}/api/industry`)).json();
  return `/industri/${list.items[0].id}`;
};
const pages: { user: string | null; path: string | ((page: Page) => Promise<string>); open?: string }[] = [
  { user: null, path: '/aspirasi' },
  { user: 'perencana', path: '/usulan/baru' },
  { user: 'perencana', path: '/usulan' },
  { user: 'perencana', path: '/skenario' },
  { user: 'perencana', path: '/program', open: 'program-new' },
  { user: 'perencana', path: '/anggaran-partisipatif', open: 'pb-new' },
  { user: 'perencana', path: '/kemiskinan' },
  { user: 'opd.dpupr', path: '/proyek/baru' },
  { user: 'opd.dpupr', path: ownProject },
  { user: 'kec.wonodadi', path: '/forum' },
  { user: 'desa.jaten', path: '/penduduk' },
  { user: 'admin', path: '/audit' },
  { user: 'admin', path: '/indeks-desa/verifikasi' },
  { user: 'perencana', path: '/konsultasi' },
  { user: 'opd.dpupr', path: firstIndustry },
  { user: 'opd.dpupr', path: '/sentra-ikm' },
  { user: 'opd.dpupr', path: '/industri/pelatihan' },
];

/** Pages whose forms are submitted empty by the test (each form with a submit button is tried). */
const forms: { user: string | null; path: string; open?: string }[] = [
  { user: null, path: '/aspirasi' },
  { user: 'perencana', path: '/usulan/baru' },
  { user: 'perencana', path: '/skenario' },
  { user: 'perencana', path: '/program', open: 'program-new' },
  { user: 'opd.dpupr', path: '/proyek/baru' },
  { user: 'kec.wonodadi', path: '/forum' },
  { user: 'desa.jaten', path: '/penduduk' },
  { user: 'admin', path: '/akun' },
  { user: 'perencana', path: '/konsultasi' },
  { user: 'perencana', path: '/mitra' },
  { user: 'opd.dpupr', path: '/industri', open: 'industry-new' },
  { user: 'opd.dpupr', path: '/sentra-ikm' },
  { user: 'opd.dpupr', path: '/industri/pelatihan' },
];

/** What a person types into each kind of field, key by key, and what the field then shows. */
const typing: Record<string, { keys: string; shows: (max: number) => string }[]> = {
  rupiah: [{ keys: '150.000.000', shows: (max) => (max >= 150_000_000 ? 'Rp150.000.000' : '') }],
  integer: [{ keys: '1.200', shows: (max) => (max >= 1200 ? '1.200' : '') }],
  decimal: [
    { keys: '2,5', shows: () => '2,5' },
    { keys: '1.200', shows: (max) => (max >= 1200 ? '1.200' : '') },
  ],
  percent: [{ keys: '2,5', shows: () => '2,5 %' }],
  coordinate: [
    { keys: '-8,0085', shows: () => '-8,0085' },
    { keys: '-8.0085', shows: () => '-8,0085' },
    { keys: '112,1609', shows: () => '112,1609' },
  ],
  year: [{ keys: '2027', shows: () => '2027' }],
  date: [
    { keys: '17/08/2026', shows: () => '17 Agustus 2026' },
    { keys: '17 Agustus 2026', shows: () => '17 Agustus 2026' },
  ],
};

/** Records every move of the keyboard focus on the page, for the message of a failed check. */
const trackFocus = () => {
  const trail: string[] = [];
  const name = (e: EventTarget | null) =>
    e instanceof HTMLElement
      ? `${e.tagName}${e.getAttribute('data-input-kind') ? `[${e.getAttribute('data-input-kind')}]` : ''}`
      : String(e);
  for (const type of ['focusin', 'focusout'])
    document.addEventListener(
      type,
      (e) => trail.push(`${Math.round(performance.now())} ${type} ${name(e.target)}`),
      true,
    );
  (window as unknown as { focusTrail: string[] }).focusTrail = trail;
};
const focusTrail = () => ({
  active: document.activeElement?.tagName,
  documentHasFocus: document.hasFocus(),
  trail: ((window as unknown as { focusTrail?: string[] }).focusTrail ?? []).slice(-12),
});

async function typeInto(page: Page, field: Locator, keys: string) {
  await field.click();
  await field.press('Control+A');
  await field.press('Backspace');
  await field.pressSequentially(keys, { delay: 15 });
  await page.keyboard.press('Escape');
  await field.blur();
}

async function open(
  page: Page,
  user: string | null,
  path: string | ((page: Page) => Promise<string>),
  opener?: string,
  // Enabled: the fields of a page the server drew are disabled until the app has taken it over.
  ready = '[data-input-kind]:enabled',
) {
  if (user) await signIn(page, user);
  await page.goto(`${baseUrl()}${typeof path === 'string' ? path : await path(page)}`);
  if (opener) await page.getByTestId(opener).click();
  await page.locator(ready).first().waitFor();
}

describe('numbers and dates typed the Indonesian way', () => {
  it('every number, money, percentage, coordinate and date field on the form pages shows what was typed', async () => {
    const { page } = b;
    const kindsSeen = new Map<string, number>();
    for (const { user, path, open: opener } of pages) {
      await page.context().clearCookies();
      await open(page, user, path, opener);
      const fields = await page.locator('[data-input-kind]:visible:enabled').all();
      for (const field of fields) {
        const kind = (await field.getAttribute('data-input-kind'))!;
        const max = Number((await field.getAttribute('data-max')) ?? Number.POSITIVE_INFINITY);
        const label =
          (await field.getAttribute('aria-label')) ??
          (await field.evaluate((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ''));
        for (const { keys, shows } of typing[kind] ?? []) {
          const expected = shows(Number.isNaN(max) ? Number.POSITIVE_INFINITY : max);
          if (!expected) continue;
          await typeInto(page, field, keys);
          const shown = await field.inputValue();
          // Should keys go missing (seen once under CI load: "Rp1" for 150.000.000), the message
          // says where the focus went while typing, so the cause can be found from the log.
          const where = shown === expected ? '' : ` ${JSON.stringify(await page.evaluate(focusTrail))}`;
          expect(shown, `${page.url()} ${label} (${kind}) typed ${keys}${where}`).toBe(expected);
        }
        kindsSeen.set(kind, (kindsSeen.get(kind) ?? 0) + 1);
      }
    }
    // Every kind of field is on these pages, so none goes untested.
    expect([...kindsSeen.keys()].sort()).toEqual(Object.keys(typing).sort());
    // Seventeen pages typed into key by key: 67-78 s on this machine, near the 90 s default.
  }, 180_000);

  it('saves what a desa operator types: Rp150.000.000, a volume of 2,5 and a point typed either way', async () => {
    const { page } = b;
    await open(page, 'perencana', '/usulan/baru');
    await page.getByTestId('title').fill('Rehabilitasi saluran irigasi Dusun Krajan');
    await page.getByTestId('unit').fill('meter');
    await page.getByTestId('proposer').fill('Kepala Desa Jaten');
    for (const [testId, option] of [
      ['pick-kecamatan', 'Wonodadi'],
      ['pick-desa', 'Jaten'],
    ]) {
      await page.getByTestId(testId!).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    }
    const field = (label: RegExp) => page.getByRole('textbox', { name: label });
    await typeInto(page, field(/^Volume/), '2,5');
    await typeInto(page, field(/^Perkiraan biaya/), '150.000.000');
    await typeInto(page, field(/^Swadaya/), '300.000');
    await typeInto(page, field(/^Lintang/), '-8.0085');
    await typeInto(page, field(/^Bujur/), '111,9631');
    await page.getByTestId('submit').click();
    await page.waitForURL(/\/usulan\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop();
    const saved = await (await page.request.get(`${baseUrl()}/api/proposals/${id}`)).json();
    expect(saved).toMatchObject({
      estimatedCost: 150_000_000,
      communityContribution: 300_000,
      volume: 2.5,
      latitude: -8.0085,
      longitude: 111.9631,
    });
  });

  it('a field that starts at Rp0 takes what is typed in its place, as a person clicks into it and types', async () => {
    const { page } = b;
    await open(page, 'desa.jaten', '/usulan/baru');
    const cost = page.getByRole('textbox', { name: /^Perkiraan biaya/ });
    expect(await cost.inputValue()).toBe('Rp0');
    await cost.click();
    await cost.pressSequentially('150000000', { delay: 15 });
    // Typed after the 0 it showed Rp0150.000.000.
    expect(await cost.inputValue()).toBe('Rp150.000.000');
    await cost.blur();
    expect(await cost.inputValue()).toBe('Rp150.000.000');
  });

  it('a point picked on the map of the desa fills the fields and is saved inside its boundary', async () => {
    const { page } = b;
    await open(page, 'desa.jaten', '/usulan/baru');
    await page.getByTestId('title').fill('Lampu penerangan jalan dusun');
    await page.getByTestId('unit').fill('titik');
    await page.getByTestId('proposer').fill('Kepala Dusun');
    await typeInto(page, page.getByRole('textbox', { name: /^Perkiraan biaya/ }), '25.000.000');
    await page.getByTestId('open-point-map').click();
    const map = page.getByTestId('point-map');
    await map.locator('path').first().waitFor();
    // The map is framed on the desa: its middle lies in Jaten. Clicked where it is when clicked
    // (Playwright waits for it to stand still): a warning arriving above it moves it down.
    await map.click();
    const read = async (name: RegExp) =>
      Number((await page.getByRole('textbox', { name }).inputValue()).replace(',', '.'));
    const [latitude, longitude] = [await read(/^Lintang/), await read(/^Bujur/)];
    expect(latitude).toBeCloseTo(-8.01, 1);
    expect(longitude).toBeCloseTo(111.96, 1);
    await page.getByTestId('submit').click();
    await page.waitForURL(/\/usulan\/[0-9a-f-]{36}$/);
    const saved = await (
      await page.request.get(`${baseUrl()}/api/proposals/${page.url().split('/').pop()}`)
    ).json();
    expect(saved).toMatchObject({ latitude, longitude, estimatedCost: 25_000_000 });
  });

  it('every form submitted empty names each problem by its field, in words, before anything is sent', async () => {
    const { page } = b;
    let formsChecked = 0;
    for (const { user, path, open: opener } of forms) {
      await page.context().clearCookies();
      await open(page, user, path, opener, 'form');
      for (const form of await page.locator('form:visible').all()) {
        const submit = form.locator('button[type=submit]').first();
        if (!(await submit.count())) continue;
        // A form whose empty state is a valid choice (no e-mail for notifications) says so.
        if (await form.getAttribute('data-empty-ok')) continue;
        let writes = 0;
        const count = (r: { method(): string }) => {
          if (r.method() !== 'GET') writes++;
        };
        page.on('request', count);
        const fields =
          'input[data-input-kind]:visible, input[type=text]:visible:not([readonly]), textarea:visible';
        for (const field of await form.locator(fields).all()) await field.fill('');
        await submit.click();
        // The problem is shown under its field, or in the summary under the form, or both.
        const shown = form.locator('[aria-invalid="true"], .mantine-InputWrapper-error, .mantine-Alert-root');
        await expect.poll(() => shown.count(), { message: `${path}: no problem shown` }).toBeGreaterThan(0);
        page.off('request', count);
        expect(writes, `${path}: the browser sent an empty form`).toBe(0);
        const summary = (await form.locator('.mantine-Alert-root').allInnerTexts()).join(' · ');
        for (const entry of summary ? summary.split(' · ') : [])
          expect(entry, `${path}: ${summary}`).toMatch(/^[A-Z][\w ./()-]*: [a-z]/);
        const words = [summary, ...(await form.locator('.mantine-InputWrapper-error').allInnerTexts())].join(
          ' ',
        );
        expect(words, path).not.toMatch(/body\.|undefined|NaN|number|string|expected|—/);
        formsChecked++;
      }
    }
    expect(formsChecked).toBeGreaterThanOrEqual(forms.length);
    // The proposal form, field by field, in the words of the server.
    await page.context().clearCookies();
    await open(page, 'perencana', '/usulan/baru');
    for (const name of [/^Volume/, /^Perkiraan biaya/]) await page.getByRole('textbox', { name }).fill('');
    await page.getByTestId('submit').click();
    const summary = (await page.getByTestId('form-error').innerText()).split(' · ');
    for (const named of [
      'Volume: wajib diisi',
      'Perkiraan biaya: wajib diisi',
      'Satuan: wajib diisi',
      'Pengusul: wajib diisi',
    ])
      expect(summary).toContain(named);
  });
});

import { chromium } from 'playwright-core';

const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const base = 'http://127.0.0.1:3190';
for (const [u, w, h] of [
  ['desa.jaten', 1280, 900],
  ['kec.wonodadi', 1280, 900],
  ['perencana', 1280, 1000],
  ['opd.dpupr', 1280, 900],
  ['dprd', 1280, 900],
  ['admin', 1280, 900],
  ['desa.jaten', 390, 844],
] as const) {
  const ctx = await b.newContext({ viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  await page.goto(`${base}/masuk`);
  await page.getByLabel('Nama pengguna').fill(u);
  await page.getByLabel('Kata sandi').fill('sinergi-demo');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByTestId('home-role').waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/home-${u}-${w}.png`, fullPage: false });
  if (w > 400) {
    await page.getByTestId('bell').click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/bell-${u}.png` });
  }
  await ctx.close();
}
await b.close();

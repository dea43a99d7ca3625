import { chromium } from 'playwright-core';

const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const base = 'http://127.0.0.1:3190';
const page = await (await b.newContext({ viewport: { width: 390, height: 844 } })).newPage();
await page.goto(`${base}/masuk`);
await page.getByLabel('Nama pengguna').fill('desa.jaten');
await page.getByLabel('Kata sandi').fill('sinergi-demo');
await page.getByRole('button', { name: 'Masuk' }).click();
await page.getByTestId('home-role').waitFor();
for (const [path, name] of [
  ['/usulan', 'list'],
  ['/usulan/baru', 'form'],
] as const) {
  await page.goto(`${base}${path}`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/phone-${name}.png`, fullPage: true });
}
await b.close();

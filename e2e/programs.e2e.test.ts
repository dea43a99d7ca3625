import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

describe('programs in Chromium', () => {
  it('the desa registers a resident, Bappeda enrols them in a program, records outcomes, and opens the evaluation', async () => {
    const { page } = b;
    // The desa registers a resident (with a fresh NIK each run).
    const nik = `350501${String(Date.now()).slice(-10)}`;
    await signIn(page, 'desa.jaten');
    await page.getByRole('link', { name: 'Data penduduk' }).click();
    await page.getByTestId('person-nik').fill(nik);
    await page.getByTestId('person-kk').fill(`3505019${String(Date.now()).slice(-9)}`);
    await page.getByTestId('person-name').fill('Warga Peramban');
    await page.getByTestId('person-birth').fill('1990-05-17');
    await page.getByTestId('person-save').click();
    await page.getByTestId('register-person').getByText('✓').waitFor();
    await shot(page, 'registry-desa');

    // Bappeda opens the organic-farming school (rule: age 20 to 65) and enrols her by NIK.
    await page.context().clearCookies();
    await signIn(page, 'perencana');
    await page.getByRole('link', { name: 'Program', exact: true }).click();
    await page.getByRole('link', { name: 'Sekolah lapang pertanian organik' }).click();
    const before = Number((await page.getByTestId('reach').innerText()).split('/')[0]!.replace(/\D/g, ''));
    await page.getByRole('tab', { name: 'Peserta dan pembanding' }).click();
    await page.getByTestId('enrol-nik').fill(nik);
    await page.getByTestId('enrol-find').click();
    // Bappeda sees the NIK masked.
    expect(await page.getByTestId('enrol-person').innerText()).toMatch(/Warga Peramban · 3505\*{8}\d{4}/);
    await page.getByTestId('enrol-submit').click();
    await page.getByTestId('enrol-card').getByText('✓').waitFor();
    const row = page.getByTestId('enrolments').locator('tr', { hasText: 'Warga Peramban' });
    await row.getByRole('button', { name: 'Catat hasil' }).click();
    const form = page.getByTestId('measure-form');
    for (const [phase, value] of [
      ['awal', '1500'],
      ['akhir', '1750'],
    ] as const) {
      await form.getByTestId('measure-phase').click();
      await page.getByRole('option', { name: phase, exact: true }).click();
      await form.getByTestId('measure-value').fill(value);
      await form.getByTestId('measure-save').click();
      await row.getByText(phase === 'awal' ? /1\.500 →/ : /→ 1\.750/).waitFor();
    }
    await form.getByTestId('measure-complete').click();
    await row.getByText('selesai').waitFor();

    await page.getByRole('tab', { name: 'Evaluasi', exact: true }).click();
    await page
      .getByTestId('reach')
      .getByText(`${before + 1} /`)
      .waitFor();
    await page.getByRole('tab', { name: 'Laporan evaluasi' }).click();
    const narrative = await page.getByTestId('narrative').innerText();
    expect(narrative).toContain(`Program menjangkau ${before + 1} peserta`);
    await shot(page, 'program-evaluation');
    const pdf = await page.request.get(
      `${baseUrl()}${new URL(page.url()).pathname.replace('/program/', '/api/programs/')}/evaluation.pdf`,
    );
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('an agency creates a program with a rule, an outcome and an output, and reports what it delivered', async () => {
    const { page } = b;
    await signIn(page, 'opd.dpupr');
    await page.getByRole('link', { name: 'Program', exact: true }).click();
    await page.getByTestId('program-new').click();
    const form = page.getByTestId('program-form');
    await form.getByLabel('Kode').fill(`DPUPR-${String(Date.now()).slice(-6)}`);
    await form.getByLabel('Program', { exact: true }).fill('Padat karya jalan desa');
    await form.getByLabel('Anggaran').fill('250000000');
    await form.getByLabel('Target penerima').fill('100');
    await form.getByLabel('desil').check();
    await page.getByRole('button', { name: 'Tambah keluaran' }).click();
    await form.getByPlaceholder('Keluaran (mis. peserta terlatih)').fill('Pekerja padat karya');
    await form.getByPlaceholder('Target penerima').fill('100');
    await page.getByTestId('program-save').click();
    const outputs = page.getByTestId('outputs');
    await outputs.waitFor();
    expect(await page.locator('h2').innerText()).toContain('Padat karya jalan desa');
    expect(await page.getByText('Syarat (versi 1): desil 1–4').count()).toBe(1);
    await outputs.getByLabel('Capaian Pekerja padat karya').fill('60');
    await page.getByRole('button', { name: 'Simpan capaian' }).click();
    await page.getByRole('tab', { name: 'Laporan evaluasi' }).click();
    await page
      .getByTestId('narrative')
      .getByText('Keluaran "Pekerja padat karya": 60 dari target 100 orang (60 %).')
      .waitFor();
    await shot(page, 'program-created');
  });

  it('shows targeting errors with a map, and runs a payment cycle to its approval', async () => {
    const { page } = b;
    await signIn(page, 'admin');
    await page.goto(`${baseUrl()}/program`);
    await page.getByRole('link', { name: 'BLT Dana Desa (contoh)' }).click();
    await page.getByRole('tab', { name: 'Penargetan' }).click();
    await page.getByTestId('targeting').getByText('Kesalahan eksklusi').first().waitFor();
    await page.getByTestId('targeting').locator('svg').first().waitFor();
    await shot(page, 'program-targeting');
    await page.getByRole('tab', { name: 'Siklus penyaluran' }).click();
    await page.getByLabel('Periode').fill('Desember 2026');
    await page.getByRole('button', { name: 'Buat siklus' }).click();
    const cycle = page.getByTestId('cycles').locator('.mantine-Card-root', { hasText: 'Desember 2026' });
    await cycle.getByTestId('cycle-ajukan').click();
    await cycle.getByText('Diajukan', { exact: true }).waitFor();
    // The admin submitted it: approving it is refused by the four-eyes rule.
    await cycle.getByTestId('cycle-setujui').click();
    await page.getByText('tidak boleh disetujui oleh akun yang mengajukannya').waitFor();
    await shot(page, 'program-cycles');
  });

  it('the poverty page shows the survey beside the published figures, to anyone', async () => {
    const { page } = b;
    await page.goto(`${baseUrl()}/kemiskinan`);
    await page.getByTestId('survey-name').waitFor();
    expect(await page.getByTestId('poverty-official').innerText()).toContain('8,16');
    expect(await page.getByTestId('poverty-kecamatan').locator('tbody tr').count()).toBe(22);
    await shot(page, 'poverty');
  });
});

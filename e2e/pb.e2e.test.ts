import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, shot, signIn } from './browser.ts';

let b: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  b = await openBrowser();
});
afterEach(() => b.close());

describe('participatory budgeting in Chromium', () => {
  it('runs a vote: Bappeda sets it up, the desa registers voters, a resident votes online and gets a receipt, the count shows its rounds, an override shows its reason', async () => {
    const { page, context } = b;
    await signIn(page, 'perencana');
    await page.getByRole('link', { name: 'Anggaran partisipatif' }).click();
    await page.getByTestId('pb-new').click();
    await page.getByTestId('pb-title').fill('Anggaran partisipatif uji peramban');
    await page.getByTestId('pb-budget').fill('300000000');
    const projects = [
      ['Lampu jalan dusun', '100000000'],
      ['Sumur bor', '150000000'],
      ['Jalan usaha tani', '250000000'],
    ];
    for (const [i, [title, cost]] of projects.entries()) {
      await page.getByTestId('pb-add-project').click();
      await page.getByLabel('Nama proyek', { exact: true }).nth(i).fill(title!);
      await page.getByLabel('Biaya', { exact: true }).nth(i).fill(cost!);
    }
    await page.getByTestId('pb-save').click();
    await page.getByTestId('pb-open').click();
    await page.getByTestId('pb-state').getByText('Pemungutan dibuka').waitFor();
    const url = page.url();

    // The desa officer checks two residents' KTP and registers them; each gets a code once.
    await page.context().clearCookies();
    await signIn(page, 'desa.jaten');
    await page.goto(url);
    const codes: string[] = [];
    for (const nik of ['3505010101950001', '3505010101950002']) {
      await page.getByTestId('pb-nik').fill(nik);
      await page.getByTestId('pb-register-send').click();
      const issued = page.getByTestId('pb-issued');
      await issued.getByText(/PB-[A-Z2-9]{4}-[A-Z2-9]{4}/).waitFor();
      const code = (await issued.innerText()).match(/PB-[A-Z2-9]{4}-[A-Z2-9]{4}/)![0];
      if (codes.includes(code)) throw new Error('the same code twice');
      codes.push(code);
    }
    await shot(page, 'pb-register');
    // The slip of a code just issued prints as a PDF.
    const slip = page.waitForEvent('download');
    await page.getByTestId('pb-slip').click();
    expect((await slip).suggestedFilename()).toMatch(/^kartu-PB-.*\.pdf$/);
    // A list of residents from a file registers at once, and its slips download.
    await page.setInputFiles('[data-testid=pb-voter-file] input[type=file]', {
      name: 'pemilih.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('nik,kode_desa\n3505010101950101,35.05.01.2001\n3505010101950102,35.05.01.2001\n'),
    });
    const slips = page.waitForEvent('download');
    await page.getByTestId('pb-voter-file-send').click();
    expect(
      readFileSync((await (await slips).path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await page.getByTestId('pb-voter-file-done').innerText()).toBe(
      '2 pemilih terdaftar; kartu kode sudah diunduh.',
    );
    // The second resident voted on paper; the officer enters the ballot.
    await page.getByTestId('pb-code').fill(codes[1]!);
    await page.getByLabel('Masukkan surat suara kertas').check();
    await page.getByTestId('pb-choice-P01').check();
    await page.getByTestId('pb-choice-P03').check();
    // The budget bar adds up what the ballot chose.
    expect(await page.getByTestId('pb-budget-bar').innerText()).toMatch(
      /^Pilihan Anda bernilai Rp[\d.]+ dari anggaran Rp[\d.]+$/,
    );
    await page.getByTestId('pb-send').click();
    await page.getByTestId('pb-receipt').waitFor();

    // A resident votes online without an account, and the receipt checks out on the list page.
    await page.context().clearCookies();
    await page.goto(url);
    await page.getByTestId('pb-code').fill(codes[0]!);
    await page.getByTestId('pb-choice-P01').check();
    await page.getByTestId('pb-choice-P02').check();
    await page.getByTestId('pb-send').click();
    const receipt = (await page.getByTestId('pb-receipt').innerText()).match(/R-[A-Z2-9]{10}/)![0];
    await shot(page, 'pb-vote');
    // The same code cannot vote twice.
    await page.getByTestId('pb-code').fill(codes[0]!);
    await page.getByTestId('pb-choice-P02').check();
    await page.getByTestId('pb-send').click();
    await page.getByText('kode pemilih ini sudah dipakai').waitFor();
    await page.goto(`${baseUrl()}/anggaran-partisipatif`);
    await page.getByTestId('receipt-input').fill(receipt);
    await page.getByRole('button', { name: 'Periksa tanda terima' }).click();
    // Recorded, with its fingerprint; the choices are not shown to whoever holds the receipt.
    const found = await page.getByTestId('receipt-found').innerText();
    expect(found).toContain('tercatat');
    expect(found).not.toContain('P01');

    // Bappeda closes and counts: Equal Shares funds the lamps (both pay half) and, by Add1, the well.
    await signIn(page, 'perencana');
    await page.goto(url);
    await page.getByTestId('pb-close').click();
    await page.getByTestId('pb-count').click();
    const result = page.getByTestId('pb-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('pb-selected').innerText()).toContain('Lampu jalan dusun, Sumur bor');
    const rounds = await page.getByTestId('pb-rounds').innerText();
    expect(rounds).toContain('2 pemilih × Rp50.000.000');
    // The same count in plain words for citizens.
    const plain = await page.getByTestId('pb-explanation').innerText();
    expect(plain).toMatch(/dibagi sama rata kepada 2 pemilih/);
    expect(plain).toContain('Lampu jalan dusun');
    // 'Hasil akhir' is read whole ('TERPI...' before), and on a phone the table scrolls to it.
    const cut = () =>
      page
        .getByTestId('pb-projects')
        .locator('.mantine-Badge-label')
        .evaluateAll((labels) => [
          labels.length,
          labels.filter((l) => l.scrollWidth > l.clientWidth + 1).length,
        ]);
    expect(await cut()).toEqual([3, 0]);
    await page.setViewportSize({ width: 390, height: 844 });
    const lastBadge = page.getByTestId('pb-projects').locator('.mantine-Badge-root').last();
    await lastBadge.scrollIntoViewIfNeeded();
    const box = (await lastBadge.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await cut()).toEqual([3, 0]);
    await page.setViewportSize({ width: 1280, height: 860 });
    await shot(page, 'pb-result');

    await page
      .getByTestId('pb-override')
      .getByLabel(/Sumur bor/)
      .uncheck();
    await page
      .getByTestId('pb-override-reason')
      .fill('Sumur bor sudah didanai CSR menurut surat perusahaan tanggal 1 Desember.');
    await page.getByTestId('pb-override-save').click();
    const notice = page.getByTestId('pb-override-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Sumur bor sudah didanai CSR');
    await page.getByTestId('pb-establish').click();
    await page.getByTestId('pb-state').getByText('Ditetapkan').waitFor();

    // Anyone reads the override and its reason.
    await context.clearCookies();
    await page.goto(url);
    expect(await page.getByTestId('pb-override-notice').innerText()).toContain('Sumur bor sudah didanai CSR');
    await shot(page, 'pb-public');
  });
});

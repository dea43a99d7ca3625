import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { startSmtp } from '../../../test/smtp.ts';
import { waitingSources } from '../index.ts';
import * as repo from './inbox.repository.ts';
import { smtpSender } from './mail.ts';
import { deliverMail, queueDigests, sweepAll } from './notifier.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
const sessions: Record<string, Session> = {};
const as = (user: string, method: string, url: string, payload?: unknown) =>
  call(t.app, sessions[user]!, { method, url, payload });

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://sinergi.blitarkab.example' });
  for (const u of ['admin', 'perencana', 'opd.dpupr', 'kec.wonodadi', 'desa.jaten', 'dprd'])
    sessions[u] = await login(t.app, u);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const kindsOf = async (user: string) =>
  ((await as(user, 'GET', '/api/inbox')).json().groups as { kind: string; total: number }[]).map(
    (g) => g.kind,
  );

describe('what waits for each account', () => {
  it('lists for each role the items planted in the demo data, each with its page', async () => {
    expect(await kindsOf('desa.jaten')).toEqual(
      expect.arrayContaining(['aspirations.moderate', 'proposals.desa', 'index.enter', 'progress.due']),
    );
    expect(await kindsOf('kec.wonodadi')).toEqual(
      expect.arrayContaining(['proposals.kecamatan', 'index.verify']),
    );
    expect(await kindsOf('opd.dpupr')).toEqual(
      expect.arrayContaining(['progress.verify', 'projects.atRisk']),
    );
    expect(await kindsOf('perencana')).toEqual(
      expect.arrayContaining(['proposals.kabupaten', 'index.approve']),
    );
    expect(await kindsOf('dprd')).toEqual(['pokir.active']);
    const desa = (await as('desa.jaten', 'GET', '/api/inbox')).json();
    const moderate = desa.groups.find((g: { kind: string }) => g.kind === 'aspirations.moderate');
    expect(moderate.text).toBe('1 aspirasi warga menunggu moderasi');
    expect(moderate.items[0].link).toMatch(/^\/usulan\/[0-9a-f-]{36}$/);
  });

  it('never lists another area: the kecamatan sees only its own desa, the desa only itself', async () => {
    const kec = (await as('kec.wonodadi', 'GET', '/api/inbox')).json();
    for (const g of kec.groups) for (const i of g.items) expect(i.title).not.toMatch(/Jati\b/);
    const verify = kec.groups.find((g: { kind: string }) => g.kind === 'index.verify');
    expect(verify.items.map((i: { key: string }) => i.key)).toEqual(['35.05.01.2002:2025']);
  });

  it('answers in English when asked', async () => {
    const res = await call(t.app, sessions['kec.wonodadi']!, {
      method: 'GET',
      url: '/api/inbox',
      headers: { 'x-language': 'en' },
    });
    expect(res.json().groups.map((g: { text: string }) => g.text)).toContain(
      '1 village index entries wait for verification',
    );
  });
});

describe('notifications', () => {
  it('tells each item once while it waits, also when sweeps run at the same time', async () => {
    const made = await Promise.all([sweepAll(t.ctx, waitingSources), sweepAll(t.ctx, waitingSources)]);
    expect(made[0]! + made[1]!).toBeGreaterThan(0);
    const desa = (await as('desa.jaten', 'GET', '/api/notifications')).json();
    const kinds = desa.items.map((n: { kind: string }) => n.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(desa.unread).toBe(kinds.length);
    // Nothing new: nothing told.
    expect(await sweepAll(t.ctx, waitingSources)).toBe(0);
  });

  it('tells the desa when a citizen sends an aspiration, naming it, and marks it read', async () => {
    const sent = await call(t.app, null, {
      method: 'POST',
      url: '/api/aspirations',
      payload: {
        title: 'Perbaikan jembatan bambu dusun Kedung',
        description: 'Jembatan bambu rusak, anak sekolah memutar 3 km.',
        bidang: 'infrastruktur',
        regionCode: '35.05.01.2001',
        beneficiaries: 80,
        proposerName: 'Warga',
      },
    });
    expect(sent.statusCode).toBe(201);
    expect(await sweepAll(t.ctx, waitingSources)).toBe(1);
    const list = (await as('desa.jaten', 'GET', '/api/notifications')).json();
    const newest = list.items[0];
    expect(newest).toMatchObject({ kind: 'aspirations.moderate', count: 1, readAt: null });
    expect(newest.title).toContain('Perbaikan jembatan bambu');
    const read = await as('desa.jaten', 'POST', `/api/notifications/${newest.id}/read`, {});
    expect(read.json().unread).toBe(list.unread - 1);
    // Another account's notification is not found, and changes nothing.
    expect((await as('kec.wonodadi', 'POST', `/api/notifications/${newest.id}/read`, {})).statusCode).toBe(
      404,
    );
    const all = await as('desa.jaten', 'POST', '/api/notifications/read', {});
    expect(all.json().unread).toBe(0);
  });

  it('asks for an address before it mails, naming the field in the user language', async () => {
    const res = await as('kec.wonodadi', 'PUT', '/api/notifications/settings', {
      email: '',
      emailMode: 'each',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail ?? res.json().title).toBeDefined();
    expect(JSON.stringify(res.json())).toContain('Alamat e-mail');
    const bad = await as('kec.wonodadi', 'PUT', '/api/notifications/settings', {
      email: 'bukan-email',
      emailMode: 'each',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('mails a new item over SMTP to those who asked, without the item or anyone else in it', async () => {
    const ok = await as('kec.wonodadi', 'PUT', '/api/notifications/settings', {
      email: 'kasi.pem@wonodadi.example',
      emailMode: 'each',
    });
    expect(ok.json()).toMatchObject({ emailMode: 'each', mailEnabled: true });
    // The desa submits its entry: now the kecamatan has a second one to verify.
    const card = (await as('desa.jaten', 'GET', '/api/index/desa/35.05.01.2001')).json();
    const scores = Object.fromEntries(
      card.indicators.items.map((i: { code: string; score: number }) => [i.code, i.score]),
    );
    const entry = await as('desa.jaten', 'PUT', '/api/index/entries/35.05.01.2001/2025', { scores });
    if (entry.statusCode !== 200) return expect.fail(`entry: ${entry.statusCode} ${entry.body}`);
    expect(
      (await as('desa.jaten', 'POST', '/api/index/entries/35.05.01.2001/2025/submit', {})).statusCode,
    ).toBe(200);
    await sweepAll(t.ctx, waitingSources);
    const result = await deliverMail(t.ctx, smtpSender(t.ctx.config)!);
    expect(result).toEqual({ sent: 1, failed: 0 });
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toBe('kasi.pem@wonodadi.example');
    expect(mail.subject).toBe('[Sinergi] 1 isian IDM menunggu verifikasi');
    expect(mail.text).toContain('Yth. Operator Kecamatan Wonodadi (demo)');
    expect(mail.text).toContain('https://sinergi.blitarkab.example/indeks-desa/verifikasi?tahun=2025');
    expect(mail.text).not.toContain('Jaten');
    // Sent once: nothing left in the outbox.
    expect(await deliverMail(t.ctx, smtpSender(t.ctx.config)!)).toEqual({ sent: 0, failed: 0 });
  });

  it('keeps a message the SMTP server refuses and sends it on a later try', async () => {
    await repo.queueMail(t.ctx.database.db, [{ recipient: 'a@b.example', subject: 'uji', body: 'uji' }]);
    smtp.refuse(true);
    try {
      expect(await deliverMail(t.ctx, smtpSender(t.ctx.config)!)).toEqual({ sent: 0, failed: 1 });
      const kept = (await repo.findMail(t.ctx.database.db)).find((m) => m.subject === 'uji')!;
      expect(kept).toMatchObject({ sentAt: null, attempts: 1, lastError: 'SMTP 450' });
    } finally {
      smtp.refuse(false);
    }
    const later = { ...t.ctx, clock: () => new Date(Date.now() + 5 * 60_000) };
    expect(await deliverMail(later, smtpSender(t.ctx.config)!)).toEqual({ sent: 1, failed: 0 });
  });

  it('sends a daily digest once a day, from the hour set (07:00 WIB)', async () => {
    await as('perencana', 'PUT', '/api/notifications/settings', {
      email: 'bappeda@blitarkab.example',
      emailMode: 'daily',
    });
    const at = (iso: string) => ({ ...t.ctx, clock: () => new Date(iso) });
    // 06:30 WIB: not yet.
    expect(await queueDigests(at('2030-01-06T23:30:00Z'))).toBe(0);
    expect(await queueDigests(at('2030-01-07T00:05:00Z'))).toBe(1);
    expect(await queueDigests(at('2030-01-07T05:00:00Z'))).toBe(0);
    await deliverMail(t.ctx, smtpSender(t.ctx.config)!);
    const digest = smtp.received.find((m) => m.to === 'bappeda@blitarkab.example')!;
    expect(digest.subject).toMatch(/^\[Sinergi\] (Ringkasan harian: \d+ pemberitahuan|1 usulan .*)$/);
    expect(digest.text).toContain('usulan menunggu keputusan Musrenbang kabupaten');
  });

  it('mails the citizen each decision on an aspiration with its reason, once, also when two offices decide at once', async () => {
    const sent = await call(t.app, null, {
      method: 'POST',
      url: '/api/aspirations',
      payload: {
        title: 'Sumur bor untuk dusun Kedung',
        description: 'Musim kemarau warga kekurangan air bersih.',
        bidang: 'infrastruktur',
        regionCode: '35.05.01.2001',
        beneficiaries: 120,
        proposerName: 'Warga Kedung',
        contact: 'warga.kedung@example.org',
      },
    });
    const code = sent.json().trackingCode as string;
    const found = (await as('desa.jaten', 'GET', `/api/proposals?q=${code}`)).json().items[0];
    const decide = (body: unknown) => as('desa.jaten', 'POST', `/api/proposals/${found.id}/decisions`, body);
    const first = await Promise.all([decide({ kind: 'teruskan' }), decide({ kind: 'teruskan' })]);
    expect(first.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(
      (await decide({ kind: 'tolak', reason: 'pagu_tidak_cukup', note: 'Diusulkan ke Dana Desa.' }))
        .statusCode,
    ).toBe(200);
    await deliverMail(t.ctx, smtpSender(t.ctx.config)!);
    const mails = smtp.received.filter((m) => m.to === 'warga.kedung@example.org');
    expect(mails.map((m) => m.subject)).toEqual([
      `[Sinergi] Keputusan atas aspirasi ${code}`,
      `[Sinergi] Keputusan atas aspirasi ${code}`,
    ]);
    expect(mails[0]!.text).toContain(
      `Aspirasi Anda "Sumur bor untuk dusun Kedung" (${code}): diteruskan ke Musrenbang desa.`,
    );
    expect(mails[1]!.text).toContain('ditolak.');
    expect(mails[1]!.text).toContain('Alasan: Pagu anggaran tidak cukup');
    expect(mails[1]!.text).toContain('Diusulkan ke Dana Desa.');
    expect(mails[1]!.text).toContain(`https://sinergi.blitarkab.example/lacak/${code}`);
    // Nothing of the officer who decided.
    expect(mails[1]!.text).not.toContain('Operator');
  });
});

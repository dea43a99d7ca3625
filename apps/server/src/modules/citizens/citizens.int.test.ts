import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { startSmtp } from '../../../test/smtp.ts';
import { smtpSender } from '../inbox/mail.ts';
import { deliverMail } from '../inbox/notifier.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
const s: Record<string, Session> = {};
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://sinergi.blitarkab.example' });
  for (const u of ['warga', 'desa.jaten', 'kec.wonodadi', 'perencana']) s[u] = await login(t.app, u);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const as = (who: Session | null, method: string, url: string, payload?: unknown) =>
  call(t.app, who, { method: method as 'GET', url, ...(payload !== undefined ? { payload } : {}) });
// The demo's "Rabat beton jalan dusun Krajan" of Jaten, past moderation.
const CODE = 'USL-DEMO-0001';

describe("citizens' accounts, verified by e-mail (issue 20)", () => {
  it('registers, mails a link through a real SMTP server, signs in only once the link is opened, and takes the link once', async () => {
    const email = 'sri.wahyuni@example.org';
    const register = (password = 'kebun-kopi-jaten-7') =>
      as(null, 'POST', '/api/citizens/register', {
        email: ` ${email.toUpperCase()} `,
        name: 'Sri W.',
        password,
      });
    const weak = await register('12345678');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().detail).toMatch(/Kata sandi/);
    expect((await register()).statusCode).toBe(202);
    // Not yet: the account waits for its link.
    const early = await as(null, 'POST', '/api/auth/login', {
      username: email,
      password: 'kebun-kopi-jaten-7',
    });
    expect(early.statusCode).toBe(401);
    await deliverMail(t.ctx, smtpSender(t.ctx.config)!);
    const mail = smtp.received.find((m) => m.to.includes(email))!;
    expect(mail.subject).toBe('[Sinergi] Aktifkan akun warga Anda');
    const link = /https:\/\/sinergi\.blitarkab\.example\/warga\/verifikasi\?token=([\w-]+)/.exec(mail.text)!;
    expect(link).not.toBeNull();
    expect((await as(null, 'POST', '/api/citizens/verify', { token: link[1] })).statusCode).toBe(200);
    const again = await as(null, 'POST', '/api/citizens/verify', { token: link[1] });
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toMatch(/tautan verifikasi tidak berlaku/);
    const session = await login(t.app, email, 'kebun-kopi-jaten-7');
    const info = (await as(session, 'GET', '/api/auth/session')).json();
    expect(info.user.role).toBe('warga');
    expect(info.permissions).toEqual(expect.arrayContaining(['proposals.support', 'comments.write']));
    expect(info.permissions).not.toContain('proposals.read');
    // A second registration of the same address answers the same and sends nothing.
    const before = smtp.received.length;
    expect((await register()).statusCode).toBe(202);
    await deliverMail(t.ctx, smtpSender(t.ctx.config)!);
    expect(smtp.received.length).toBe(before);
  });

  it('sees no staff data', async () => {
    for (const url of ['/api/proposals', '/api/people', '/api/forums', '/api/users'])
      expect((await as(s.warga!, 'GET', url)).statusCode, url).toBe(403);
  });
});

describe('supports and comments', () => {
  it('counts one support per account, however often it is sent at once, and lets it be withdrawn', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => as(s.warga!, 'POST', `/api/public/proposals/${CODE}/support`)),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect((await as(null, 'GET', `/api/public/proposals/${CODE}/support`)).json()).toEqual({
      supports: 1,
      supported: false,
    });
    expect((await as(s.warga!, 'GET', `/api/public/proposals/${CODE}/support`)).json()).toEqual({
      supports: 1,
      supported: true,
    });
    expect((await as(null, 'GET', `/api/public/proposals/${CODE}`)).json().supports).toBe(1);
    // Staff do not support, the public must sign in.
    expect((await as(s['desa.jaten']!, 'POST', `/api/public/proposals/${CODE}/support`)).statusCode).toBe(
      403,
    );
    expect((await as(null, 'POST', `/api/public/proposals/${CODE}/support`)).statusCode).toBe(401);
    // The desa's forum sees the count beside the proposal on its agenda.
    const proposal = (await as(null, 'GET', `/api/public/proposals/${CODE}`)).json();
    const forum = (
      await as(s['desa.jaten']!, 'POST', '/api/forums', {
        level: 'desa',
        regionCode: '35.05.01.2001',
        planYear: proposal.planYear,
        heldOn: new Date().toISOString().slice(0, 10),
        title: 'Musrenbangdes Jaten (uji dukungan)',
        method: 'suara',
        confirmWarnings: true,
      })
    ).json();
    const id = (
      (await as(s['desa.jaten']!, 'GET', `/api/proposals?q=${CODE}`)).json().items[0] as { id: string }
    ).id;
    const agenda = await as(s['desa.jaten']!, 'PUT', `/api/forums/${forum.id}/agenda`, { proposalIds: [id] });
    expect(agenda.statusCode, agenda.body).toBe(200);
    expect(agenda.json().items[0].supports).toBe(1);
    expect((await as(s.warga!, 'DELETE', `/api/public/proposals/${CODE}/support`)).json()).toEqual({
      supports: 0,
      supported: false,
    });
    await as(s.warga!, 'POST', `/api/public/proposals/${CODE}/support`);
  });

  it('shows comments with the name the citizen chose; the desa hides one with a reason, never deletes it; another kecamatan may not', async () => {
    const added = await as(s.warga!, 'POST', `/api/public/proposals/${CODE}/comments`, {
      comment: 'Jalan ini dipakai anak sekolah setiap hari, mohon diprioritaskan.',
    });
    expect(added.statusCode, added.body).toBe(200);
    const rude = (
      await as(s.warga!, 'POST', `/api/public/proposals/${CODE}/comments`, {
        comment: 'Kata-kata kasar untuk pak kades.',
      })
    )
      .json()
      .items.at(-1);
    expect(rude).toMatchObject({ author: 'Warga Jaten (demo)', hidden: null, mayHide: false });
    const seenByDesa = (await as(s['desa.jaten']!, 'GET', `/api/public/proposals/${CODE}/comments`)).json()
      .items;
    expect(seenByDesa.every((c: { mayHide: boolean }) => c.mayHide)).toBe(true);
    const hidden = await as(s['desa.jaten']!, 'POST', `/api/comments/${rude.id}/hide`, {
      reason: 'Kata-kata tidak pantas',
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    const publicView = (await as(null, 'GET', `/api/public/proposals/${CODE}/comments`)).json().items;
    const shown = publicView.find((c: { id: string }) => c.id === rude.id);
    expect(shown).toMatchObject({
      body: null,
      hidden: { reason: 'Kata-kata tidak pantas', by: 'Desa Jaten' },
    });
    expect(JSON.stringify(publicView)).not.toContain('kasar');
    const twice = await as(s['kec.wonodadi']!, 'POST', `/api/comments/${rude.id}/hide`, {
      reason: 'Sekali lagi',
    });
    expect(twice.statusCode).toBe(400);
    expect(
      (await as(s.warga!, 'POST', `/api/comments/${rude.id}/hide`, { reason: 'Bukan hak saya' })).statusCode,
    ).toBe(403);
    // The text is kept for the record: the audit names the hiding, the row still holds the words.
    const kept = await t.ctx.database.bulk((tx) =>
      tx.query<{ body: string }>(`select body from proposal_comments where id = '${rude.id}'`),
    );
    expect(kept[0]!.body).toContain('kasar');
  });

  it('limits comments per account a day, naming the limit', async () => {
    // The day's earlier comments, written straight to the table: twenty in all with the two above.
    await t.ctx.database.bulk((tx) =>
      tx.query(
        `insert into proposal_comments (proposal_id, user_id, author, body)
         select p.id, u.id, u.display_name, 'Komentar ' || g from proposals p, users u, generate_series(1, 18) g
         where p.tracking_code = 'USL-DEMO-0002' and u.username = 'warga'`,
      ),
    );
    const over = await as(s.warga!, 'POST', '/api/public/proposals/USL-DEMO-0002/comments', {
      comment: 'Satu lagi',
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().detail).toMatch(/20 komentar sehari/);
  });

  it('takes no support or comment on an aspiration still in moderation', async () => {
    const waiting = 'USL-DEMO-0013';
    expect((await as(s.warga!, 'POST', `/api/public/proposals/${waiting}/support`)).statusCode).toBe(404);
    expect((await as(s.warga!, 'GET', `/api/public/proposals/${waiting}/comments`)).statusCode).toBe(404);
  });
});

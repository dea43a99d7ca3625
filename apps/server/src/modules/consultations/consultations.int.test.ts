import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { appWithAccounts, call, login } from '../../../test/harness.ts';

/** Public consultation on a draft plan (issue 21; Permendagri 86/2017), from opening to its record. */
const h = appWithAccounts(['perencana', 'warga', 'desa.jaten']);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('a public consultation on a draft plan', () => {
  it('takes comments in its window, has each answered once, closes after it, and keeps the record', async () => {
    const plans = (await h.as('perencana', 'GET', '/api/plans')).json().items as {
      id: string;
      kind: string;
    }[];
    const plan = plans.find((p) => p.kind === 'RPJMD')!;
    const items = (await h.as('perencana', 'GET', `/api/plans/${plan.id}`)).json().nodes as { id: string }[];
    expect(items.length).toBeGreaterThan(0);
    const created = await h.as('perencana', 'POST', '/api/consultations', {
      planId: plan.id,
      title: 'Konsultasi publik rancangan awal RPJMD',
      opensOn: day(0),
      closesOn: day(7),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const url = `/api/consultations/${id}`;

    // Not open yet: no comment. A reversed window is refused by field.
    const early = await h.as('warga', 'POST', `${url}/comments`, { body: 'Jalan desa kami rusak parah.' });
    expect(early.json().issues[0]).toMatchObject({ field: 'body.body', issue: 'consultation_closed' });
    const reversed = await h.as('perencana', 'POST', '/api/consultations', {
      planId: plan.id,
      title: 'Salah tanggal',
      opensOn: day(5),
      closesOn: day(1),
    });
    expect(reversed.json().issues[0]).toMatchObject({ field: 'body.closesOn', issue: 'window_reversed' });
    expect((await h.as('warga', 'POST', `${url}/open`)).statusCode).toBe(403);
    expect((await h.as('perencana', 'POST', `${url}/open`)).statusCode).toBe(200);

    // A citizen on an item, a desa on the whole plan; the public reads but does not write.
    const onItem = await h.as('warga', 'POST', `${url}/comments`, {
      nodeId: items[0]!.id,
      body: 'Mohon target jalan mantap dinaikkan untuk desa di lereng Kelud.',
    });
    expect(onItem.statusCode, onItem.body).toBe(201);
    const whole = await h.as('desa.jaten', 'POST', `${url}/comments`, { body: 'Perlu program air bersih.' });
    expect(whole.statusCode).toBe(201);
    expect((await h.as(null, 'POST', `${url}/comments`, { body: 'Anonim sekali.' })).statusCode).toBe(401);
    const foreign = await h.as('warga', 'POST', `${url}/comments`, {
      nodeId: '00000000-0000-4000-8000-000000000001',
      body: 'Butir lain.',
    });
    expect(foreign.json().issues[0]).toMatchObject({ field: 'body.nodeId', issue: 'node_not_in_plan' });
    const seen = (await h.as(null, 'GET', url)).json();
    expect(seen.commentList.map((c: { author: string }) => c.author)).toEqual([
      expect.any(String),
      'Desa Jaten',
    ]);
    expect(seen.abilities).toMatchObject({ comment: false, answer: false });

    // Closing needs the window past and every comment answered: both are named.
    const tooSoon = await h.as('perencana', 'POST', `${url}/close`);
    expect(tooSoon.json().issues.map((i: { issue: string }) => i.issue)).toEqual([
      'window_still_open',
      'comments_unanswered',
    ]);
    // Two answers to one comment at once: one is recorded.
    const [first, second] = seen.commentList as { id: string }[];
    const answers = await Promise.all(
      ['Target dinaikkan pada rancangan akhir.', 'Jawaban kedua.'].map((answer) =>
        h.as('perencana', 'POST', `/api/consultation-comments/${first!.id}/answer`, { answer }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const afterAnswer = (await h.as(null, 'GET', url)).json();
    expect(afterAnswer.commentList[0].answer).toMatch(/^(Target dinaikkan|Jawaban kedua)/);
    expect(afterAnswer.unanswered).toBe(1);

    // After the window: no more comments; the last answer, then the close.
    const ctx = h.t.ctx as { clock: () => Date };
    const realClock = ctx.clock;
    ctx.clock = () => new Date(Date.now() + 9 * 86_400_000);
    try {
      // Nine days on, yesterday's sessions have ended: both sign in again.
      const later = { perencana: await login(h.t.app, 'perencana'), warga: await login(h.t.app, 'warga') };
      const as = (who: keyof typeof later, method: string, u: string, payload?: unknown) =>
        call(h.t.app, later[who], { method, url: u, ...(payload ? { payload } : {}) });
      const late = await as('warga', 'POST', `${url}/comments`, { body: 'Terlambat.' });
      expect(late.json().issues?.[0]?.issue, late.body).toBe('consultation_closed');
      expect((await as('perencana', 'POST', `${url}/close`)).json().issues[0].issue).toBe(
        'comments_unanswered',
      );
      await as('perencana', 'POST', `/api/consultation-comments/${second!.id}/answer`, {
        answer: 'Program air bersih masuk prioritas 2027.',
      });
      expect((await as('perencana', 'POST', `${url}/close`)).statusCode).toBe(200);
    } finally {
      ctx.clock = realClock;
    }
    const closed = (await h.as(null, 'GET', url)).json();
    expect(closed.state).toBe('ditutup');
    expect((await h.as(null, 'GET', `/api/consultations?plan=${plan.id}`)).json().items[0]).toMatchObject({
      id,
      comments: 2,
      unanswered: 0,
    });
    const pdf = await h.as(null, 'GET', `${url}/berita-acara.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text: raw } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    const text = raw.replace(/\s+/g, ' ');
    expect(text).toContain('KONSULTASI PUBLIK');
    expect(text).toContain('Perlu program air bersih');
    expect(text).toContain('Program air bersih masuk prioritas 2027');
    expect(text).toContain('Permendagri Nomor 86 Tahun 2017');
  });
});

import { describe, expect, it } from 'vitest';
import { appWithAccounts, call } from '../../test/harness.ts';

/**
 * The offline outbox's guarantees on the server: a write resent with its Idempotency-Key is done
 * once, and a write made from an older version is refused as STALE with the version there is now.
 */
const h = appWithAccounts(['desa.jaten', 'kec.wonodadi']);
const proposal = (title: string) => ({
  track: 'musrenbang',
  title,
  bidang: 'infrastruktur',
  regionCode: '35.05.01.2001',
  volume: 1,
  unit: 'paket',
  estimatedCost: 95_000_000,
  beneficiaries: 120,
  planYear: new Date().getFullYear() + 1,
  proposerName: 'Ketua RT 02',
});
const send = (user: string, method: string, url: string, payload: unknown, key?: string) =>
  call(h.t.app, h.session(user), {
    method,
    url,
    payload,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
const countTitled = async (title: string) => {
  const list = await h.as('desa.jaten', 'GET', '/api/proposals?limit=500');
  return list.json().items.filter((p: { title: string }) => p.title === title).length;
};

describe('Idempotency-Key', () => {
  it('answers a resent write with the first answer and does it once', async () => {
    const body = proposal('Drainase jalan dusun Krajan');
    const first = await send('desa.jaten', 'POST', '/api/proposals', body, 'outbox-aaaaaaaa-0001');
    expect(first.statusCode).toBe(201);
    const again = await send('desa.jaten', 'POST', '/api/proposals', body, 'outbox-aaaaaaaa-0001');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await countTitled(body.title)).toBe(1);
  });

  it('does a write sent twice at once only once', async () => {
    const body = proposal('Plengsengan sungai dusun Sumber');
    const answers = await Promise.all(
      [1, 2, 3].map(() => send('desa.jaten', 'POST', '/api/proposals', body, 'outbox-bbbbbbbb-0002')),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) expect(a.json().code).toBe('IN_PROGRESS');
    expect(new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().id)).size).toBe(1);
    expect(await countTitled(body.title)).toBe(1);
  });

  it('keeps one key to one write, and each account to its own keys', async () => {
    const other = await send(
      'desa.jaten',
      'POST',
      '/api/proposals',
      proposal('Sumur bor dusun Krajan'),
      'outbox-aaaaaaaa-0001',
    );
    // The key was used for another write (another body, same address): still the first answer.
    expect(other.headers['idempotent-replayed']).toBe('true');
    const elsewhere = await send(
      'desa.jaten',
      'POST',
      '/api/proposals/00000000-0000-4000-8000-000000000000/decisions',
      { kind: 'teruskan' },
      'outbox-aaaaaaaa-0001',
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().issues[0]).toMatchObject({
      field: 'headers.idempotency-key',
      issue: 'key_reused',
    });
    const bad = await send('desa.jaten', 'POST', '/api/proposals', proposal('Gorong-gorong'), 'short');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Idempotency-Key');
    // The same key from another account is that account's own: its write is done.
    const kec = await send(
      'kec.wonodadi',
      'POST',
      '/api/proposals',
      { ...proposal('Gorong-gorong dusun Jaten'), regionCode: '35.05.01.2001' },
      'outbox-aaaaaaaa-0001',
    );
    expect(kec.statusCode).toBe(201);
    expect(kec.headers['idempotent-replayed']).toBeUndefined();
  });

  it('lets a refused write be sent again, corrected, with the same key', async () => {
    const body = proposal('Rabat beton gang Mawar');
    const refused = await send(
      'desa.jaten',
      'POST',
      '/api/proposals',
      { ...body, estimatedCost: -5 },
      'outbox-cccccccc-0003',
    );
    expect(refused.statusCode).toBe(400);
    const sent = await send('desa.jaten', 'POST', '/api/proposals', body, 'outbox-cccccccc-0003');
    expect(sent.statusCode).toBe(201);
    expect(sent.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('basedOn: a change made meanwhile is never overwritten', () => {
  it('refuses scores typed from an older version of the entry, and takes them based on the new one', async () => {
    const url = '/api/index/entries/35.05.01.2001/2031';
    const card = (await h.as(null, 'GET', '/api/index/desa/35.05.01.2001')).json();
    const scores = Object.fromEntries(
      card.indicators.items.map((i: { code: string; score: number }) => [i.code, i.score]),
    );
    const created = await send('desa.jaten', 'PUT', url, { scores, basedOn: null });
    expect(created.statusCode).toBe(200);
    const v1 = created.json().version;
    // Someone saves first (another phone of the desa)...
    const code = Object.keys(scores)[0]!;
    const theirs = await send('desa.jaten', 'PUT', url, { scores: { ...scores, [code]: 1 }, basedOn: v1 });
    expect(theirs.statusCode).toBe(200);
    // ...and the scores typed offline from v1 are refused, naming the version there is now.
    const mine = await send('desa.jaten', 'PUT', url, { scores: { ...scores, [code]: 5 }, basedOn: v1 });
    expect(mine.statusCode).toBe(409);
    expect(mine.json()).toMatchObject({ code: 'STALE', current: theirs.json().version });
    expect((await h.as('desa.jaten', 'GET', url)).json().scores[code]).toBe(1);
    const chosen = await send('desa.jaten', 'PUT', url, {
      scores: { ...scores, [code]: 5 },
      basedOn: mine.json().current,
    });
    expect(chosen.statusCode).toBe(200);
    expect((await h.as('desa.jaten', 'GET', url)).json().scores[code]).toBe(5);
    // A new entry made offline when one was made meanwhile: refused too.
    const again = await send('desa.jaten', 'PUT', url, { scores, basedOn: null });
    expect(again.json().code).toBe('STALE');
  });

  it('refuses a decision made on a path that moved since, and records it based on the new one', async () => {
    const created = await send('desa.jaten', 'POST', '/api/proposals', proposal('Jembatan dusun Ngrejo'));
    const { id } = created.json();
    const { version } = (await h.as('desa.jaten', 'GET', `/api/proposals/${id}`)).json();
    expect(version).toMatch(/^desa\.aktif\.\d{4}$/);
    const first = await send('desa.jaten', 'POST', `/api/proposals/${id}/decisions`, {
      kind: 'teruskan',
      basedOn: version,
    });
    expect(first.statusCode).toBe(200);
    const late = await send('desa.jaten', 'POST', `/api/proposals/${id}/decisions`, {
      kind: 'tolak',
      reason: 'bukan_kewenangan',
      basedOn: version,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'STALE', current: first.json().version });
    const detail = (await h.as('desa.jaten', 'GET', `/api/proposals/${id}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).not.toContain('tolak');
    const kec = await send('kec.wonodadi', 'POST', `/api/proposals/${id}/decisions`, {
      kind: 'tunda',
      toYear: detail.planYear + 1,
      basedOn: late.json().current,
    });
    expect(kec.statusCode).toBe(200);
  });
});

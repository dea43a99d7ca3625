import { parsePb } from '@sinergi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { bigPbFile } from '../../../test/hostile-files.ts';
import { systemPrincipal } from '../../context.ts';
import { claimJob } from '../jobs/jobs.repository.ts';
import { runClaimedJob } from '../jobs/jobs.service.ts';
import { pbModule } from './pb.module.ts';

let t: TestApp;
let perencana: Session;
let desa: Session;
let kecamatan: Session;
beforeAll(async () => {
  t = await createTestApp();
  perencana = await login(t.app, 'perencana');
  desa = await login(t.app, 'desa.jaten');
  kecamatan = await login(t.app, 'kec.wonodadi');
});
afterAll(() => t.close());

const year = new Date().getFullYear() + 1;
const as = (s: Session | null, method: string, url: string, payload?: unknown) =>
  call(t.app, s, { method: method as 'GET', url, ...(payload !== undefined ? { payload } : {}) });
const JATEN = '35.05.01.2001';

// The hand-checked election of the core tests, in millions of rupiah: A (60) by three voters,
// B (40) by one, C (30) by all four; budget 100. Equal Shares funds C (each pays 7.5), then Add1
// raises the share from 25 to 47 (47 x 4 - 30 leaves A affordable by its three) and stops before
// 48, where B too would be bought and the outcome would overspend: C and A, 90.
const M = 1_000_000;
const election = (patch: Record<string, unknown> = {}) => ({
  title: 'Anggaran partisipatif uji',
  planYear: year,
  budget: 100 * M,
  ballot: { type: 'approval', maxChoices: 2 },
  rule: { rule: 'mes', utility: 'cost', completion: 'add1', add1Step: M },
  projects: [
    { code: 'A', title: 'Jalan usaha tani', cost: 60 * M, regionCode: JATEN },
    { code: 'B', title: 'Sumur bor', cost: 40 * M },
    { code: 'C', title: 'Lampu jalan', cost: 30 * M },
  ],
  ...patch,
});

async function count(id: string) {
  const res = await as(perencana, 'POST', `/api/pb/elections/${id}/count`);
  expect(res.statusCode, res.body).toBe(202);
  const claimed = await claimJob(t.ctx.database.db, 'test', res.json().jobId);
  const done = await runClaimedJob(t.ctx, claimed!, pbModule.jobs!, systemPrincipal);
  expect(done.status, JSON.stringify(done)).toBe('succeeded');
  return (await as(null, 'GET', `/api/pb/elections/${id}`)).json();
}

describe('participatory budgeting in the app', () => {
  it('refuses bad elections field by field, in Indonesian', async () => {
    const res = await as(
      perencana,
      'POST',
      '/api/pb/elections',
      election({
        projects: [
          { code: 'A', title: 'Jalan', cost: 160 * M },
          { code: 'A', title: 'Jalan lagi', cost: 10 * M },
        ],
        districtShares: { '35.05.01': 1, '35.05.99': 1 },
      }),
    );
    expect(res.statusCode).toBe(400);
    const issues = res.json().issues.map((i: { field: string; issue: string }) => `${i.field} ${i.issue}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'body.projects.0.cost pb_cost_over_budget',
        'body.projects.1.code pb_duplicate_project',
        'body.districtShares.35.05.99 pb_not_kecamatan',
        'body.rule.completion pb_district_add1',
      ]),
    );
    expect(
      res.json().issues.find((i: { issue: string }) => i.issue === 'pb_cost_over_budget').message,
    ).toMatch(/melebihi pagu/);
    expect((await as(perencana, 'GET', '/api/pb/elections')).json().items).toHaveLength(0);
  });

  it('runs an election from registration to the set result: codes, online and paper ballots, receipts, count, override, funding', async () => {
    // A proposal at the kabupaten step stands as project A: setting the result funds it.
    const candidate = (await as(perencana, 'GET', `/api/pb/candidates?planYear=${year}`)).json().items[0];
    const body = election();
    (body.projects[0] as Record<string, unknown>).proposalId = candidate.id;
    const created = await as(perencana, 'POST', '/api/pb/elections', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    // The desa officer registers residents of the desa only, one code per NIK.
    const codes: string[] = [];
    for (const nik of ['3505010101900001', '3505010101900002', '3505010101900003', '3505010101900004']) {
      const r = await as(desa, 'POST', `/api/pb/elections/${id}/voters`, { nik, regionCode: JATEN });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().code).toMatch(/^PB-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      codes.push(r.json().code);
    }
    const again = await as(desa, 'POST', `/api/pb/elections/${id}/voters`, {
      nik: '3505010101900001',
      regionCode: JATEN,
    });
    expect(again.json().issues[0]).toMatchObject({ field: 'body.nik', issue: 'pb_already_registered' });
    const elsewhere = await as(desa, 'POST', `/api/pb/elections/${id}/voters`, {
      nik: '3505010101900009',
      regionCode: '35.05.01.2002',
    });
    expect(elsewhere.statusCode).toBe(403);

    // Not before voting opens.
    const early = await as(null, 'POST', `/api/pb/elections/${id}/ballots`, { code: codes[0], vote: ['A'] });
    expect(early.statusCode).toBe(409);
    expect((await as(perencana, 'POST', `/api/pb/elections/${id}/open`)).json().state).toBe('dibuka');

    const bad = await as(null, 'POST', `/api/pb/elections/${id}/ballots`, {
      code: codes[0],
      vote: ['A', 'C', 'Z'],
    });
    expect(
      bad
        .json()
        .issues.map((i: { issue: string }) => i.issue)
        .sort(),
    ).toEqual(['pb_too_many_choices', 'pb_unknown_project']);
    const receipts: string[] = [];
    for (const [i, vote] of [
      ['A', 'C'],
      ['A', 'C'],
      ['A', 'C'],
    ].entries()) {
      const r = await as(null, 'POST', `/api/pb/elections/${id}/ballots`, {
        code: codes[i]!.toLowerCase(),
        vote,
      });
      expect(r.statusCode, r.body).toBe(201);
      receipts.push(r.json().receipt);
    }
    const reuse = await as(null, 'POST', `/api/pb/elections/${id}/ballots`, { code: codes[0], vote: ['B'] });
    expect(reuse.json().issues[0]).toMatchObject({ field: 'body.code', issue: 'pb_code_used' });
    // The fourth voter votes on paper; the kecamatan's officer enters it.
    const paper = await as(kecamatan, 'POST', `/api/pb/elections/${id}/paper-ballots`, {
      code: codes[3],
      vote: ['B', 'C'],
    });
    expect(paper.statusCode, paper.body).toBe(201);

    // While voting is open, the public sees the projects but no running tally.
    const open = (await as(null, 'GET', `/api/pb/elections/${id}`)).json();
    expect(open.counts).toMatchObject({ ballots: 4, registered: 4, byChannel: { online: 3, paper: 1 } });
    expect(open.projects.map((p: { votes: number | null }) => p.votes)).toEqual([null, null, null]);
    // A receipt shows that the ballot is recorded and its fingerprint, which is in the public list;
    // never what the ballot says (issue 17: a receipt must not prove a choice to a vote buyer).
    const checked = (await as(null, 'GET', `/api/pb/receipts/${receipts[1]}`)).json();
    expect(checked).toMatchObject({
      electionId: id,
      channel: 'online',
      fingerprint: expect.stringMatching(/^[0-9A-F]{16}$/),
    });
    expect(checked).not.toHaveProperty('vote');
    const list = (await as(null, 'GET', `/api/pb/elections/${id}/fingerprints`)).json();
    expect(list.fingerprints).toHaveLength(4);
    expect(list.fingerprints).toContain(checked.fingerprint);

    await as(perencana, 'POST', `/api/pb/elections/${id}/close`);
    const counted = await count(id);
    expect(counted.result.outcome.selected).toEqual(['C', 'A']);
    expect(counted.result.outcome.cost).toBe(90 * M);
    expect(counted.result.outcome.endowment).toBe(String(47 * M));
    expect(counted.result.outcome.stopRule).toMatch(/steps of 1000000/);
    expect(counted.result.outcome.tieBreak).toMatch(/rho/);
    // Round by round: C first, paid 7.5 million by each of the four.
    expect(counted.result.outcome.rounds[0]).toMatchObject({
      project: 'C',
      payments: [{ amount: '7500000/1', voters: 4 }],
    });
    expect(counted.result.greedy.selected).toEqual(['C', 'A']);
    expect(counted.projects.map((p: { votes: number }) => p.votes)).toEqual([3, 1, 4]);
    expect(counted.result.outcome.quality).toMatchObject({ votersWithOne: 4, exclusionRatio: 0 });
    // In plain words for citizens: how the budget is shared, and each chosen project with what
    // its supporters paid, from the stored rounds.
    const plain = (await as(null, 'GET', `/api/pb/elections/${id}`)).json().explanation as string[];
    expect(plain[0]).toMatch(/dibagi sama rata kepada 4 pemilih/);
    expect(plain.filter((l) => /^\d\. /.test(l))).toHaveLength(2);
    expect(plain[1]).toBe(
      '1. Lampu jalan: didukung 4 pemilih; biayanya Rp30.000.000 ditanggung para pendukungnya, paling banyak Rp7.500.000 per orang.',
    );

    // An override needs a reason of substance, and the reason is public.
    const short = await as(perencana, 'POST', `/api/pb/elections/${id}/override`, {
      selected: ['A', 'B'],
      reason: 'karena',
    });
    expect(short.json().issues[0]).toMatchObject({ field: 'body.reason', issue: 'too_short_text' });
    const over = await as(perencana, 'POST', `/api/pb/elections/${id}/override`, {
      selected: ['A', 'B', 'C'],
      reason: 'Lahan untuk lampu jalan belum tersedia menurut surat Camat tanggal 1 Desember.',
    });
    expect(over.json().issues[0]).toMatchObject({ issue: 'pb_cost_over_budget' });
    const reason = 'Lahan untuk lampu jalan belum tersedia menurut surat Camat tanggal 1 Desember.';
    expect(
      (await as(perencana, 'POST', `/api/pb/elections/${id}/override`, { selected: ['A', 'B'], reason }))
        .statusCode,
    ).toBe(200);
    const overridden = (await as(null, 'GET', `/api/pb/elections/${id}`)).json();
    expect(overridden.override).toMatchObject({ selected: ['A', 'B'], reason, by: expect.any(String) });
    expect(overridden.final).toEqual(['A', 'B']);
    expect(overridden.result.outcome.selected).toEqual(['C', 'A']);

    const established = await as(perencana, 'POST', `/api/pb/elections/${id}/establish`);
    expect(established.json()).toEqual({ funded: 1 });
    const proposal = (await as(perencana, 'GET', `/api/proposals/${candidate.id}`)).json();
    expect(proposal.stage).toBe('apbd');

    // The export is an anonymous Pabulib file that reads back with the same ballots.
    const file = await as(null, 'GET', `/api/pb/elections/${id}/export.pb`);
    const pb = parsePb(file.body);
    expect(pb.meta).toMatchObject({
      budget: String(100 * M),
      vote_type: 'approval',
      rule: 'equalshares/add1',
    });
    expect(pb.voters.map((v) => v.vote.join(',')).sort()).toEqual(['A,C', 'A,C', 'A,C', 'B,C']);
    expect(pb.projects.map((p) => [p.id, p.fields.votes, p.fields.selected])).toEqual([
      ['A', '3', '1'],
      ['B', '1', '1'],
      ['C', '4', '0'],
    ]);

    // No NIK and no voting code anywhere in the audit log or the ballots.
    const dump = await t.ctx.database.bulk((tx) =>
      tx.query<{ text: string }>(
        `select coalesce(string_agg(a::text, ' '), '') as text from (
           select row_to_json(audit_log)::text as a from audit_log
           union all select row_to_json(pb_ballots)::text from pb_ballots
           union all select row_to_json(pb_voters)::text from pb_voters) x`,
      ),
    );
    expect(dump[0]!.text).not.toContain('350501010190000');
    for (const c of codes) expect(dump[0]!.text).not.toContain(c);
  });

  it('imports a Pabulib file and counts it by the rule its META names, as the CLI does', async () => {
    const text = [
      'META',
      'key;value',
      'description;Uji impor',
      'num_projects;3',
      'num_votes;4',
      'budget;100',
      'vote_type;approval',
      'rule;equalshares/add1',
      'country;Poland',
      'currency;PLN',
      'PROJECTS',
      'project_id;cost;name',
      'A;60;Jalan',
      'B;40;Sumur',
      'C;30;Lampu',
      'VOTES',
      'voter_id;vote',
      '1;A,C',
      '2;A,C',
      '3;A,C',
      '4;B,C',
    ].join('\n');
    const res = await call(t.app, perencana, {
      method: 'POST',
      url: `/api/pb/imports?planYear=${year}`,
      payload: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ projects: 3, ballots: 4 });
    const counted = await count(res.json().id);
    expect(counted.result.outcome.selected).toEqual(['C', 'A']);
    expect(counted.result.outcome.endowment).toBe('47');
    // Its amounts are zloty, said so and never called rupiah, here, in the list and in its export.
    expect(counted.currency).toBe('PLN');
    expect(counted.explanation[0]).toContain('Anggaran 100 PLN dibagi sama rata kepada 4 pemilih');
    expect(counted.explanation[0]).toContain('bagian 47 PLN per pemilih');
    expect(counted.explanation.join(' ')).not.toContain('Rp');
    const listed = (await call(t.app, perencana, { method: 'GET', url: '/api/pb/elections' })).json();
    expect(listed.items.find((e: { id: string }) => e.id === counted.id)).toMatchObject({
      currency: 'PLN',
      ballots: 4,
      byChannel: { import: 4 },
      registered: 0,
    });
    const exported = parsePb(
      (await call(t.app, null, { method: 'GET', url: `/api/pb/elections/${counted.id}/export.pb` })).body,
    );
    expect(exported.meta).toMatchObject({ currency: 'PLN', country: 'Poland', description: 'Uji impor' });

    const broken = await call(t.app, perencana, {
      method: 'POST',
      url: `/api/pb/imports?planYear=${year}`,
      payload: text.replace('4;B,C', '4;B,Z'),
      headers: { 'content-type': 'text/plain' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().issues[0].message).toContain('baris 21: suara menyebut proyek Z yang tidak ada');
  });

  it('imports a .pb with 300,000 ballots instead of failing (issue 17: Math.max over every ballot)', async () => {
    const text = bigPbFile(300_000);
    const res = await call(t.app, perencana, {
      method: 'POST',
      url: `/api/pb/imports?planYear=${year}`,
      payload: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json()).toMatchObject({ projects: 3, ballots: 300_000 });
  });
});

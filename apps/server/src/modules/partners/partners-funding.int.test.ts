import { describe, expect, it } from 'vitest';
import { appWithAccounts } from '../../../test/harness.ts';

/**
 * A project's funding as lines with the partner who pays each CSR line (issue 21): two partners on
 * one project never collide, and each rupiah is traced from the partner to the project to what the
 * verified report says was spent.
 */
const h = appWithAccounts(['perencana', 'opd.dpupr']);
const M = 1_000_000;

describe('CSR lines of a project, traced to their partners', () => {
  it('takes two partners on one project and traces what each has spent', async () => {
    const partner = async (name: string) =>
      (await h.as('perencana', 'POST', '/api/partners', { name, kind: 'swasta' })).json().id as string;
    const [a, b] = [await partner('PT Tebu Manis (uji)'), await partner('PT Kopi Kelud (uji)')];
    const orgs = (await h.as('perencana', 'GET', '/api/organisations')).json().items as {
      id: string;
      code: string;
    }[];
    const year = new Date().getFullYear();
    const body = {
      name: 'Jalan usaha tani Gadungan (uji)',
      type: 'jalan',
      organisationId: orgs.find((o) => o.code === 'DPUPR')!.id,
      regionCode: '35.05.01.2001',
      contractValue: 300 * M,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      funding: [
        { source: 'apbd_kabupaten', amount: 100 * M },
        { source: 'csr', partnerId: a, amount: 120 * M },
        { source: 'csr', partnerId: b, amount: 80 * M },
      ],
      plan: [
        { month: `${year}-06`, physical: 50, financial: 150 * M },
        { month: `${year}-12`, physical: 100, financial: 300 * M },
      ],
    };
    // The same partner twice, a partner on a non-CSR line, or an unknown partner: refused by field.
    const twice = await h.as('opd.dpupr', 'POST', '/api/projects', {
      ...body,
      funding: [body.funding[0], body.funding[1], { ...body.funding[1] }],
    });
    expect(twice.json().issues[0]).toMatchObject({
      field: 'body.funding.2.source',
      issue: 'duplicate_source',
    });
    const wrong = await h.as('opd.dpupr', 'POST', '/api/projects', {
      ...body,
      funding: [{ ...body.funding[0], partnerId: a }, body.funding[1], body.funding[2]],
    });
    expect(wrong.json().issues[0]).toMatchObject({
      field: 'body.funding.0.partnerId',
      issue: 'partner_only_csr',
    });
    const unknown = await h.as('opd.dpupr', 'POST', '/api/projects', {
      ...body,
      funding: [
        body.funding[0],
        { ...body.funding[1], partnerId: '00000000-0000-4000-8000-00000000000a' },
        body.funding[2],
      ],
    });
    expect(unknown.json().issues[0]).toMatchObject({ field: 'body.funding.1.partnerId', issue: 'not_found' });

    const created = await h.as('opd.dpupr', 'POST', '/api/projects', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const detail = (await h.as(null, 'GET', `/api/projects/${id}`)).json();
    expect(detail.funding.map((f: { partnerName: string | null }) => f.partnerName)).toEqual([
      null,
      'PT Tebu Manis (uji)',
      'PT Kopi Kelud (uji)',
    ]);
    // Spending per line: the CSR lines by partner; a line the project lacks is refused.
    const today = new Date().toISOString().slice(0, 10);
    const stranger = await h.as('opd.dpupr', 'POST', `/api/projects/${id}/reports`, {
      reportDate: today,
      physical: 40,
      spending: { csr: 10 * M },
    });
    expect(stranger.json().issues[0]).toMatchObject({ field: 'body.spending.csr', issue: 'not_a_source' });
    const report = await h.as('opd.dpupr', 'POST', `/api/projects/${id}/reports`, {
      reportDate: today,
      physical: 40,
      spending: { apbd_kabupaten: 30 * M, [`csr:${a}`]: 60 * M, [`csr:${b}`]: 20 * M },
    });
    expect(report.statusCode, report.body).toBe(201);
    await h.as('opd.dpupr', 'POST', `/api/reports/${report.json().id}/verify`, { approve: true });
    const traced = (await h.as(null, 'GET', `/api/partners/${a}`)).json().projects;
    expect(traced).toEqual([
      {
        id,
        code: detail.code,
        name: body.name,
        amount: 120 * M,
        commitmentId: null,
        spent: 60 * M,
        physical: 40,
      },
    ]);
    expect((await h.as(null, 'GET', `/api/partners/${b}`)).json().projects[0].spent).toBe(20 * M);
    // The OC4IDS package names each partner as a funder of its line.
    const pkg = (await h.as(null, 'GET', '/api/oc4ids.json')).json();
    const project = pkg.projects.find((p: { title: string }) => p.title === body.name);
    expect(
      project.budget.budgetBreakdown.map((x: { sourceParty: { name: string } }) => x.sourceParty.name),
    ).toEqual([expect.stringContaining('APBD'), 'PT Tebu Manis (uji)', 'PT Kopi Kelud (uji)']);
  });

  it("keeps every project's lines on a commitment within what it commits, and shows what was drawn", async () => {
    const partner = async (name: string) =>
      (await h.as('perencana', 'POST', '/api/partners', { name, kind: 'bumn_bumd' })).json().id as string;
    const [a, other] = [await partner('PT Air Kelud (uji)'), await partner('PT Lain (uji)')];
    const year = new Date().getFullYear();
    const agreement = async (id: string) => {
      const r = await h.as('perencana', 'POST', `/api/partners/${id}/agreements`, {
        kind: 'pks',
        title: 'TJSL air bersih',
        startsOn: `${year}-01-01`,
        endsOn: `${year + 1}-12-31`,
        commitments: [
          { kind: 'uang', description: 'Dana TJSL', amount: 500 * M },
          { kind: 'barang', description: 'Pipa HDPE' },
        ],
      });
      expect(r.statusCode, r.body).toBe(201);
      const list = (await h.as(null, 'GET', `/api/partners/${id}`)).json().agreementList[0].commitments as {
        id: string;
        kind: string;
      }[];
      return ['uang', 'barang'].map((kind) => list.find((c) => c.kind === kind));
    };
    const [money, goods] = await agreement(a);
    const [othersMoney] = await agreement(other);
    const orgs = (await h.as('perencana', 'GET', '/api/organisations')).json().items as {
      id: string;
      code: string;
    }[];
    const project = (name: string, amount: number, commitmentId: string, partnerId: string | null = a) => ({
      name,
      type: 'jalan',
      organisationId: orgs.find((o) => o.code === 'DPUPR')!.id,
      regionCode: '35.05.01.2001',
      contractValue: amount,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      funding: [{ source: 'csr', amount, commitmentId, ...(partnerId ? { partnerId } : {}) }],
      plan: [{ month: `${year}-12`, physical: 100, financial: amount }],
    });
    const first = await h.as(
      'opd.dpupr',
      'POST',
      '/api/projects',
      project('Sumur bor A (uji)', 300 * M, money!.id),
    );
    expect(first.statusCode, first.body).toBe(201);
    const over = await h.as(
      'opd.dpupr',
      'POST',
      '/api/projects',
      project('Sumur bor B (uji)', 250 * M, money!.id),
    );
    expect(over.statusCode, over.body).toBe(400);
    expect(over.json().issues[0]).toMatchObject({
      field: 'body.funding.0.amount',
      issue: 'commitment_exceeded',
    });
    expect(over.json().detail).toMatch(/Rp200\.000\.000/);
    const cases: [string, string | null, string, string][] = [
      [goods!.id, a, 'body.funding.0.commitmentId', 'commitment_not_money'],
      [othersMoney!.id, a, 'body.funding.0.commitmentId', 'commitment_other_partner'],
      [money!.id, null, 'body.funding.0.partnerId', 'required'],
    ];
    for (const [commitment, partnerId, field, issue] of cases) {
      const r = await h.as(
        'opd.dpupr',
        'POST',
        '/api/projects',
        project('Sumur (uji)', 10 * M, commitment, partnerId),
      );
      expect(r.statusCode, `${issue}: ${r.body}`).toBe(400);
      expect(r.json().issues[0], issue).toMatchObject({ field, issue });
    }
    const detail = (await h.as(null, 'GET', `/api/partners/${a}`)).json();
    const line = detail.agreementList[0].commitments.find((c: { id: string }) => c.id === money!.id);
    expect(line).toMatchObject({ drawn: 300 * M, spent: 0 });
    expect(detail.projects[0]).toMatchObject({ commitmentId: money!.id, amount: 300 * M });
  });
});

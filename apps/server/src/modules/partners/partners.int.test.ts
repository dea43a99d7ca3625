import { describe, expect, it } from 'vitest';
import { appWithAccounts } from '../../../test/harness.ts';

/** Partners, their agreements and commitments, and the CSR catalogue (issue 21). */
const h = appWithAccounts(['perencana', 'opd.dpupr']);
const year = new Date().getFullYear();

describe('development partners', () => {
  it('registers a partner and its agreement, and counts the money committed in force', async () => {
    const created = await h.as('perencana', 'POST', '/api/partners', {
      name: 'PT Semen Kelud (uji)',
      kind: 'swasta',
      sector: 'industri semen',
      website: 'https://semenkelud.example',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(
      (await h.as('opd.dpupr', 'POST', '/api/partners', { name: 'Liar', kind: 'swasta' })).statusCode,
    ).toBe(403);
    const mou = {
      kind: 'pks',
      number: '050/123/409.108/2026',
      title: 'TJSL air bersih desa',
      scope: 'Sumur bor dan jaringan pipa di desa rawan air',
      startsOn: `${year}-01-01`,
      endsOn: `${year + 1}-12-31`,
      commitments: [
        { kind: 'uang', description: 'Dana TJSL air bersih', amount: 750_000_000 },
        { kind: 'keahlian', description: 'Tenaga ahli hidrogeologi' },
      ],
    };
    expect((await h.as('perencana', 'POST', `/api/partners/${id}/agreements`, mou)).statusCode).toBe(201);
    // Money without an amount, or a term that ends before it starts, is refused by field.
    const noAmount = await h.as('perencana', 'POST', `/api/partners/${id}/agreements`, {
      ...mou,
      commitments: [{ kind: 'uang', description: 'Dana tanpa jumlah' }],
    });
    expect(noAmount.json().issues[0]).toMatchObject({
      field: 'body.commitments.0.amount',
      issue: 'required',
    });
    const reversed = await h.as('perencana', 'POST', `/api/partners/${id}/agreements`, {
      ...mou,
      endsOn: `${year - 1}-01-01`,
    });
    expect(reversed.json().issues[0]).toMatchObject({ field: 'body.endsOn' });
    // An agreement that has ended does not count.
    await h.as('perencana', 'POST', `/api/partners/${id}/agreements`, {
      ...mou,
      title: 'Bantuan lama',
      startsOn: `${year - 3}-01-01`,
      endsOn: `${year - 2}-12-31`,
      commitments: [{ kind: 'uang', description: 'Lama', amount: 100_000_000 }],
    });
    const detail = (await h.as(null, 'GET', `/api/partners/${id}`)).json();
    expect(detail).toMatchObject({ agreements: 2, moneyInForce: 750_000_000 });
    expect(detail.agreementList.map((a: { inForce: boolean }) => a.inForce)).toEqual([false, true]);
    const list = (await h.as(null, 'GET', '/api/partners')).json().items;
    expect(list.find((p: { id: string }) => p.id === id).moneyInForce).toBe(750_000_000);
  });

  it('lists what a partner can take up: proposals the budget could not take, and village steps given to CSR', async () => {
    const { proposals, villageSteps } = (await h.as(null, 'GET', '/api/partners/opportunities')).json();
    for (const p of proposals) expect(['tolak', 'tunda']).toContain(p.decision);
    // The real IDM of Blitar: the CSR steps of its desa below the top score, lowest first.
    expect(villageSteps.length).toBeGreaterThan(0);
    expect(villageSteps[0].score).toBeLessThanOrEqual(villageSteps.at(-1).score);
    for (const s of villageSteps) expect(s.score).toBeLessThan(5);
    expect(JSON.stringify(proposals)).not.toMatch(/proposer|contact/i);
  });

  it("records a research partner's study and the plan targets it informs", async () => {
    const uni = (
      await h.as('perencana', 'POST', '/api/partners', {
        name: 'Universitas Brawijaya (uji)',
        kind: 'perguruan_tinggi',
      })
    ).json().id;
    const rpjmd = (await h.as(null, 'GET', '/api/plans'))
      .json()
      .items.find((p: { kind: string }) => p.kind === 'RPJMD');
    const target = (await h.as(null, 'GET', `/api/plans/${rpjmd.id}`))
      .json()
      .nodes.find((n: { kind: string }) => n.kind === 'sasaran');
    const study = {
      title: 'Kajian rantai nilai gula kelapa Blitar',
      year: new Date().getFullYear(),
      status: 'berjalan',
      url: 'https://repository.example.ac.id/kajian-gula-kelapa',
      planNodeIds: [target.id],
    };
    const bad = await h.as('perencana', 'POST', `/api/partners/${uni}/studies`, {
      ...study,
      planNodeIds: [target.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.json().issues[0]).toMatchObject({ field: 'body.planNodeIds.1', issue: 'invalid_reference' });
    expect((await h.as('opd.dpupr', 'POST', `/api/partners/${uni}/studies`, study)).statusCode).toBe(403);
    expect((await h.as('perencana', 'POST', `/api/partners/${uni}/studies`, study)).statusCode).toBe(201);
    const detail = (await h.as(null, 'GET', `/api/partners/${uni}`)).json();
    expect(detail.studies[0]).toMatchObject({
      title: study.title,
      status: 'berjalan',
      informs: [{ id: target.id, title: target.title, planId: rpjmd.id, planName: rpjmd.name }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { appWithAccounts } from '../../../test/harness.ts';

/** The industrial development plan (RPIK; UU 3/2014, PP 14/2015) in the planning engine (issue 21). */
const h = appWithAccounts(['perencana']);
const make = async (url: string, body: unknown) => {
  const r = await h.as('perencana', 'POST', url, body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};

describe('the RPIK', () => {
  it('is a kabupaten plan whose items serve the RPJMD, never the other way round', async () => {
    const plans = (await h.as(null, 'GET', '/api/plans')).json().items as {
      id: string;
      name: string;
      kind: string;
    }[];
    const rpjmd = plans.find((p) => p.kind === 'RPJMD')!;
    const target = (await h.as(null, 'GET', `/api/plans/${rpjmd.id}`))
      .json()
      .nodes.find((n: { kind: string }) => n.kind === 'sasaran');
    const rpik = await make('/api/plans', {
      kind: 'RPIK',
      level: 'kabupaten',
      name: 'RPIK Kabupaten Blitar 2025–2035 (uji)',
      startYear: 2025,
      endYear: 2035,
    });
    const goal = await make(`/api/plans/${rpik}/nodes`, {
      kind: 'sasaran',
      title: 'IKM tumbuh dengan industri hijau',
    });
    const linked = await h.as('perencana', 'PUT', `/api/plan-nodes/${goal}/links`, { supports: [target.id] });
    expect(linked.statusCode, linked.body).toBe(200);
    const offered = (await h.as(null, 'GET', `/api/plans/${rpjmd.id}/link-targets`)).json().items as {
      plan: string;
    }[];
    expect(offered.map((x) => x.plan)).not.toContain('RPIK Kabupaten Blitar 2025–2035 (uji)');
  });
});

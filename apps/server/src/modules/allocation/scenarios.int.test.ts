import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { systemPrincipal } from '../../context.ts';
import { columnKey } from '../../reports/xlsx.ts';
import { claimJob } from '../jobs/jobs.repository.ts';
import { runClaimedJob } from '../jobs/jobs.service.ts';
import { allocationModule } from './allocation.module.ts';

let t: TestApp;
let perencana: Session;
let dprd: Session;
beforeAll(async () => {
  t = await createTestApp();
  perencana = await login(t.app, 'perencana');
  dprd = await login(t.app, 'dprd');
});
afterAll(() => t.close());

const year = new Date().getFullYear() + 1;
const as = (s: Session, method: string, url: string, payload?: unknown) =>
  call(t.app, s, { method: method as 'GET', url, ...(payload !== undefined ? { payload } : {}) });
const body = (patch: Record<string, unknown> = {}) => ({
  name: 'Skenario uji',
  planYear: year,
  budget: 600_000_000,
  criteria: [
    { code: 'penerima_manfaat', weight: 3 },
    { code: 'biaya_per_penerima', weight: 2 },
    { code: 'kebutuhan_desa', weight: 1 },
  ],
  ...patch,
});
async function solve(id: string) {
  const res = await as(perencana, 'POST', `/api/scenarios/${id}/solve`);
  expect(res.statusCode).toBe(202);
  const claimed = await claimJob(t.ctx.database.db, 'test', res.json().jobId);
  const done = await runClaimedJob(t.ctx, claimed!, allocationModule.jobs!, systemPrincipal);
  expect(done.status, JSON.stringify(done)).toBe('succeeded');
  return (await as(perencana, 'GET', `/api/scenarios/${id}`)).json();
}

describe('budget scenarios', () => {
  it('refuses an inconsistent AHP matrix and rules naming proposals that are not candidates', async () => {
    const ahp = await as(perencana, 'POST', '/api/scenarios', {
      ...body(),
      ahp: [
        [1, 9, 1 / 9],
        [1 / 9, 1, 9],
        [9, 1 / 9, 1],
      ],
    });
    expect(ahp.statusCode).toBe(400);
    expect(ahp.json().issues[0]).toMatchObject({ field: 'body.ahp', issue: 'ahp_inconsistent' });
    const unknown = await as(
      perencana,
      'POST',
      '/api/scenarios',
      body({ rules: { mustFund: ['USL-XXXX-XXXX'] } }),
    );
    expect(unknown.json().issues[0]).toMatchObject({
      field: 'body.rules.mustFund.0',
      issue: 'not_a_candidate',
    });
    expect((await as(dprd, 'POST', '/api/scenarios', body())).statusCode).toBe(403);
  });

  it('solves: the optimum keeps the budget, scores at least the greedy list, and explains who is out and why', async () => {
    const { id } = (await as(perencana, 'POST', '/api/scenarios', body())).json();
    const s = await solve(id);
    expect(s.result.status).toBe('optimal');
    expect(s.candidates.length).toBeGreaterThanOrEqual(7);
    expect(s.result.cost).toBeLessThanOrEqual(600_000_000);
    expect(s.result.objective).toBeGreaterThanOrEqual(s.result.greedy.objective - 1e-9);
    const chosen = s.candidates.filter((c: { inOptimum: boolean }) => c.inOptimum);
    expect(chosen.reduce((a: number, c: { cost: number }) => a + c.cost, 0)).toBe(s.result.cost);
    expect(
      Object.values(s.result.spending.optimum.kecamatan).reduce((a: number, b) => a + (b as number), 0),
    ).toBe(s.result.cost);
    const out = s.candidates.find((c: { inOptimum: boolean }) => !c.inOptimum);
    const why = (await as(dprd, 'GET', `/api/scenarios/${id}/explain/${out.id}`)).json();
    expect(why.selected).toBe(false);
    expect(why.binding).toEqual([{ kind: 'budget' }]);
    expect(why.scoreLoss).toBeGreaterThanOrEqual(0);
    if (why.maxCost !== null) expect(why.maxCost).toBeLessThan(out.cost);
    const inn = (await as(dprd, 'GET', `/api/scenarios/${id}/explain/${chosen[0].id}`)).json();
    expect(inn.selected).toBe(true);
  });

  it('reports conflicting rules of an infeasible scenario as an answer, and the least relaxation', async () => {
    const list = (await as(perencana, 'GET', `/api/proposals?year=${year}&stage=kabupaten&limit=500`)).json()
      .items;
    const codes = list.map((p: { trackingCode: string }) => p.trackingCode);
    const { id } = (
      await as(
        perencana,
        'POST',
        '/api/scenarios',
        body({ name: 'Terlalu banyak wajib', budget: 50_000_000, rules: { mustFund: codes.slice(0, 3) } }),
      )
    ).json();
    const s = await solve(id);
    expect(s.result.status).toBe('infeasible');
    expect(s.result.conflicts).toContainEqual({ kind: 'budget' });
    expect(s.result.relaxation.length).toBeGreaterThan(0);
  });

  it("scores by the forum's own assessment (urgency 0-5) and refuses assessments of non-candidates", async () => {
    const list = (await as(perencana, 'GET', `/api/proposals?year=${year}&stage=kabupaten&limit=500`)).json()
      .items as { trackingCode: string; estimatedCost: number }[];
    const cheapest = [...list].sort((x, y) => x.estimatedCost - y.estimatedCost);
    // Only urgency counts; the forum rates the second cheapest 5 and the cheapest 1.
    const urgent = cheapest[1]!;
    const bad = await as(
      perencana,
      'POST',
      '/api/scenarios',
      body({ criteria: [{ code: 'urgensi', weight: 1 }], assessments: { urgensi: { 'USL-XXXX-XXXX': 3 } } }),
    );
    expect(bad.json().issues[0]).toMatchObject({
      field: 'body.assessments.urgensi.USL-XXXX-XXXX',
      issue: 'not_a_candidate',
    });
    const { id } = (
      await as(
        perencana,
        'POST',
        '/api/scenarios',
        body({
          name: 'Urgensi',
          budget: urgent.estimatedCost,
          criteria: [{ code: 'urgensi', weight: 1 }],
          assessments: { urgensi: { [urgent.trackingCode]: 5, [cheapest[0]!.trackingCode]: 1 } },
        }),
      )
    ).json();
    const s = await solve(id);
    const chosen = s.candidates.filter((c: { inOptimum: boolean }) => c.inOptimum);
    expect(chosen.map((c: { trackingCode: string }) => c.trackingCode)).toContain(urgent.trackingCode);
    expect(s.assessments.urgensi[urgent.trackingCode]).toBe(5);
  });

  it('spreads multi-year work over the years and keeps each year under its ceiling', async () => {
    const list = (await as(perencana, 'GET', `/api/proposals?year=${year}&stage=kabupaten&limit=500`)).json()
      .items as { trackingCode: string; estimatedCost: number }[];
    const [a, b] = [...list].sort((x, y) => y.estimatedCost - x.estimatedCost);
    const half = (c: number) => ({ [year]: Math.floor(c / 2), [year + 1]: c - Math.floor(c / 2) });
    // The profile must add up to the proposal's cost; the error names the proposal and its cost.
    const wrong = await as(
      perencana,
      'POST',
      '/api/scenarios',
      body({ rules: { costProfiles: { [a!.trackingCode]: { [year]: 1 } } } }),
    );
    expect(wrong.json().issues[0]).toMatchObject({
      field: `body.rules.costProfiles.${a!.trackingCode}`,
      issue: 'profile_sum',
    });
    expect(wrong.json().issues[0].message).toContain('Rp');
    // Two big items spread over two years; next year's ceiling fits only one of their second halves.
    const ceiling = Math.max(half(a!.estimatedCost)[year + 1]!, half(b!.estimatedCost)[year + 1]!);
    const { id } = (
      await as(
        perencana,
        'POST',
        '/api/scenarios',
        body({
          name: 'Tahun jamak',
          budget: 10_000_000_000,
          rules: {
            costProfiles: {
              [a!.trackingCode]: half(a!.estimatedCost),
              [b!.trackingCode]: half(b!.estimatedCost),
            },
            yearCeilings: { [String(year + 1)]: ceiling },
            mustFund: [a!.trackingCode],
          },
        }),
      )
    ).json();
    const s = await solve(id);
    expect(s.result.status).toBe('optimal');
    const chosen = new Set(
      s.candidates
        .filter((c: { inOptimum: boolean }) => c.inOptimum)
        .map((c: { trackingCode: string }) => c.trackingCode),
    );
    expect(chosen.has(a!.trackingCode)).toBe(true);
    expect(chosen.has(b!.trackingCode)).toBe(false);
  });

  it('copies, compares and adopts: the chosen proposals move to the budget step with the scenario as the reason', async () => {
    const { id } = (await as(perencana, 'POST', '/api/scenarios', body({ name: 'Untuk diadopsi' }))).json();
    const copy = (await as(perencana, 'POST', `/api/scenarios/${id}/copy`)).json();
    await as(
      perencana,
      'PUT',
      `/api/scenarios/${copy.id}`,
      body({ name: 'Anggaran lebih besar', budget: 900_000_000 }),
    );
    const s = await solve(id);
    await solve(copy.id);
    const cmp = (await as(dprd, 'GET', `/api/scenarios/compare?ids=${id},${copy.id}`)).json();
    expect(cmp.items.map((x: { name: string }) => x.name)).toEqual([
      'Untuk diadopsi',
      'Anggaran lebih besar',
    ]);
    expect(cmp.items[1].result.objective).toBeGreaterThanOrEqual(cmp.items[0].result.objective);
    const adopted = await as(perencana, 'POST', `/api/scenarios/${id}/adopt`, {});
    expect(adopted.statusCode, adopted.body).toBe(200);
    const chosen = s.candidates.filter((c: { inOptimum: boolean }) => c.inOptimum);
    expect(adopted.json().funded).toBe(chosen.length);
    const p = (await as(perencana, 'GET', `/api/proposals/${chosen[0].id}`)).json();
    expect(p.stage).toBe('apbd');
    expect(p.events.at(-1)).toMatchObject({
      kind: 'teruskan',
      note: 'Skenario anggaran: Untuk diadopsi',
      actor: 'Bappeda',
    });
    expect((await as(perencana, 'POST', `/api/scenarios/${id}/adopt`, {})).statusCode).toBe(409);
  });

  it('explains every candidate as a job and exports the scenario with each decision and its reason', async () => {
    const { id } = (await as(perencana, 'POST', '/api/scenarios', body({ name: 'Untuk laporan' }))).json();
    await solve(id);
    const res = await as(perencana, 'POST', `/api/scenarios/${id}/explain`);
    expect(res.statusCode).toBe(202);
    const claimed = await claimJob(t.ctx.database.db, 'test', res.json().jobId);
    const done = await runClaimedJob(t.ctx, claimed!, allocationModule.jobs!, systemPrincipal);
    expect(done.status).toBe('succeeded');
    const xlsx = await as(dprd, 'GET', `/api/scenarios/${id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Usulan', 'Belanja']);
    const rows: string[][] = [];
    wb.getWorksheet('Usulan')!.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
    );
    // The title lines, then the table (blank rows are not visited).
    const [, , titles, ...rest] = rows;
    // The last row sums the costs.
    expect(rest.at(-1)?.[0]).toBe('Jumlah');
    const body_ = rest.slice(0, -1);
    const header = titles!.map(columnKey);
    const reason = header.indexOf('alasan');
    const chosen = header.indexOf('optimal');
    // An earlier test adopted a scenario, so only the proposals it left are still candidates.
    expect(body_.length).toBeGreaterThan(0);
    for (const r of body_) {
      expect(r[reason]).not.toBe('');
      expect(r[reason]!.startsWith('terpilih')).toBe(r[chosen] === 'ya');
    }
  });
});

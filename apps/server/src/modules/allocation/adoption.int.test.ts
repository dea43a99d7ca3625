import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { systemPrincipal } from '../../context.ts';
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
const scenario = async (name: string, budget: number) => {
  const res = await as(perencana, 'POST', '/api/scenarios', {
    name,
    planYear: year,
    budget,
    criteria: [
      { code: 'penerima_manfaat', weight: 3 },
      { code: 'kebutuhan_desa', weight: 1 },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const solving = await as(perencana, 'POST', `/api/scenarios/${id}/solve`);
  const claimed = await claimJob(t.ctx.database.db, 'test', solving.json().jobId);
  await runClaimedJob(t.ctx, claimed!, allocationModule.jobs!, systemPrincipal);
  return (await as(perencana, 'GET', `/api/scenarios/${id}`)).json();
};
type Candidate = { id: string; cost: number; inOptimum: boolean; trackingCode: string };
const chosen = (s: { candidates: Candidate[] }) => s.candidates.filter((c) => c.inOptimum);

describe('adopting budget scenarios (issue 16)', () => {
  it('keeps one adopted scenario a year: replacing it needs a reason, returns its proposals, and stays readable', async () => {
    const first = await scenario('Skenario pertama', 900_000_000);
    const second = await scenario('Skenario kedua', 300_000_000);
    expect(chosen(first).length).toBeGreaterThan(0);
    expect((await as(perencana, 'POST', `/api/scenarios/${first.id}/adopt`, {})).statusCode).toBe(200);

    // The adopted portfolio stays readable: every candidate with its decision, not "0 calon".
    const adopted = (await as(dprd, 'GET', `/api/scenarios/${first.id}`)).json();
    expect(adopted.state).toBe('diadopsi');
    expect(adopted.candidates).toHaveLength(first.candidates.length);
    expect(chosen(adopted).map((c) => c.id)).toEqual(chosen(first).map((c) => c.id));
    expect(adopted.adoption).toMatchObject({ budget: 900_000_000, adoptedBy: expect.any(String) });
    const xlsx = await as(dprd, 'GET', `/api/scenarios/${first.id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    let rows = 0;
    wb.getWorksheet('Usulan')!.eachRow(() => {
      rows++;
    });
    // Three title lines, the header, a row per candidate, and the sum.
    expect(rows).toBe(first.candidates.length + 4);

    // The second scenario of the year, without a reason: refused, naming the adopted one.
    const bare = await as(perencana, 'POST', `/api/scenarios/${second.id}/adopt`, {});
    expect(bare.statusCode, bare.body).toBe(400);
    expect(bare.json().issues).toContainEqual(
      expect.objectContaining({ field: 'body.supersedeReason', issue: 'supersede_reason' }),
    );
    expect(bare.json().detail).toContain('Skenario pertama');

    // With a reason: the first is replaced and its proposals are back at the RKPD step.
    const reason = 'Pagu bertambah setelah KUA-PPAS disepakati';
    const replaced = await as(perencana, 'POST', `/api/scenarios/${second.id}/adopt`, {
      supersedeReason: reason,
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const old = (await as(dprd, 'GET', `/api/scenarios/${first.id}`)).json();
    expect(old.state).toBe('digantikan');
    expect(old.adoption).toMatchObject({ supersedeReason: reason, supersededByScenario: 'Skenario kedua' });
    expect(old.candidates).toHaveLength(first.candidates.length);
    const list = (await as(perencana, 'GET', '/api/scenarios')).json().items as {
      state: string;
      planYear: number;
    }[];
    expect(list.filter((s) => s.planYear === year && s.state === 'diadopsi')).toHaveLength(1);
    const onlyFirst = chosen(first).find((c) => !chosen(second).some((d) => d.id === c.id));
    // Every proposal the second scenario chose is at the budget step, including those both chose.
    for (const c of chosen(second))
      expect((await as(perencana, 'GET', `/api/proposals/${c.id}`)).json().stage).toBe('apbd');
    // The smaller budget cannot keep all of the first selection: some proposal went back.
    expect(onlyFirst).toBeDefined();
    const p = (await as(perencana, 'GET', `/api/proposals/${onlyFirst!.id}`)).json();
    expect(p.stage).toBe('rkpd');
    expect(p.events.at(-1)).toMatchObject({ kind: 'dikembalikan' });
    expect(p.events.at(-1).note).toContain(reason);
    // What reached the budget step is within the adopted budget.
    const funded = (await as(perencana, 'GET', `/api/proposals?year=${year}&limit=500`)).json();
    const atBudget = (funded.items as { stage: string; estimatedCost: number; state: string }[]).filter(
      (p) => p.state === 'aktif' && p.stage === 'apbd',
    );
    expect(atBudget.reduce((a, p) => a + p.estimatedCost, 0)).toBeLessThanOrEqual(300_000_000);
  });

  it('refuses by hand a proposal beyond the adopted budget, and to implementation without its project', async () => {
    const s = (await as(perencana, 'GET', '/api/scenarios'))
      .json()
      .items.find((x: { state: string; planYear: number }) => x.state === 'diadopsi' && x.planYear === year);
    expect(s).toBeTruthy();
    const rows = (await as(perencana, 'GET', `/api/proposals?year=${year}&limit=500`)).json().items as {
      id: string;
      stage: string;
      state: string;
      estimatedCost: number;
    }[];
    const waiting = rows.filter((p) => p.state === 'aktif' && p.stage === 'rkpd');
    const funded = rows.filter((p) => p.state === 'aktif' && p.stage === 'apbd');
    const room = 300_000_000 - funded.reduce((a, p) => a + p.estimatedCost, 0);
    // Forwarding the waiting proposals one by one: they fit until the budget is used, then are refused.
    expect(waiting.reduce((a, p) => a + p.estimatedCost, 0)).toBeGreaterThan(room);
    let refused = 0;
    for (const p of waiting) {
      const res = await as(perencana, 'POST', `/api/proposals/${p.id}/decisions`, { kind: 'teruskan' });
      if (res.statusCode === 400) {
        expect(res.json().issues[0]).toMatchObject({ issue: 'over_budget' });
        refused++;
      } else expect(res.statusCode, res.body).toBe(200);
    }
    expect(refused).toBeGreaterThan(0);
    const after = (await as(perencana, 'GET', `/api/proposals?year=${year}&limit=500`)).json()
      .items as typeof rows;
    const atBudget = after.filter((p) => p.state === 'aktif' && p.stage === 'apbd');
    expect(atBudget.reduce((a, p) => a + p.estimatedCost, 0)).toBeLessThanOrEqual(300_000_000);
    const toImplement = await as(perencana, 'POST', `/api/proposals/${funded[0]!.id}/decisions`, {
      kind: 'teruskan',
    });
    expect(toImplement.statusCode).toBe(400);
    expect(toImplement.json().issues[0]).toMatchObject({ issue: 'needs_project' });
    expect(toImplement.json().detail).toContain('proyek');
  });

  it('two scenarios of one year adopted at the same moment: one is adopted', async () => {
    const a = await scenario('Serentak A', 900_000_000);
    const b = await scenario('Serentak B', 900_000_000);
    const reason = { supersedeReason: 'Uji dua adopsi serentak' };
    const answers = await Promise.all([
      as(perencana, 'POST', `/api/scenarios/${a.id}/adopt`, reason),
      as(perencana, 'POST', `/api/scenarios/${b.id}/adopt`, reason),
    ]);
    const statuses = answers.map((x) => x.statusCode);
    expect(
      statuses.every((s) => s === 200 || s === 409 || s === 400),
      statuses.join(','),
    ).toBe(true);
    const list = (await as(perencana, 'GET', '/api/scenarios')).json().items as {
      state: string;
      planYear: number;
    }[];
    expect(list.filter((s) => s.planYear === year && s.state === 'diadopsi')).toHaveLength(1);
  });
});

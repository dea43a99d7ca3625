import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { applyDecision, type ProposalOnPath, type Stage, stages } from '../musrenbang/path.ts';
import { cycleMachine } from '../programs/cycles.ts';
import { entryMachine } from '../village-index/sign-off.ts';
import { adoptionMachine } from './adoption.ts';
import { type ForumFacts, forumMachine } from './forum.ts';
import { type Machine, stepNeeds, takeStep } from './machine.ts';
import { planItemMachine } from './plan-item.ts';
import { backwardsFindings, officialReport, type ReportFigures, reportMachine } from './reporting.ts';

const attempt = <T>(f: () => T): T | AppError => {
  try {
    return f();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
};

const proposal = (stage: Stage, cost = 0): ProposalOnPath & { cost: number } => ({
  id: 'p',
  track: 'musrenbang',
  stage,
  state: 'aktif',
  planYear: 2027,
  regionCode: '35.05.01.2001',
  organisationId: null,
  cost,
});

describe('the Musrenbang path', () => {
  it('records a decision once: copies of one decision taken together move the proposal one step', () => {
    // Offices read the proposal, then decide; a store writes only when the proposal is still as read.
    fc.assert(
      fc.property(
        fc.constantFrom(...stages.slice(0, -2)),
        fc.array(fc.nat(9), { minLength: 1, maxLength: 10 }),
        (start, readers) => {
          let current = proposal(start);
          const events: string[] = [];
          const reads = readers.map(() => ({ ...current }));
          for (const read of reads) {
            const t = attempt(() => applyDecision(read, { kind: 'teruskan' }, { project: 'X' }));
            if (t instanceof AppError) continue;
            const same = read.stage === current.stage && read.state === current.state;
            if (!same) continue;
            current = { ...current, stage: t.toStage, state: t.state };
            events.push(`${t.fromStage}>${t.toStage}`);
          }
          expect(events.length).toBe(1);
        },
      ),
    );
  });

  it('never lets the sum at the budget step pass the adopted budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 500_000_000 }), { maxLength: 20 }),
        (limit, costs) => {
          let funded = 0;
          for (const cost of costs) {
            const t = attempt(() =>
              applyDecision(
                proposal('rkpd', cost),
                { kind: 'teruskan' },
                { budget: { limit, funded, cost } },
              ),
            );
            if (!(t instanceof AppError) && t.toStage === 'apbd') funded += cost;
          }
          expect(funded).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });

  it('lets a proposal reach implementation only with its project', () => {
    fc.assert(
      fc.property(fc.constantFrom(...stages), fc.option(fc.string({ minLength: 1 })), (stage, project) => {
        const t = attempt(() => applyDecision(proposal(stage), { kind: 'teruskan' }, { project }));
        if (!(t instanceof AppError) && t.toStage === 'pelaksanaan' && t.fromStage !== 'pelaksanaan')
          expect(project).toBeTruthy();
        if (stage === 'apbd' && !project) expect(t).toMatchObject({ code: 'VALIDATION' });
      }),
    );
  });
});

const forumFacts = fc.record({
  participants: fc.nat(60),
  quorum: fc.option(fc.integer({ min: 1, max: 60 })),
  items: fc.array(fc.record({ code: fc.constant('U-1'), scored: fc.boolean(), decided: fc.boolean() }), {
    maxLength: 8,
  }),
  reason: fc.option(fc.string()),
}) as fc.Arbitrary<ForumFacts>;

describe('a forum', () => {
  it('closes only with attendance at quorum and every item scored and decided', () => {
    fc.assert(
      fc.property(forumFacts, (f) => {
        const to = attempt(() => takeStep(forumMachine, 'draf', 'tutup', f));
        if (to instanceof AppError) return;
        expect(f.participants).toBeGreaterThan(0);
        expect(f.participants).toBeGreaterThanOrEqual(f.quorum ?? 1);
        expect(f.items.every((i) => i.scored && i.decided)).toBe(true);
      }),
    );
  });
  it('names every unmet need at once', () => {
    const f: ForumFacts = {
      participants: 0,
      quorum: 10,
      items: [
        { code: 'A', scored: false, decided: true },
        { code: 'B', scored: true, decided: false },
      ],
    };
    expect(stepNeeds(forumMachine, 'draf', 'tutup', f)).toEqual({
      allowed: true,
      needs: [
        { field: 'forum.participants', issue: 'attendance_missing' },
        { field: 'agenda.0', issue: 'not_scored', params: { code: 'A' } },
        { field: 'agenda.1', issue: 'decision_missing', params: { code: 'B' } },
      ],
    });
  });
});

describe('progress reports', () => {
  const report = fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    physical: fc.integer({ min: 0, max: 100 }),
    apbd: fc.integer({ min: 0, max: 1_000_000 }),
    verdict: fc.constantFrom('verifikasi', 'kembalikan', 'tunggu'),
  });
  it('changes the official figure only with a newly verified report', () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 15 }), (steps) => {
        const reports: ReportFigures[] = [];
        let official = officialReport(reports, '2026-12-31');
        for (const s of steps) {
          const date = `2026-06-${String(s.day).padStart(2, '0')}`;
          if (reports.some((r) => r.reportDate === date)) continue;
          const figures = { reportDate: date, physical: s.physical, spending: { apbd: s.apbd } };
          if (backwardsFindings(figures, reports, null).length) continue;
          reports.push({ ...figures, state: 'dilaporkan' });
          expect(officialReport(reports, '2026-12-31')).toBe(official);
          if (s.verdict === 'tunggu') continue;
          const r = reports.at(-1)!;
          r.state = takeStep(reportMachine, 'dilaporkan', s.verdict, { reason: 'foto tidak sesuai' });
          const now = officialReport(reports, '2026-12-31');
          if (now !== official) expect(now).toBe(r);
          official = now;
        }
      }),
    );
  });
  it('refuses a report going backwards unless it is a correction with a reason', () => {
    const earlier: ReportFigures[] = [
      { reportDate: '2026-05-01', physical: 40, spending: { apbd: 480_225_000 }, state: 'dilaporkan' },
    ];
    const next = { reportDate: '2026-06-01', physical: 45, spending: { apbd: 1_000 } };
    expect(backwardsFindings(next, earlier, null)).toEqual([
      {
        field: 'body.spending.apbd',
        issue: 'spending_backwards',
        params: { value: 'Rp480.225.000', date: '2026-05-01' },
      },
    ]);
    expect(backwardsFindings(next, earlier, { reason: '' })).toEqual([
      { field: 'body.correctionReason', issue: 'reason_required' },
    ]);
    expect(backwardsFindings(next, earlier, { reason: 'salah ketik laporan Mei' })).toEqual([]);
    expect(backwardsFindings(next, [{ ...earlier[0]!, state: 'ditolak' }], null)).toEqual([]);
  });
});

const machines = [
  forumMachine,
  adoptionMachine,
  entryMachine,
  cycleMachine,
  reportMachine,
  planItemMachine,
] as Machine<string, string, Record<string, unknown>>[];

describe('every workflow', () => {
  it('moves a status back only as a step that records a reason', () => {
    for (const m of machines)
      for (const [action, rule] of Object.entries(m.steps)) {
        const rank = (s: string) => m.states.indexOf(s);
        const back = rule.from.some((f) => rank(rule.to) < rank(f));
        if (!back) continue;
        expect({ machine: m.name, action, backwards: rule.backwards }).toEqual({
          machine: m.name,
          action,
          backwards: true,
        });
        for (const from of rule.from) {
          const blank = attempt(() => takeStep(m, from, action, { reason: '  ', note: '' }));
          expect(blank).toBeInstanceOf(AppError);
          expect((blank as AppError).issues.some((i) => i.issue.endsWith('reason_required'))).toBe(true);
        }
      }
  });
  it('refuses every step from a state it does not start from', () => {
    fc.assert(
      fc.property(fc.constantFrom(...machines), fc.nat(), fc.nat(), (m, i, j) => {
        const state = m.states[i % m.states.length]!;
        const actions = Object.keys(m.steps);
        const action = actions[j % actions.length]!;
        if (m.steps[action]!.from.includes(state)) return;
        expect(attempt(() => takeStep(m, state, action, {}))).toMatchObject({ code: 'INVALID_STATE' });
      }),
    );
  });
});

describe('adoption', () => {
  it('is refused beyond the budget and, over an adopted scenario, without a reason', () => {
    fc.assert(
      fc.property(
        fc.nat(2e9),
        fc.nat(2e9),
        fc.nat(2e9),
        fc.boolean(),
        fc.option(fc.string()),
        (budget, selectedCost, fundedOutside, another, reason) => {
          const facts = {
            solved: true,
            selectedCost,
            fundedOutside,
            budget,
            adoptedNow: another ? { name: 'A' } : null,
            reason,
          };
          const r = attempt(() => takeStep(adoptionMachine, 'draf', 'adopsi', facts));
          if (r instanceof AppError) return;
          expect(selectedCost + fundedOutside).toBeLessThanOrEqual(budget);
          if (another) expect((reason ?? '').trim().length).toBeGreaterThanOrEqual(3);
        },
      ),
    );
  });
});

describe('plan editing', () => {
  it('deletes an item only with nothing under it and nothing relying on it, naming what does', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.string({ minLength: 1 }), { maxLength: 8 }),
        (hasChildren, reliedOnBy) => {
          const r = attempt(() => takeStep(planItemMachine, 'ada', 'hapus', { hasChildren, reliedOnBy }));
          if (!(r instanceof AppError)) expect(hasChildren || reliedOnBy.length > 0).toBe(false);
          else if (reliedOnBy.length)
            expect(r.issues.find((i) => i.issue === 'plan_supported')?.params?.items).toContain(
              reliedOnBy[0],
            );
        },
      ),
    );
  });
});

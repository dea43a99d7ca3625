import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { equalSharesAdd1, phragmen, quality } from './completion.ts';
import { electionOf, parsePb, writePb } from './pabulib.ts';
import { plainMes } from './plain-mes.test-support.ts';
import { cmp, q, toNumber } from './rational.ts';
import { collapseBallots, type Election, equalShares, greedy } from './rules.ts';
import { ruleFromMeta, ruleOfFile, runRule } from './run.ts';

// Hand-checked: 4 voters, budget 100. A (60) by v1..v3, B (40) by v4, C (30) by everyone.
const small: Election = {
  budget: 100,
  projects: [
    { id: 'A', cost: 60 },
    { id: 'B', cost: 40 },
    { id: 'C', cost: 30 },
  ],
  ballots: [
    { voter: 'v1', vote: ['A', 'C'] },
    { voter: 'v2', vote: ['A', 'C'] },
    { voter: 'v3', vote: ['A', 'C'] },
    { voter: 'v4', vote: ['B', 'C'] },
  ],
};

describe('participatory budgeting rules', () => {
  it('Equal Shares funds C first (rho 1/4 < 1/3), then nothing fits the 17.5 left each', () => {
    const r = equalShares(small);
    expect(r.selected).toEqual(['C']);
    expect(r.rounds[0]).toEqual({ project: 'C', rho: '1/4', payments: [{ amount: '15/2', voters: 4 }] });
  });

  it('Add1 raises the share to 47 and stops before 48, where B would overspend', () => {
    const r = equalSharesAdd1(small);
    expect(r.selected).toEqual(['C', 'A']);
    expect(r.cost).toBe(90);
    expect(r.endowment).toBe('47');
    expect(r.stopRule).toMatch(/last endowment/);
  });

  it('greedy funds by votes and skips what does not fit; no-skip stops there; Phragmén stops at the first that does not fit', () => {
    expect(greedy(small).selected).toEqual(['C', 'A']);
    const tight = { ...small, budget: 80 };
    expect(greedy(tight).selected).toEqual(['C', 'B']);
    expect(greedy(tight, { skip: false }).selected).toEqual(['C']);
    expect(greedy(small, { threshold: 4 }).selected).toEqual(['C']);
    expect(phragmen(small).selected).toEqual(['C', 'A']);
  });

  it('reports quality: budget used, voters with one funded project, exclusion ratio', () => {
    expect(quality(small, ['A'])).toMatchObject({ budgetUsed: 0.6, votersWithOne: 3, exclusionRatio: 0.25 });
  });

  const electionArb = fc
    .record({
      costs: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 7 }),
      votes: fc.array(fc.array(fc.nat(6), { maxLength: 4 }), { minLength: 1, maxLength: 25 }),
      budget: fc.integer({ min: 0, max: 200 }),
    })
    .map(
      ({ costs, votes, budget }): Election => ({
        budget,
        projects: costs.map((c, i) => ({ id: `p${i}`, cost: c })),
        ballots: votes.map((v, i) => ({
          voter: `v${i}`,
          vote: [...new Set(v.filter((x) => x < costs.length))].map((x) => `p${x}`),
        })),
      }),
    );

  it('gives the same rounds when identical ballots are counted once with their weight', () => {
    // Ballots drawn from a few kinds, so most are repeated; with points half the time.
    const withRepeats = fc
      .record({
        costs: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
        kinds: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }), {
          minLength: 1,
          maxLength: 4,
        }),
        picks: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        budget: fc.integer({ min: 1, max: 200 }),
        points: fc.boolean(),
      })
      .map(
        ({ costs, kinds, picks, budget, points }): Election => ({
          budget,
          projects: costs.map((c, i) => ({ id: `p${i}`, cost: c })),
          ballots: picks.map((k, i) => {
            const vote = kinds[k % kinds.length]!.filter((x) => x < costs.length).map((x) => `p${x}`);
            return { voter: `v${i}`, vote, points: points ? vote.map((_, j) => j + 1) : null };
          }),
        }),
      );
    fc.assert(
      fc.property(withRepeats, fc.constantFrom('cost' as const, 'cardinality' as const), (e, utility) => {
        const c = collapseBallots(e);
        expect(c.weights.reduce((a, b) => a + b, 0)).toBe(e.ballots.length);
        const plain = equalShares(e, { utility });
        const weighted = equalShares(c.election, { utility, weights: c.weights });
        expect(weighted.selected).toEqual(plain.selected);
        expect(weighted.rounds).toEqual(plain.rounds);
        const spent = weighted.spentByVoter();
        expect(Array.from(c.keptOf, (i) => spent[i])).toEqual(plain.spentByVoter());
      }),
      { numRuns: 300 },
    );
  });

  it('never spends more than the budget, and Equal Shares never charges a voter more than their share', () => {
    fc.assert(
      fc.property(electionArb, fc.constantFrom('cost' as const, 'cardinality' as const), (e, utility) => {
        for (const r of [
          greedy(e),
          greedy(e, { skip: false }),
          phragmen(e),
          equalShares(e, { utility }),
          equalSharesAdd1(e, { utility, greedyCompletion: true }),
        ])
          expect(r.cost).toBeLessThanOrEqual(e.budget);
        const mes = equalShares(e, { utility });
        const share = q(e.budget, e.ballots.length);
        for (const spent of mes.spentByVoter()) expect(cmp(spent, share)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with Equal Shares written the plain way, on approval and cumulative ballots, equal and district shares', () => {
    const cumulative = electionArb.chain((e) =>
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 30, maxLength: 30 }).map(
        (pts): Election => ({
          ...e,
          ballots: e.ballots.map((b, i) => ({ ...b, points: b.vote.map((_, k) => pts[(i + k) % 30]!) })),
        }),
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(electionArb, cumulative),
        fc.constantFrom('cost' as const, 'cardinality' as const),
        fc.boolean(),
        (e, utility, districts) => {
          const n = Math.max(e.ballots.length, 1);
          const start = e.ballots.map((_, i) =>
            districts ? q(e.budget * (1 + (i % 3)), 2 * n) : q(e.budget, n),
          );
          const fast = equalShares(e, { utility, ...(districts ? { endowments: start } : {}) });
          const plain = plainMes(e, utility, start);
          expect(fast.rounds.map((r) => ({ project: r.project, rho: r.rho }))).toEqual(plain);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('greedy with exclusive groups funds at most one of each group, and otherwise what greedy funds', () => {
    expect(greedy(small, { exclusive: [['C', 'A']] })).toMatchObject({
      selected: ['C', 'B'],
      rule: 'greedy-exclusive',
    });
    fc.assert(
      fc.property(electionArb, fc.array(fc.array(fc.nat(6), { minLength: 2, maxLength: 3 })), (e, picks) => {
        const ids = e.projects.map((p) => p.id);
        const groups = picks
          .map((g) => [...new Set(g.map((i) => ids[i % ids.length]!))])
          .filter((g) => g.length > 1);
        const out = greedy(e, { exclusive: groups });
        const chosen = new Set(out.selected);
        for (const g of groups) expect(g.filter((id) => chosen.has(id)).length).toBeLessThanOrEqual(1);
        expect(out.cost).toBeLessThanOrEqual(e.budget);
        // Nothing left out could still be funded: each either does not fit or shares a group.
        for (const p of e.projects.filter((x) => !chosen.has(x.id))) {
          const blocked = groups.some((g) => g.includes(p.id) && g.some((o) => chosen.has(o)));
          expect(blocked || out.cost + p.cost > e.budget).toBe(true);
        }
        if (!groups.length) expect(out.selected).toEqual(greedy(e).selected);
      }),
    );
  });

  it('adding budget never removes a project that greedy funded before its first skip', () => {
    fc.assert(
      fc.property(electionArb, fc.integer({ min: 0, max: 100 }), (e, extra) => {
        const before = greedy(e, { skip: false }).selected;
        const after = new Set(greedy({ ...e, budget: e.budget + extra }, { skip: false }).selected);
        for (const p of before) expect(after.has(p)).toBe(true);
      }),
    );
  });
});

describe('exact rationals', () => {
  it('turn into floats also beyond the range of a double', () => {
    const big = 10n ** 400n;
    expect(toNumber(q(3n * big, 4n * big + 1n))).toBeCloseTo(0.75, 12);
    expect(toNumber(q(1n, big))).toBe(0);
  });
});

describe('Pabulib files', () => {
  const text = [
    'META',
    'key;value',
    'description;"Uji; dengan titik koma"',
    'num_projects;3',
    'budget;100',
    'vote_type;approval',
    'rule;equalshares/add1',
    'PROJECTS',
    'project_id;cost;votes;name',
    'A;60;3;"Jalan ""baru"""',
    'B;40;1;Sumur',
    'C;30;4;Posyandu',
    'VOTES',
    'voter_id;age;sex;vote',
    'v1;30;F;A,C',
    'v2;41;M;A,C',
    'v3;25;F;A,C',
    'v4;60;M;B,C',
    '',
  ].join('\n');

  it('reads META, PROJECTS and VOTES with quoted fields, and writes them back the same', () => {
    const f = parsePb(text);
    expect(f.meta.description).toBe('Uji; dengan titik koma');
    expect(f.projects.map((p) => [p.id, p.cost])).toEqual([
      ['A', 60],
      ['B', 40],
      ['C', 30],
    ]);
    expect(f.projects[0]!.fields.name).toBe('Jalan "baru"');
    expect(f.voters[3]).toMatchObject({ id: 'v4', vote: ['B', 'C'], points: null });
    expect(parsePb(writePb(f))).toEqual(f);
  });

  it('names the line of a broken file', () => {
    expect(() => parsePb(text.replace('v2;41;M;A,C', 'v2;41;M;A,Z'))).toThrow(
      /line 16: vote names unknown project Z/,
    );
    expect(() => parsePb(text.replace('B;40;1;Sumur', 'B;empat puluh;1;Sumur'))).toThrow(
      /line 11: cost of project B/,
    );
  });

  it('takes points from 0 to a million a project, not 10^20 (taken once as that many supporters)', () => {
    const pb = (points: string) =>
      `META\nkey;value\nbudget;100\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;10\nb;20\nVOTES\nvoter_id;vote;points\n1;a,b;${points}\n`;
    expect(parsePb(pb('3,1000000')).voters[0]!.points).toEqual([3, 1_000_000]);
    for (const bad of ['99999999999999999999,1', '1000001,1', '-1,2', '1', 'x,1'])
      expect(() => parsePb(pb(bad)), bad).toThrow(/line 11: points must be one number from 0 to 1,000,000/);
  });

  it('says a budget that is not a number is not one, rather than missing', () => {
    const file = (budget: string) =>
      parsePb(
        `META\nkey;value\nbudget;${budget}\nvote_type;approval\nPROJECTS\nproject_id;cost\na;10\nVOTES\nvoter_id;vote\n1;a\n`,
      );
    expect(electionOf(file('100')).budget).toBe(100);
    for (const bad of ['abc', '-5', '1e400'])
      expect(() => electionOf(file(bad)), bad).toThrow('META must give the budget as a number of 0 or more');
  });
});

describe('runRule', () => {
  const mes = { rule: 'mes', utility: 'cost', completion: 'none', compareGreedy: false } as const;

  it('leaves projects under the vote threshold out of every rule, and says which', () => {
    // B has one vote: under a threshold of 2 it is not eligible, so greedy with skip cannot fund it.
    const g = runRule(small, { ...mes, rule: 'greedy', threshold: 2 });
    expect(g.selected).toEqual(['C', 'A']);
    expect(g.belowThreshold).toEqual(['B']);
    const m = runRule(small, { ...mes, completion: 'add1', threshold: 2 });
    expect(m.selected).not.toContain('B');
    expect(m.quality.votersWithOne).toBe(4);
  });

  it('reads the rule a Pabulib file names, and refuses district endowments with Add1', () => {
    expect(ruleFromMeta('equalshares/add1-comparison')).toEqual({
      rule: 'mes',
      completion: 'add1',
      compareGreedy: true,
    });
    expect(ruleFromMeta('greedy-custom')).toBeNull();
    // The format names greedy-exclusive but not its groups: run only when they are given.
    expect(ruleOfFile({ rule: 'greedy-exclusive' })).toBeNull();
    expect(ruleOfFile({ rule: 'greedy-exclusive' }, [['A', 'C']])).toMatchObject({
      rule: 'greedy',
      exclusive: [['A', 'C']],
    });
    expect(runRule(small, ruleOfFile({ rule: 'greedy-exclusive' }, [['A', 'C']])!).selected).toEqual([
      'C',
      'B',
    ]);
    const endowments = small.ballots.map(() => q(25));
    expect(runRule(small, mes, endowments).selected).toEqual(['C']);
    expect(() => runRule(small, { ...mes, completion: 'add1' }, endowments)).toThrow(AppError);
  });

  it('gives the same outcome as the rule it wraps', () => {
    expect(runRule(small, { ...mes, completion: 'add1' }).selected).toEqual(equalSharesAdd1(small).selected);
    expect(runRule(small, { ...mes, rule: 'phragmen' }).selected).toEqual(phragmen(small).selected);
  });
});

describe('a .pb file opened in a spreadsheet', () => {
  it('carries no formula: a field starting with = + - @ is written with an apostrophe and read back as it was', () => {
    const file = parsePb(
      'META\nkey;value\ndescription;x\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n1;50;Jalan desa\nVOTES\nvoter_id;vote\nv1;1\n',
    );
    file.projects[0]!.fields.name = '=HYPERLINK("http://contoh.invalid","klik")';
    file.meta.description = '@SUM(1+1)';
    const text = writePb(file);
    expect(text).toContain(`"'=HYPERLINK(""http://contoh.invalid"",""klik"")"`);
    expect(text).toContain("description;'@SUM(1+1)");
    expect(text).not.toMatch(/(^|;)[=+@]/m);
    const back = parsePb(text);
    expect(back.projects[0]!.fields.name).toBe('=HYPERLINK("http://contoh.invalid","klik")');
    expect(back.meta.description).toBe('@SUM(1+1)');
    expect(writePb(back)).toBe(text);
  });
});

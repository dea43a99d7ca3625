import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/policy.ts';
import { parseRegionCode } from '../regions/region-code.ts';
import { calendarOf, planYearOn } from './calendar.ts';
import {
  applyDecision,
  canDecide,
  entryStage,
  isFunded,
  type ProposalOnPath,
  rollsOver,
  stages,
} from './path.ts';
import { rankAgenda } from './ranking.ts';
import { possibleDuplicates, titleSimilarity } from './similarity.ts';

const base: ProposalOnPath = {
  id: 'p1',
  track: 'musrenbang',
  stage: 'desa',
  state: 'aktif',
  planYear: 2027,
  regionCode: '35.05.01.2001',
  organisationId: 'dpupr',
};
const desa: Actor = { role: 'desa', userId: 'd', regionCode: parseRegionCode('35.05.01.2001') };
const otherDesa: Actor = { role: 'desa', userId: 'd2', regionCode: parseRegionCode('35.05.01.2002') };
const kecamatan: Actor = { role: 'kecamatan', userId: 'k', regionCode: parseRegionCode('35.05.01') };
const opd: Actor = { role: 'opd', userId: 'o', organisationId: 'dpupr' };
const otherOpd: Actor = { role: 'opd', userId: 'o2', organisationId: 'dinkes' };
const perencana: Actor = { role: 'perencana', userId: 'p' };
const dprd: Actor = { role: 'dprd', userId: 'x' };

describe('the path of a proposal', () => {
  it('enters by track: aspirations wait for moderation, pokir go to the OPD, Renja to the kabupaten forum', () => {
    expect(entryStage('aspirasi')).toBe('moderasi');
    expect(entryStage('musrenbang')).toBe('desa');
    expect(entryStage('pokir')).toBe('opd');
    expect(entryStage('renja')).toBe('kabupaten');
  });

  it('moves one step per forward, from the desa forum to implementation, then completes', () => {
    let p = { ...base };
    const seen: string[] = [p.stage];
    while (p.state === 'aktif') {
      const t = applyDecision(p, { kind: 'teruskan' }, { project: 'PRJ-2027-001' });
      p = { ...p, stage: t.toStage, state: t.state };
      if (p.state === 'aktif') seen.push(p.stage);
    }
    expect(seen).toEqual(stages.slice(1));
    expect(p.state).toBe('selesai');
    expect(isFunded('apbd')).toBe(true);
    expect(isFunded('rkpd')).toBe(false);
  });

  it('moves from the budget step to implementation only with the project that carries it out', () => {
    const funded = { ...base, stage: 'apbd' as const };
    expect(() => applyDecision(funded, { kind: 'teruskan' })).toThrowError(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [{ field: 'body.kind', issue: 'needs_project' }],
      }),
    );
  });

  it('defers only to a later year, refuses a merge into itself, and refuses any decision once ended', () => {
    expect(applyDecision(base, { kind: 'tunda', toYear: 2028 })).toMatchObject({
      planYear: 2028,
      state: 'aktif',
      toStage: 'desa',
    });
    expect(() => applyDecision(base, { kind: 'tunda', toYear: 2027 })).toThrowError(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(() => applyDecision(base, { kind: 'gabung', into: 'p1' })).toThrowError(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(applyDecision(base, { kind: 'gabung', into: 'p2' }).state).toBe('digabung');
    const rejected = {
      ...base,
      state: applyDecision(base, { kind: 'tolak', reason: 'pagu_tidak_cukup' }).state,
    };
    expect(rejected.state).toBe('ditolak');
    expect(() => applyDecision(rejected, { kind: 'teruskan' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_STATE' }),
    );
  });

  it('lets only the right office decide at each step', () => {
    expect(canDecide(desa, base)).toBe(true);
    expect(canDecide(otherDesa, base)).toBe(false);
    expect(canDecide(kecamatan, base)).toBe(false);
    const atKecamatan = { ...base, stage: 'kecamatan' as const };
    expect(canDecide(kecamatan, atKecamatan)).toBe(true);
    expect(canDecide(desa, atKecamatan)).toBe(false);
    const atOpd = { ...base, stage: 'opd' as const };
    expect(canDecide(opd, atOpd)).toBe(true);
    expect(canDecide(otherOpd, atOpd)).toBe(false);
    expect(canDecide(perencana, { ...base, stage: 'kabupaten' })).toBe(true);
    expect(canDecide(perencana, atOpd)).toBe(false);
    // Funded: the OPD that carries it out starts the work; another OPD may not.
    const funded = { ...base, stage: 'apbd' as const };
    expect(canDecide(opd, funded)).toBe(true);
    expect(canDecide(otherOpd, funded)).toBe(false);
    expect(canDecide(perencana, funded)).toBe(true);
    for (const stage of stages) expect(canDecide(dprd, { ...base, stage })).toBe(false);
  });

  it('rolls over what is active, of the year, past moderation and not funded', () => {
    expect(rollsOver(base, 2027)).toBe(true);
    expect(rollsOver(base, 2026)).toBe(false);
    expect(rollsOver({ ...base, stage: 'apbd' }, 2027)).toBe(false);
    expect(rollsOver({ ...base, state: 'ditolak' }, 2027)).toBe(false);
    expect(rollsOver({ ...base, stage: 'moderasi' }, 2027)).toBe(false);
  });
});

describe('possible duplicates', () => {
  it('finds the same work written differently, and not unrelated work', () => {
    expect(
      titleSimilarity('Perbaikan jalan dusun Krajan RT 02', 'perbaikan jln. dusun krajan'),
    ).toBeGreaterThan(0.8);
    expect(titleSimilarity('Perbaikan jalan dusun Krajan', 'Pelatihan menjahit ibu PKK')).toBeLessThan(0.2);
    const found = possibleDuplicates('Rehab saluran irigasi Sawahan', [
      { id: 'a', title: 'Rehabilitasi saluran irigasi tersier Sawahan' },
      { id: 'b', title: 'Pengadaan bibit durian' },
    ]);
    expect(found.map((f) => f.id)).toEqual(['a']);
  });
});

describe('forum ranking', () => {
  it('ranks by weighted scores with shared ranks for ties, or by votes', () => {
    const items = [
      { id: 'a', scores: { manfaat: 3, mendesak: 2 }, votes: 10 },
      { id: 'b', scores: { manfaat: 4, mendesak: 1 }, votes: 12 },
      { id: 'c', scores: { manfaat: 1, mendesak: 4 }, votes: 10 },
    ];
    expect(rankAgenda(items, 'skor')).toEqual([
      { id: 'a', total: 5, rank: 1 },
      { id: 'b', total: 5, rank: 1 },
      { id: 'c', total: 5, rank: 1 },
    ]);
    expect(rankAgenda(items, 'skor', { manfaat: 2 }).map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
    expect(rankAgenda(items, 'suara').map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
    ]);
  });
});

describe('the planning year on the calendar', () => {
  it('has the kecamatan forums now in February 2026 for plan year 2027, the desa done, the budget to come', () => {
    const steps = calendarOf(2027, new Date('2026-02-10T00:00:00Z'));
    const when = Object.fromEntries(steps.map((s) => [s.step, s.when]));
    expect(when).toMatchObject({
      desa: 'done',
      kecamatan: 'now',
      opd: 'now',
      kabupaten: 'next',
      apbd: 'next',
    });
    expect(steps.find((s) => s.step === 'pelaksanaan')!.year).toBe(2027);
  });
  it('plans the next calendar year', () => {
    expect(planYearOn(new Date('2026-12-04T00:00:00Z'))).toBe(2027);
  });
});

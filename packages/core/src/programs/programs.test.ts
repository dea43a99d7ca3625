import { describe, expect, it } from 'vitest';
import { cycleMove } from './cycles.ts';
import { ageOn, checkEligibility } from './eligibility.ts';
import { type EnrolmentRecord, evaluateProgram } from './evaluate.ts';
import { programNarrative } from './narrative.ts';
import { targetingErrors } from './targeting.ts';

describe('eligibility', () => {
  const who = {
    decile: 3,
    birthDate: '1990-06-15',
    sex: 'P' as const,
    regionCode: '35.05.01.2001',
    ownsBusiness: true,
  };
  it('counts age in whole years on the day of the check', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
  });
  it('names every failed condition with the value that failed it', () => {
    const rule = {
      all: [
        { field: 'decile', min: 1, max: 2 },
        { field: 'age', min: 18, max: 60 },
        { field: 'sex', in: ['P'] },
        { field: 'region', within: ['35.05.02'] },
        { field: 'ownsBusiness', equals: true },
      ] as const,
    };
    expect(checkEligibility(rule, who, '2026-11-23')).toEqual({
      eligible: false,
      failed: [
        { field: 'decile', value: 3 },
        { field: 'region', value: '35.05.01.2001' },
      ],
    });
    expect(
      checkEligibility({ all: [{ field: 'region', within: ['35.05.01'] }] }, who, '2026-11-23').eligible,
    ).toBe(true);
    // An unknown decile never passes a decile condition.
    expect(
      checkEligibility(
        { all: [{ field: 'decile', min: 1, max: 10 }] },
        { ...who, decile: null },
        '2026-11-23',
      ).eligible,
    ).toBe(false);
  });
});

const person = (
  group: 'peserta' | 'pembanding',
  before: number,
  after: number,
  extra: Partial<EnrolmentRecord> = {},
) =>
  ({
    group,
    completed: true,
    sex: 'P',
    age: 35,
    kecamatan: 'Wonodadi',
    measurements: { pendapatan: { baseline: before, followup: after } },
    ...extra,
  }) as EnrolmentRecord;

describe('program evaluation', () => {
  // Participants gain 4, 3, 5 (mean 4); the comparison gains 1, 0, 2 (mean 1): effect 3.
  const enrolments = [
    person('peserta', 10, 14),
    person('peserta', 12, 15, { completed: false, sex: 'L', kecamatan: 'Srengat' }),
    person('peserta', 11, 16),
    person('pembanding', 10, 11),
    person('pembanding', 12, 12),
    person('pembanding', 11, 13),
  ];
  const facts = {
    budget: 30_000_000,
    targetBeneficiaries: 6,
    outcomes: [{ indicator: 'pendapatan', direction: 'higher' as const, target: 5 }],
  };

  it('reach, completion, cost per beneficiary, and the effect against the comparison group', () => {
    const e = evaluateProgram(facts, enrolments);
    expect(e.reach).toEqual({ enrolled: 3, target: 6, share: 0.5 });
    expect(e.completion.share).toBeCloseTo(2 / 3, 12);
    expect(e.costPerBeneficiary).toBe(10_000_000);
    const o = e.outcomes[0]!;
    expect(o.participants!.estimate).toBe(4);
    expect(o.comparison!.estimate).toBe(1);
    expect(o.effect!.estimate).toBe(3);
    expect(o.achieved).toBe(3);
    expect(o.costPerOutcome).toBe(10_000_000);
    expect(e.bySex).toEqual([
      { key: 'L', enrolled: 1, completed: 0, meanChange: 3 },
      { key: 'P', enrolled: 2, completed: 2, meanChange: 4.5 },
    ]);
  });

  it('writes only what the numbers say: a capital program under its reach target is told to consider flexible loans', () => {
    const e = evaluateProgram(facts, enrolments);
    const n = programNarrative({
      name: 'Modal usaha',
      type: 'modal',
      opd: 'DISKOPUM',
      period: { start: '1 Januari 2026', end: '31 Desember 2026' },
      budget: 30_000_000,
      evaluation: e,
    });
    const rules = Object.values(n).flatMap((s) => s.map((x) => x.rule));
    expect(rules).toContain('pinjaman_lentur');
    expect(rules).toContain('jangkauan_rendah');
    expect(rules).toContain('penyelesaian_rendah');
    expect(rules).toContain('dampak_nyata');
    expect(rules).toContain('dampak_di_bawah_target');
    expect(n.pelaksanaan[0]!.text).toBe(
      'Program menjangkau 3 peserta dari target 6 (50 %); 2 peserta menyelesaikannya (66,7 %).',
    );
    expect(n.kesimpulan[0]!.text).toContain('1 terbukti membaik');
  });

  it('says no effect is proven where the groups changed alike, and recommends reviewing the design', () => {
    const alike = [
      ...enrolments.slice(0, 3),
      ...enrolments.slice(0, 3).map((x) => ({ ...x, group: 'pembanding' as const })),
    ];
    const n = programNarrative({
      name: 'Pelatihan',
      type: 'pelatihan',
      opd: 'DISNAKER',
      period: { start: '1 Januari 2026', end: '31 Desember 2026' },
      budget: 30_000_000,
      evaluation: evaluateProgram({ ...facts, targetBeneficiaries: 3 }, alike),
    });
    const rules = Object.values(n).flatMap((s) => s.map((x) => x.rule));
    expect(rules).toContain('dampak_belum_terbukti');
    expect(rules).toContain('tinjau_desain');
    expect(rules).not.toContain('dampak_nyata');
    expect(rules).not.toContain('pinjaman_lentur');
  });
});

describe('targeting errors', () => {
  // Six families in two desa; deciles 1-4 are eligible. Recipients: a (1), c (5), e (unknown).
  const families = [
    { id: 'a', area: 'D1', decile: 1 },
    { id: 'b', area: 'D1', decile: 3 },
    { id: 'c', area: 'D1', decile: 5 },
    { id: 'd', area: 'D2', decile: 2 },
    { id: 'e', area: 'D2', decile: null },
    { id: 'f', area: 'D2', decile: 9 },
  ];
  it('inclusion 2 of 3 recipients, exclusion 2 of 3 eligible; per desa too', () => {
    const r = targetingErrors(families, new Set(['a', 'c', 'e']), { min: 1, max: 4 });
    expect(r).toMatchObject({ recipients: 3, eligible: 3, includedIneligible: 2, excludedEligible: 2 });
    expect(r.inclusionError).toBeCloseTo(2 / 3, 12);
    expect(r.exclusionError).toBeCloseTo(2 / 3, 12);
    expect(r.byArea).toEqual([
      {
        area: 'D1',
        recipients: 2,
        eligible: 2,
        includedIneligible: 1,
        excludedEligible: 1,
        inclusionError: 0.5,
        exclusionError: 0.5,
      },
      {
        area: 'D2',
        recipients: 1,
        eligible: 1,
        includedIneligible: 1,
        excludedEligible: 1,
        inclusionError: 1,
        exclusionError: 1,
      },
    ]);
  });
  it('has no error to report where there are no recipients or no eligible families', () => {
    const r = targetingErrors([{ id: 'x', area: 'D', decile: 8 }], new Set(), { min: 1, max: 4 });
    expect(r.inclusionError).toBeNull();
    expect(r.exclusionError).toBeNull();
  });
});

describe('payment cycles', () => {
  const opd = { role: 'opd', userId: 'u-opd', organisationId: 'o1' } as const;
  const bappeda = { role: 'perencana', userId: 'u-bap' } as const;
  it('walks draf → diajukan → disetujui → disalurkan → selesai, each step by its office', () => {
    expect(cycleMove('ajukan', 'draf', opd, true, null)).toEqual({ ok: true, to: 'diajukan' });
    expect(cycleMove('setujui', 'diajukan', opd, true, 'u-opd')).toEqual({ ok: false, reason: 'role' });
    expect(cycleMove('setujui', 'diajukan', bappeda, false, 'u-opd')).toEqual({ ok: true, to: 'disetujui' });
    expect(cycleMove('salurkan', 'disetujui', opd, true, 'u-opd')).toEqual({ ok: true, to: 'disalurkan' });
    expect(cycleMove('tutup', 'disalurkan', opd, true, 'u-opd')).toEqual({ ok: true, to: 'selesai' });
    expect(cycleMove('salurkan', 'diajukan', opd, true, 'u-opd')).toEqual({ ok: false, reason: 'state' });
  });
  it('never lets the account that submitted a cycle approve it', () => {
    expect(cycleMove('setujui', 'diajukan', bappeda, true, 'u-bap')).toEqual({
      ok: false,
      reason: 'four_eyes',
    });
    expect(cycleMove('kembalikan', 'diajukan', bappeda, true, 'u-opd')).toEqual({ ok: true, to: 'draf' });
  });
});

describe('report text without participants yet', () => {
  it('says what was delivered and writes no NaN when nobody is enrolled', () => {
    const n = programNarrative({
      name: 'Padat karya',
      type: 'lainnya',
      opd: 'DPUPR',
      period: { start: '1 Januari 2027', end: '31 Desember 2027' },
      budget: 250_000_000,
      evaluation: evaluateProgram({ budget: 250_000_000, targetBeneficiaries: 100, outcomes: [] }, []),
      outputs: [{ name: 'Pekerja padat karya', unit: 'orang', target: 100, achieved: 60 }],
    });
    const text = Object.values(n)
      .flat()
      .map((x) => x.text)
      .join(' ');
    expect(text).not.toContain('NaN');
    expect(n.pelaksanaan.map((x) => x.text)).toEqual([
      'Program menjangkau 0 peserta dari target 100 (0 %).',
      'Keluaran "Pekerja padat karya": 60 dari target 100 orang (60 %).',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  daysBlocked,
  forecastCompletion,
  kemantapan,
  plannedAt,
  progressCurve,
  rollUp,
  scheduleStatus,
} from './monitoring.ts';

// A three-month plan from 1 January: 20 % by 31 January, 60 % by 28 February, 100 % by 31 March.
const curve = [
  { month: '2027-01', physical: 20, financial: 100 },
  { month: '2027-02', physical: 60, financial: 300 },
  { month: '2027-03', physical: 100, financial: 500 },
];

describe('kurva S', () => {
  it('interpolates within a month and holds the ends', () => {
    expect(plannedAt(curve, '2027-01-01', '2026-12-15', 'physical')).toBe(0);
    expect(plannedAt(curve, '2027-01-01', '2027-01-31', 'physical')).toBeCloseTo(20, 9);
    // 14 of 28 days into February: 20 + 40 x 14/28.
    expect(plannedAt(curve, '2027-01-01', '2027-02-14', 'physical')).toBeCloseTo(40, 9);
    expect(plannedAt(curve, '2027-01-01', '2027-02-14', 'financial')).toBeCloseTo(200, 9);
    expect(plannedAt(curve, '2027-01-01', '2027-06-01', 'physical')).toBe(100);
  });

  it('calls work late beyond the tolerance, and critical by the critical-contract rule', () => {
    expect(scheduleStatus(40, 39)).toBe('sesuai');
    expect(scheduleStatus(40, 35)).toBe('terlambat');
    // Plan at 0-70 %: critical beyond 10 points; at 70-100 %: beyond 5.
    expect(scheduleStatus(50, 39)).toBe('kritis');
    expect(scheduleStatus(50, 41)).toBe('terlambat');
    expect(scheduleStatus(80, 74)).toBe('kritis');
    expect(scheduleStatus(80, 100)).toBe('selesai');
  });
});

describe('forecast and roll-up', () => {
  it('carries the pace of the last 60 days on to 100 %', () => {
    // 30 % on 1 March, 50 % on 30 April (60 days later): 1/3 point a day, 150 days to go.
    const f = forecastCompletion('2027-01-01', [
      { date: '2027-03-01', physical: 30 },
      { date: '2027-04-30', physical: 50 },
    ]);
    expect(f).toBe('2027-09-27');
    expect(forecastCompletion('2027-01-01', [{ date: '2027-02-01', physical: 0 }])).toBeNull();
    expect(forecastCompletion('2027-01-01', [])).toBeNull();
  });

  it('weights grouped projects', () => {
    expect(
      rollUp([
        { weight: 300, physical: 50 },
        { weight: 100, physical: 10 },
      ]),
    ).toBe(40);
    expect(rollUp([])).toBeNull();
  });
});

describe('kemantapan jalan', () => {
  it('is the share of length in good or fair condition, per area too', () => {
    const r = kemantapan([
      { area: 'K1', lengthKm: 4, condition: 'baik' },
      { area: 'K1', lengthKm: 2, condition: 'rusak_berat' },
      { area: 'K2', lengthKm: 3, condition: 'sedang' },
      { area: 'K2', lengthKm: 1, condition: 'rusak_ringan' },
    ]);
    // (4 + 3) / 10 = 70 %; K1 4/6, K2 3/4.
    expect(r.percent).toBeCloseTo(70, 12);
    expect(r.byArea.map((a) => [a.area, a.percent])).toEqual([
      ['K1', (100 * 4) / 6],
      ['K2', 75],
    ]);
    expect(r.byCondition).toEqual({ baik: 4, sedang: 3, rusak_ringan: 1, rusak_berat: 2 });
  });
});

describe('daysBlocked', () => {
  it('counts to today while a permit is open, from request to done once it is, and nothing before a request', () => {
    const today = '2026-03-31';
    expect(daysBlocked({ status: 'terkendala', requestedOn: '2026-03-01', doneOn: null }, today)).toBe(30);
    expect(daysBlocked({ status: 'proses', requestedOn: '2026-04-10', doneOn: null }, today)).toBe(0);
    expect(daysBlocked({ status: 'belum', requestedOn: null, doneOn: null }, today)).toBeNull();
    expect(daysBlocked({ status: 'selesai', requestedOn: '2026-01-01', doneOn: '2026-01-15' }, today)).toBe(
      14,
    );
    expect(daysBlocked({ status: 'selesai', requestedOn: null, doneOn: '2026-01-15' }, today)).toBeNull();
  });
});

describe('the S-curve of a project', () => {
  it('shows physical and financial progress against plan, past the contract end when work runs late', () => {
    const plan = [
      { month: '2026-01', physical: 40, financial: 40_000_000 },
      { month: '2026-02', physical: 100, financial: 100_000_000 },
    ];
    const reports = [
      {
        reportDate: '2026-01-31',
        physical: 30,
        spending: { apbd_kabupaten: 25_000_000 },
        state: 'diverifikasi',
      },
      {
        reportDate: '2026-02-28',
        physical: 70,
        spending: { apbd_kabupaten: 60_000_000 },
        state: 'dilaporkan',
      },
      {
        reportDate: '2026-04-15',
        physical: 100,
        spending: { apbd_kabupaten: 98_000_000 },
        state: 'diverifikasi',
      },
    ];
    expect(progressCurve(plan, reports, 100_000_000)).toEqual([
      { month: '2026-01', plannedPhysical: 40, plannedFinancial: 40, physical: 30, financial: 25 },
      // The February report is not verified: the official line stays at January's.
      { month: '2026-02', plannedPhysical: 100, plannedFinancial: 100, physical: 30, financial: 25 },
      { month: '2026-03', plannedPhysical: 100, plannedFinancial: 100, physical: 30, financial: 25 },
      { month: '2026-04', plannedPhysical: 100, plannedFinancial: 100, physical: 100, financial: 98 },
    ]);
  });
});

import type { Stage } from './path.ts';

/**
 * The planning year of a kabupaten, for the RKPD and budget of plan year N (domain facts,
 * "Musrenbang: how proposals travel"): months are of year N-1 unless `offset` says otherwise.
 * Permendagri 86/2017 sets the order and the RKPD's deadline (the Perkada RKPD by the end of June,
 * art. 93); the KUA-PPAS and the APBD follow PP 12/2019 (KUA-PPAS agreed by mid-August, art. 90;
 * the APBD agreed with the DPRD at the latest one month before the budget year, art. 104).
 */
export interface PlanningStep {
  readonly step: 'desa' | 'kecamatan' | 'opd' | 'kabupaten' | 'rkpd' | 'kua_ppas' | 'apbd' | 'pelaksanaan';
  /** The proposals' stage during the step, when there is one. */
  readonly stage: Stage | null;
  /** First and last month (1..12), in year N-1 plus `offset`. */
  readonly from: number;
  readonly to: number;
  readonly offset: -1 | 0 | 1;
}

export const planningSteps: readonly PlanningStep[] = [
  // The desa decides its list for the kabupaten in the Musdes/Musrenbangdes of the year before.
  { step: 'desa', stage: 'desa', from: 7, to: 12, offset: -1 },
  { step: 'kecamatan', stage: 'kecamatan', from: 1, to: 2, offset: 0 },
  { step: 'opd', stage: 'opd', from: 2, to: 3, offset: 0 },
  { step: 'kabupaten', stage: 'kabupaten', from: 3, to: 4, offset: 0 },
  { step: 'rkpd', stage: 'rkpd', from: 4, to: 6, offset: 0 },
  { step: 'kua_ppas', stage: null, from: 7, to: 8, offset: 0 },
  { step: 'apbd', stage: 'apbd', from: 9, to: 11, offset: 0 },
  { step: 'pelaksanaan', stage: 'pelaksanaan', from: 1, to: 12, offset: 1 },
];

/** The plan year whose planning is under way on a date: the next calendar year. */
export const planYearOn = (date: Date) => date.getUTCFullYear() + 1;

/** Where each step of plan year N stands on a date: done, now or to come. */
export function calendarOf(planYear: number, on: Date) {
  const month = on.getUTCFullYear() * 12 + on.getUTCMonth();
  return planningSteps.map((s) => {
    const year = planYear - 1 + s.offset;
    const first = year * 12 + s.from - 1;
    const last = year * 12 + s.to - 1;
    const when: 'done' | 'now' | 'next' = month > last ? 'done' : month >= first ? 'now' : 'next';
    return { ...s, year, when };
  });
}

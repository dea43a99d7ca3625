/**
 * Monitoring of funded work (issue 8): the plan curve of physical progress ("kurva S"), the
 * deviation of actual from planned progress, a forecast of completion from the progress so far,
 * the status an office reads (on schedule, late, critical), weighted roll-up of grouped projects,
 * and the share of road length in good or fair condition (kemantapan jalan).
 */
export interface PlanPoint {
  /** The month, YYYY-MM; the value is reached at the end of that month. */
  month: string;
  /** Cumulative planned physical progress, 0..100. */
  physical: number;
  /** Cumulative planned spending in rupiah. */
  financial: number;
}

const DAY = 86_400_000;
const endOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(y, m, 0);
};
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The planned cumulative value on `date`: 0 before the start, linear within each month between
 * the previous month-end and this month-end, the last value after the end.
 */
export function plannedAt(
  curve: readonly PlanPoint[],
  start: string,
  date: string,
  key: 'physical' | 'financial',
) {
  if (!curve.length) return 0;
  const t = time(date);
  let prevT = time(start);
  let prevV = 0;
  for (const p of curve) {
    const end = endOfMonth(p.month);
    if (t <= end) {
      if (t <= prevT) return prevV;
      return prevV + ((p[key] - prevV) * (t - prevT)) / Math.max(end - prevT, DAY);
    }
    prevT = end;
    prevV = p[key];
  }
  return prevV;
}

/**
 * An S-shaped monthly plan of `months` months from `startMonth` (YYYY-MM): cumulative physical
 * progress (smoothstep, 100 % in the last month) and spending in proportion to it.
 */
export function sCurvePlan(startMonth: string, months: number, value: number): PlanPoint[] {
  const [y, m] = startMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: Math.max(1, months) }, (_, i) => {
    const x = (i + 1) / Math.max(1, months);
    const share = x * x * (3 - 2 * x);
    return {
      month: new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 7),
      physical: Math.round(share * 1000) / 10,
      financial: Math.round(value * share),
    };
  });
}

export interface Thresholds {
  /** Behind plan by more than this many points is "late". */
  lateTolerance: number;
  /**
   * "Kontrak kritis" (Permen PUPR 14/2020, the critical-contract rule for construction): behind by
   * more than 10 points while the plan is at 0-70 %, or by more than 5 points while it is at
   * 70-100 %. These are defaults: the office sets its own.
   */
  criticalEarly: number;
  criticalLate: number;
  criticalSwitchAt: number;
}

export const defaultThresholds: Thresholds = {
  lateTolerance: 2,
  criticalEarly: 10,
  criticalLate: 5,
  criticalSwitchAt: 70,
};

export const scheduleStatuses = ['sesuai', 'terlambat', 'kritis', 'selesai'] as const;
export type ScheduleStatus = (typeof scheduleStatuses)[number];

/** The status from planned and actual physical progress (points, 0..100). */
export function scheduleStatus(
  planned: number,
  actual: number,
  t: Thresholds = defaultThresholds,
): ScheduleStatus {
  if (actual >= 100) return 'selesai';
  const behind = planned - actual;
  const critical = planned <= t.criticalSwitchAt ? t.criticalEarly : t.criticalLate;
  if (behind > critical) return 'kritis';
  if (behind > t.lateTolerance) return 'terlambat';
  return 'sesuai';
}

export interface ProgressReport {
  date: string;
  /** Cumulative physical progress, 0..100. */
  physical: number;
}

/**
 * The completion date forecast from the progress so far: the pace of the last reports (at least
 * the last 60 days, or since the start when the work is younger), carried on to 100 %. Null when
 * there is no pace to carry (nothing done, or no progress in the window).
 */
export function forecastCompletion(start: string, reports: readonly ProgressReport[]): string | null {
  if (!reports.length) return null;
  const sorted = [...reports].sort((a, b) => a.date.localeCompare(b.date));
  const last = sorted.at(-1)!;
  if (last.physical >= 100) return last.date;
  const windowStart = time(last.date) - 60 * DAY;
  const base = [...sorted].reverse().find((r) => time(r.date) <= windowStart) ?? { date: start, physical: 0 };
  const days = (time(last.date) - time(base.date)) / DAY;
  const pace = days > 0 ? (last.physical - base.physical) / days : 0;
  if (!(pace > 0)) return null;
  const remaining = (100 - last.physical) / pace;
  return new Date(time(last.date) + Math.ceil(remaining) * DAY).toISOString().slice(0, 10);
}

/** Progress of a group of projects, each weighted (by its budget unless weights are given). */
export function rollUp(items: readonly { weight: number; physical: number }[]): number | null {
  const total = items.reduce((s, i) => s + i.weight, 0);
  if (!(total > 0)) return null;
  return items.reduce((s, i) => s + i.weight * i.physical, 0) / total;
}

/** Where a project's money comes from (a project's funding is a list of these with amounts). */
export const fundingSources = [
  'apbn',
  'apbd_provinsi',
  'apbd_kabupaten',
  'dana_desa',
  'swadaya',
  'csr',
] as const;
export type FundingSource = (typeof fundingSources)[number];

/**
 * A line of a project's funding: a source, and for CSR the partner who pays (issue 21), so two
 * partners funding one project are two lines, each traced from its commitment to what was spent.
 * A report's spending is keyed by the line: the source, or "csr:<partner id>".
 */
export interface FundingLine {
  source: string;
  partnerId?: string | null | undefined;
  /** The partner's commitment (an agreement's money) this line draws on, when it names one. */
  commitmentId?: string | null | undefined;
}
export const fundingLineKey = (line: FundingLine) =>
  line.partnerId ? `${line.source}:${line.partnerId}` : line.source;
/** The source of a spending key ("csr:<partner id>" is CSR money). */
export const sourceOfKey = (key: string) => key.split(':')[0]!;

export const roadConditions = ['baik', 'sedang', 'rusak_ringan', 'rusak_berat'] as const;
export type RoadCondition = (typeof roadConditions)[number];

/**
 * Kemantapan jalan: the share of road length in good (baik) or fair (sedang) condition, in
 * percent, for all segments and per area.
 */
export function kemantapan(
  segments: readonly { area: string; lengthKm: number; condition: RoadCondition }[],
) {
  const share = (list: typeof segments) => {
    const total = list.reduce((s, x) => s + x.lengthKm, 0);
    const steady = list
      .filter((x) => x.condition === 'baik' || x.condition === 'sedang')
      .reduce((s, x) => s + x.lengthKm, 0);
    const byCondition = Object.fromEntries(
      roadConditions.map((c) => [
        c,
        list.filter((x) => x.condition === c).reduce((s, x) => s + x.lengthKm, 0),
      ]),
    ) as Record<RoadCondition, number>;
    return {
      lengthKm: total,
      steadyKm: steady,
      percent: total > 0 ? (100 * steady) / total : null,
      byCondition,
    };
  };
  const areas = new Map<string, (typeof segments)[number][]>();
  for (const s of segments) {
    const list = areas.get(s.area);
    if (list) list.push(s);
    else areas.set(s.area, [s]);
  }
  return {
    ...share(segments),
    byArea: [...areas]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([area, list]) => ({ area, ...share(list) })),
  };
}

/**
 * How long a permit or land item has held the project up, in days: until today while it is not
 * done (not yet requested: unknown), or from request to done once it is.
 */
export function daysBlocked(
  permit: { status: string; requestedOn: string | null; doneOn: string | null },
  today: string,
): number | null {
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  if (permit.status === 'terkendala' || permit.status === 'proses' || permit.status === 'belum')
    return permit.requestedOn ? Math.max(0, days(permit.requestedOn, today)) : null;
  return permit.requestedOn && permit.doneOn ? days(permit.requestedOn, permit.doneOn) : null;
}

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
};

/**
 * The S-curve as the project page draws it: month by month from the plan's first month to the
 * later of its last month and the last report (late work stays visible past the contract end),
 * the planned physical progress and planned spending (as % of the contract value), and the actual
 * of both from the verified reports up to each month (null after the last one).
 */
export function progressCurve(
  plan: readonly PlanPoint[],
  reports: readonly {
    reportDate: string;
    physical: number;
    spending: Record<string, number | undefined>;
    state: string;
  }[],
  contractValue: number,
) {
  const verified = reports
    .filter((r) => r.state === 'diverifikasi')
    .sort((a, b) => a.reportDate.localeCompare(b.reportDate));
  const first = [plan[0]?.month, verified[0]?.reportDate.slice(0, 7)].filter(Boolean).sort()[0];
  const last = [plan.at(-1)?.month, verified.at(-1)?.reportDate.slice(0, 7)].filter(Boolean).sort().at(-1);
  if (!first || !last) return [];
  const share = (rupiah: number) =>
    contractValue > 0 ? Math.round((rupiah / contractValue) * 1000) / 10 : 0;
  const out: {
    month: string;
    plannedPhysical: number;
    plannedFinancial: number;
    physical: number | null;
    financial: number | null;
  }[] = [];
  let planned = { physical: 0, financial: 0 };
  const lastReport = verified.at(-1)?.reportDate.slice(0, 7) ?? '';
  for (let month = first; month <= last; month = nextMonth(month)) {
    const point = plan.find((p) => p.month === month);
    if (point) planned = { physical: point.physical, financial: point.financial };
    const upTo = verified.filter((r) => r.reportDate.slice(0, 7) <= month).at(-1);
    const reported = month <= lastReport;
    out.push({
      month,
      plannedPhysical: planned.physical,
      plannedFinancial: share(planned.financial),
      physical: reported ? (upTo?.physical ?? 0) : null,
      financial: reported
        ? share(upTo ? Object.values(upTo.spending).reduce<number>((s, v) => s + (v ?? 0), 0) : 0)
        : null,
    });
    if (out.length > 240) break;
  }
  return out;
}

import type { FieldIssue } from '../errors/app-error.ts';
import { formatRupiah } from '../format.ts';
import { defineMachine, reasonNeed } from './machine.ts';

/**
 * Progress reporting of a project (Perpres 16/2018 on procurement: payment follows verified
 * progress): a report is filed (dilaporkan), then verified or returned by the OPD. Only verified
 * reports make the official figures; the latest unverified one is shown as such.
 */
export const reportStates = ['dilaporkan', 'diverifikasi', 'ditolak'] as const;
export type ReportState = (typeof reportStates)[number];

export const reportMachine = defineMachine<
  ReportState,
  'verifikasi' | 'kembalikan',
  { reason?: string | null }
>({
  name: 'progress_report',
  states: reportStates,
  steps: {
    verifikasi: { from: ['dilaporkan'], to: 'diverifikasi' },
    kembalikan: {
      from: ['dilaporkan'],
      to: 'ditolak',
      backwards: true,
      needs: (f) => reasonNeed(f.reason, 'body.note'),
    },
  },
});

export interface ReportFigures {
  reportDate: string;
  physical: number;
  /** Cumulative spending by funding source. */
  spending: Readonly<Record<string, number | undefined>>;
  state: ReportState;
}

export const totalSpent = (r: Pick<ReportFigures, 'spending'>) =>
  Object.values(r.spending).reduce<number>((s, v) => s + (v ?? 0), 0);

/**
 * Whether a new report goes backwards from the last report before it that was not returned:
 * physical progress or any source's cumulative spending lower. Going backwards is refused unless
 * the report is marked as a correction with a reason.
 */
export function backwardsFindings(
  next: Omit<ReportFigures, 'state'>,
  earlier: readonly ReportFigures[],
  correction: { reason?: string | null } | null,
): FieldIssue[] {
  const before = earlier
    .filter((r) => r.state !== 'ditolak' && r.reportDate < next.reportDate)
    .sort((a, b) => a.reportDate.localeCompare(b.reportDate))
    .at(-1);
  if (!before) return [];
  const issues: FieldIssue[] = [];
  if (next.physical < before.physical)
    issues.push({ field: 'body.physical', issue: 'progress_backwards', params: { value: before.physical } });
  for (const [source, was] of Object.entries(before.spending))
    if ((next.spending[source] ?? 0) < (was ?? 0))
      issues.push({
        field: `body.spending.${source}`,
        issue: 'spending_backwards',
        params: { value: formatRupiah(was ?? 0), date: before.reportDate },
      });
  if (issues.length === 0) return [];
  if (correction) return reasonNeed(correction.reason, 'body.correctionReason');
  return issues;
}

/** The verified reports on or before a date, oldest first: what the official figures rest on. */
export function verifiedReports<R extends ReportFigures>(reports: readonly R[], on: string): R[] {
  return reports
    .filter((r) => r.state === 'diverifikasi' && r.reportDate <= on)
    .sort((a, b) => a.reportDate.localeCompare(b.reportDate));
}

/** The official figures on a date: the latest verified report on or before it, if any. */
export function officialReport<R extends ReportFigures>(reports: readonly R[], on: string): R | null {
  return verifiedReports(reports, on).at(-1) ?? null;
}

/** The latest report still waiting for verification, newer than the official one. */
export function pendingReport<R extends ReportFigures>(reports: readonly R[], on: string): R | null {
  const official = officialReport(reports, on);
  return (
    reports
      .filter(
        (r) =>
          r.state === 'dilaporkan' && r.reportDate <= on && (!official || r.reportDate > official.reportDate),
      )
      .sort((a, b) => a.reportDate.localeCompare(b.reportDate))
      .at(-1) ?? null
  );
}

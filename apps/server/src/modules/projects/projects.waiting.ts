import { canReportOn, canVerifyProgress, groupBy, type WaitingGroup } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { WAITING_LIMIT } from '../module.ts';
import * as repo from './projects.repository.ts';
import { projectItems } from './projects.service.ts';

/** A report is due when the last one (verified or not) is older than this many days. */
export const REPORT_DUE_DAYS = 30;
const DAY = 86_400_000;

type Item = Awaited<ReturnType<typeof projectItems>>['items'][number];

/**
 * What waits in project monitoring: for the agency, the reports to verify and its projects late or
 * critical; for whoever reports (the agency, the desa where the work is), the reports returned to
 * correct and, for the desa, the monthly report due on work under way.
 */
export async function waitingInProjects(ctx: AppContext, principal: Principal): Promise<WaitingGroup[]> {
  const actor = principal.actor;
  if (actor.role !== 'opd' && actor.role !== 'desa') return [];
  // A desa's work lies in its kecamatan: only those projects are worked out (the sweep asks for
  // every account, and the whole portfolio per desa was most of a sweep's time).
  const { on, items } = await projectItems(
    ctx,
    actor.role === 'opd'
      ? { organisationId: actor.organisationId ?? '-' }
      : { kecamatan: actor.regionCode ? actor.regionCode.split('.').slice(0, 3).join('.') : '-' },
  );
  const facts = (i: Item) => ({ organisationId: i.organisationId, regionCode: i.regionCode });
  const mine = items.filter((i) => canReportOn(actor, facts(i)) || canVerifyProgress(actor, facts(i)));
  const latest = new Map(
    [
      ...groupBy(
        await repo.findReportFigures(
          ctx.database.db,
          mine.map((i) => i.id),
        ),
        (r) => r.projectId,
      ),
    ].map(([id, reports]) => [id, reports.reduce((a, b) => (b.reportDate > a.reportDate ? b : a))]),
  );
  const group = (kind: WaitingGroup['kind'], list: Item[], suffix: (i: Item) => string = () => '') =>
    list.length
      ? [
          {
            kind,
            link: '/proyek',
            total: list.length,
            items: list.slice(0, WAITING_LIMIT).map((i) => ({
              key: `${i.id}${suffix(i)}`,
              title: `${i.name} (${i.code})`,
              link: `/proyek/${i.id}`,
            })),
          },
        ]
      : [];
  const last = (i: Item) => latest.get(i.id);
  const verify = mine.filter((i) => canVerifyProgress(actor, facts(i)) && last(i)?.state === 'dilaporkan');
  const returned = mine.filter((i) => canReportOn(actor, facts(i)) && last(i)?.state === 'ditolak');
  const atRisk = mine.filter(
    (i) => canVerifyProgress(actor, facts(i)) && (i.status === 'terlambat' || i.status === 'kritis'),
  );
  const today = new Date(`${on}T00:00:00Z`).getTime();
  const due =
    actor.role === 'desa'
      ? mine.filter((i) => {
          if (i.status === 'selesai' || i.status === 'belum_mulai' || !canReportOn(actor, facts(i)))
            return false;
          const date = last(i)?.reportDate;
          return !date || today - new Date(`${date}T00:00:00Z`).getTime() > REPORT_DUE_DAYS * DAY;
        })
      : [];
  // The key carries the report's date (or the status), so a new report or a new slip is news again.
  return [
    ...group('progress.verify', verify, (i) => `:${last(i)!.reportDate}`),
    ...group('progress.returned', returned, (i) => `:${last(i)!.reportDate}`),
    ...group('projects.atRisk', atRisk, (i) => `:${i.status}`),
    ...group('progress.due', due, () => `:${on.slice(0, 7)}`),
  ];
}

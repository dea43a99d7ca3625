import type { proposalListQuery } from '@sinergi/contracts';
import { type Actor, groupBy, possibleDuplicates, stages } from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext, Principal } from '../../context.ts';
import { namesOf } from '../regions/regions.service.ts';
import * as repo from './musrenbang.repository.ts';
import { summaryOf } from './musrenbang.service.ts';

/** The list of proposals a role sees, with the filter of what waits for its decision. */
export function mineFilter(actor: Actor): Partial<repo.ProposalFilter> {
  switch (actor.role) {
    case 'desa':
      return { within: actor.regionCode ?? '-', stages: ['moderasi', 'desa'] };
    case 'kecamatan':
      return { within: actor.regionCode ?? '-', stages: ['kecamatan'] };
    case 'opd':
      return {
        organisationId: actor.organisationId ?? '00000000-0000-0000-0000-000000000000',
        stages: ['opd', 'pelaksanaan'],
      };
    case 'perencana':
    case 'admin':
      return { stages: ['kabupaten', 'rkpd', 'apbd'] };
    default:
      return { stages: [] };
  }
}

export async function listProposals(
  ctx: AppContext,
  principal: Principal,
  q: z.infer<typeof proposalListQuery>,
) {
  const filter: repo.ProposalFilter = {
    year: q.year,
    stage: q.stage,
    state: q.mine ? 'aktif' : q.state,
    track: q.track,
    within: q.region,
    organisationId: q.organisationId,
    q: q.q,
    limit: q.limit,
    offset: q.offset,
    ...(q.mine ? mineFilter(principal.actor) : {}),
  };
  if (filter.stages?.length === 0) return { items: [], total: 0 };
  const { rows, total } = await repo.listProposals(ctx.database.db, filter);
  const names = await namesOf(
    ctx,
    rows.map((r) => r.p.regionCode),
  );
  // Possible duplicates among the active proposals of the same desa and year.
  const byYear = new Map<number, Set<string>>();
  for (const { p } of rows) byYear.set(p.planYear, (byYear.get(p.planYear) ?? new Set()).add(p.regionCode));
  const candidates = (
    await Promise.all(
      [...byYear].map(([year, regions]) =>
        repo
          .findActiveInRegions(ctx.database.db, [...regions], year)
          .then((c) => c.map((x) => ({ ...x, year }))),
      ),
    )
  ).flat();
  const candidatesOf = groupBy(candidates, (c) => `${c.regionCode} ${c.year}`);
  return {
    total,
    items: rows.map(({ p, org }) => ({
      ...summaryOf(p, org, names.get(p.regionCode) ?? p.regionCode),
      duplicateOf:
        p.state === 'aktif'
          ? possibleDuplicates(
              p.title,
              (candidatesOf.get(`${p.regionCode} ${p.planYear}`) ?? []).filter((c) => c.id !== p.id),
            ).map((d) => ({
              trackingCode: d.trackingCode,
              title: d.title,
              similarity: Math.round(d.similarity * 100) / 100,
            }))
          : [],
    })),
  };
}

/** Where the proposals of a plan year stand: per stage, the active ones and those that ended there. */
export async function stageCountsOf(ctx: AppContext, year: number) {
  const rows = await repo.countByStage(ctx.database.db, year);
  return {
    year,
    stages: stages.map((stage) => {
      const at = rows.filter((r) => r.stage === stage);
      const active = at.filter((r) => r.state === 'aktif').reduce((a, r) => a + r.n, 0);
      return { stage, active, ended: at.reduce((a, r) => a + r.n, 0) - active };
    }),
  };
}

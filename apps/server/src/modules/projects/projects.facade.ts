import {
  type FundingLine,
  fundingLineKey,
  groupBy,
  officialReport,
  type ReportState,
  todayIn,
} from '@sinergi/core';

type FundedLine = FundingLine & { amount: number };

import type { AppContext } from '../../context.ts';
import * as repo from './projects.repository.ts';
import { standing, thresholdsOf } from './projects.service.ts';

/** A project's facts for another module's rule (who runs it, where it is); null when there is none. */
export function projectFacts(ctx: AppContext, id: string) {
  return repo.findProject(ctx.database.db, id);
}

/**
 * What other modules may ask of the projects: the project built from each funded proposal and
 * where it stands today (verified reports only), for the proposal's public page (issue 20).
 */
export async function projectsOfProposals(ctx: AppContext, proposalIds: readonly string[]) {
  const db = ctx.database.db;
  const rows = await repo.findProjectsOfProposals(db, proposalIds);
  if (!rows.length) return new Map<string, ProjectOfProposal>();
  const reports = await repo.findReportFigures(
    db,
    rows.map((p) => p.id),
  );
  const reportsOf = groupBy(reports, (r) => r.projectId);
  const today = todayIn(undefined, ctx.clock());
  const t = await thresholdsOf(ctx);
  return new Map<string, ProjectOfProposal>(
    rows.map((p) => {
      const s = standing(p, reportsOf.get(p.id) ?? [], today, t);
      return [
        p.proposalId!,
        {
          id: p.id,
          code: p.code,
          name: p.name,
          status: s.status,
          physical: s.physical,
          plannedPhysical: s.plannedPhysical,
        },
      ];
    }),
  );
}

export interface ProjectOfProposal {
  id: string;
  code: string;
  name: string;
  status: string;
  physical: number;
  plannedPhysical: number;
}

/**
 * Every rupiah of a partner traced (issue 21): the projects with a CSR line the partner pays, the
 * line's amount, what the latest verified report says was spent from it, and the physical progress.
 */
export async function fundingOfPartner(ctx: AppContext, partnerId: string) {
  const db = ctx.database.db;
  const rows = (await repo.findProjectsWithOrganisation(db)).filter((r) =>
    (r.p.funding as FundedLine[]).some((f) => f.partnerId === partnerId),
  );
  if (!rows.length) return [];
  const reportsOf = groupBy(
    await repo.findReportFigures(
      db,
      rows.map((r) => r.p.id),
    ),
    (r) => r.projectId,
  );
  const today = todayIn(undefined, ctx.clock());
  return rows.map(({ p }) => {
    const line = (p.funding as FundedLine[]).find((f) => f.partnerId === partnerId)!;
    const official = officialReport(
      (reportsOf.get(p.id) ?? []).map((r) => ({ ...r, state: r.state as ReportState })),
      today,
    );
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      amount: line.amount,
      commitmentId: line.commitmentId ?? null,
      spent: (official?.spending as Record<string, number> | undefined)?.[fundingLineKey(line)] ?? 0,
      physical: official?.physical ?? 0,
    };
  });
}

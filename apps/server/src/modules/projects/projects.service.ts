import type { ProjectBody, ProjectStanding } from '@sinergi/contracts';
import {
  AppError,
  canActForOrganisation,
  defaultThresholds,
  type FieldIssue,
  forecastCompletion,
  formatRupiah,
  fundingLineKey,
  groupBy,
  kecamatanOf,
  largest,
  type PlanPoint,
  pendingReport,
  plannedAt,
  projectAbilities,
  type ReportState,
  scheduleStatus,
  type Thresholds,
  todayIn,
  totalSpent,
  verifiedReports,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { prepareDecision, recordDecision } from '../musrenbang/musrenbang.decisions.ts';
import { proposalById } from '../musrenbang/musrenbang.facade.ts';
import { assertLocation } from '../musrenbang/musrenbang.service.ts';
import { getOrganisation } from '../organisations/organisations.service.ts';
import { partnerNames } from '../partners/partners.facade.ts';
import { namesOf } from '../regions/regions.service.ts';
import { getSetting, putSetting } from '../system/settings.service.ts';
import { checkFundingSources } from './projects.funding.ts';
import { presentProjectDetail, presentProjectItem } from './projects.presenter.ts';
import * as repo from './projects.repository.ts';
import { summarise } from './projects.summary.ts';

/**
 * Projects (issue 8): from a funded proposal or entered directly; progress reported at any
 * percentage with spending per source and photos, verified by the OPD; permits and land as the
 * usual bottleneck; the plan curve against the actual one with a status and a forecast.
 */
type ProjectRow = repo.ProjectRow;
type ReportRow = repo.ReportRow;
const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION', { issues });

export async function thresholdsOf(ctx: AppContext): Promise<Thresholds> {
  const value = await getSetting(ctx, 'monitoring:thresholds');
  return { ...defaultThresholds, ...((value as Partial<Thresholds> | null) ?? {}) };
}

export async function mustFind(ctx: AppContext, id: string) {
  const p = await repo.findProject(ctx.database.db, id);
  if (!p) throw new AppError('NOT_FOUND', { details: { what: id } });
  return p;
}

function checkBody(body: ProjectBody): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (body.endDate < body.startDate) issues.push({ field: 'body.endDate', issue: 'end_before_start' });
  // One line per source, and per partner for CSR (issue 21): two partners are two lines.
  const seen = new Set<string>();
  body.funding.forEach((f, i) => {
    if (f.partnerId && f.source !== 'csr')
      issues.push({ field: `body.funding.${i}.partnerId`, issue: 'partner_only_csr' });
    const key = fundingLineKey(f);
    if (seen.has(key)) issues.push({ field: `body.funding.${i}.source`, issue: 'duplicate_source' });
    seen.add(key);
  });
  const funded = body.funding.reduce((s, f) => s + f.amount, 0);
  if (funded !== body.contractValue)
    issues.push({
      field: 'body.funding',
      issue: 'funding_total',
      params: { value: formatRupiah(body.contractValue) },
    });
  body.plan.forEach((p, i) => {
    const prev = body.plan[i - 1];
    if (prev && (p.physical < prev.physical || p.financial < prev.financial || p.month <= prev.month))
      issues.push({ field: `body.plan.${i}`, issue: 'plan_not_increasing' });
  });
  if (body.plan.at(-1)!.physical !== 100)
    issues.push({ field: `body.plan.${body.plan.length - 1}.physical`, issue: 'plan_not_100' });
  return issues;
}

/** The partners paying CSR lines of these projects. */
const partnerIdsOf = (projects: readonly { funding: unknown }[]) => [
  ...new Set(
    projects.flatMap((p) =>
      (p.funding as { partnerId?: string | null }[]).flatMap((f) => (f.partnerId ? [f.partnerId] : [])),
    ),
  ),
];

/** The year's next free code (after the highest, not the count, so a gap is never refilled). */
async function nextCode(ctx: AppContext, year: number) {
  const codes = await repo.findCodes(ctx.database.db);
  const prefix = `PRJ-${year}-`;
  const numbers = codes.filter((c) => c.startsWith(prefix)).map((c) => Number(c.slice(prefix.length)) || 0);
  const next = await repo.takeCodeNumber(ctx.database.db, year, largest(numbers, 0));
  return `${prefix}${String(next).padStart(4, '0')}`;
}

/** A project created with a code of its own, retried a few times when two requests took the same next code. */
export async function createProject(
  ctx: AppContext,
  principal: Principal,
  body: ProjectBody,
  proposalId?: string,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createProjectOnce(ctx, principal, body, proposalId);
    } catch (error) {
      const clash = isUniqueViolation(error);
      if (!clash || body.code || attempt >= 5) throw error;
    }
  }
}

/**
 * Creates a project, directly or from a funded proposal. From a proposal, the link back keeps its
 * proposers and forum decisions, and the proposal moves to implementation with the project as the
 * reason, in the same transaction.
 */
async function createProjectOnce(
  ctx: AppContext,
  principal: Principal,
  body: ProjectBody,
  proposalId?: string,
) {
  if (!canActForOrganisation(principal.actor, body.organisationId)) throw new AppError('OUT_OF_SCOPE');
  const region = await assertLocation(ctx, body.regionCode);
  const issues = [...checkBody(body), ...(await checkFundingSources(ctx, body))];
  if (issues.length) throw invalid(issues);
  const code = body.code ?? (await nextCode(ctx, Number(body.startDate.slice(0, 4))));
  // A code the office typed must be free; a generated one that another request just took is retried.
  if (body.code && (await repo.codeTaken(ctx.database.db, code)))
    throw invalid([{ field: 'body.code', issue: 'taken' }]);
  let decision: Awaited<ReturnType<typeof prepareDecision>> | null = null;
  if (proposalId) {
    const p = await proposalById(ctx, proposalId);
    if (!p) throw new AppError('NOT_FOUND', { details: { what: proposalId } });
    if (p.stage !== 'apbd' || p.state !== 'aktif')
      throw invalid([{ field: 'params.proposalId', issue: 'not_funded' }]);
    decision = await prepareDecision(
      ctx,
      principal,
      p,
      { kind: 'teruskan', note: `Dilaksanakan sebagai proyek ${code}` },
      'body',
      { project: code },
    );
  }
  return ctx.database.db.transaction(async (tx) => {
    const id = await repo.insertProject(tx, {
      ...body,
      code,
      regionCode: region,
      proposalId: proposalId ?? null,
      location: body.location ?? null,
    });
    if (decision) await recordDecision(tx, ctx, principal, decision);
    await appendAudit(tx, principal, {
      action: 'project.created',
      entity: 'project',
      entityId: id,
      after: { code, contractValue: body.contractValue, proposalId: proposalId ?? null },
    });
    return { id, code };
  });
}

/** Where a project stands on a date: planned and actual progress and spending, status, forecast. */
export function standing(
  p: ProjectRow,
  reports: readonly Pick<ReportRow, 'reportDate' | 'physical' | 'spending' | 'state'>[],
  on: string,
  t: Thresholds,
) {
  // Official figures come from verified reports only (core's verifiedReports); the latest report
  // still waiting for verification is shown beside them as such.
  const figures = reports.map((r) => ({ ...r, state: r.state as ReportState }));
  const verified = verifiedReports(figures, on);
  const last = verified.at(-1) ?? null;
  const waiting = pendingReport(figures, on);
  const plan = p.plan as PlanPoint[];
  const plannedPhysical = plannedAt(plan, p.startDate, on, 'physical');
  const plannedFinancial = plannedAt(plan, p.startDate, on, 'financial');
  const physical = last?.physical ?? 0;
  const spent = last ? totalSpent(last) : 0;
  const status: ProjectStanding['status'] =
    on < p.startDate && physical === 0 ? 'belum_mulai' : scheduleStatus(plannedPhysical, physical, t);
  return {
    plannedPhysical,
    physical,
    deviation: physical - plannedPhysical,
    plannedFinancial,
    spent,
    financialDeviation: spent - plannedFinancial,
    status,
    forecast: forecastCompletion(
      p.startDate,
      verified.map((r) => ({ date: r.reportDate, physical: r.physical })),
    ),
    lastReport: last?.reportDate ?? null,
    pending: waiting && {
      reportDate: waiting.reportDate,
      physical: waiting.physical,
      spent: totalSpent(waiting),
    },
  };
}

/** Every project (in the kecamatan, of the agency, if asked) with where it stands on a day. */
export async function projectItems(
  ctx: AppContext,
  query: { kecamatan?: string | undefined; organisationId?: string | undefined; on?: string | undefined },
) {
  const db = ctx.database.db;
  const on = query.on ?? todayIn(undefined, ctx.clock());
  const rows = (await repo.findProjectsWithOrganisation(db)).filter(
    (r) =>
      (!query.kecamatan || r.p.regionCode.startsWith(`${query.kecamatan}.`)) &&
      (!query.organisationId || r.p.organisationId === query.organisationId),
  );
  // Only the columns a standing needs, and no list of ids when every project is listed: reading
  // whole reports for 320 ids was most of an uncached answer (PGlite profile).
  const everyProject = !query.kecamatan && !query.organisationId;
  const reports = await repo.findReportFigures(db, everyProject ? null : rows.map((r) => r.p.id));
  const permits = await repo.findBlockingPermits(db);
  const t = await thresholdsOf(ctx);
  const names = await namesOf(ctx, [
    ...new Set(rows.flatMap((r) => [r.p.regionCode, kecamatanOf(r.p.regionCode)])),
  ]);
  // Grouped once by project: filtering every report per project was quadratic (1.8 s at 3,200).
  const reportsOf = groupBy(reports, (r) => r.projectId);
  const blocked = groupBy(permits, (x) => x.projectId);
  const partners = await partnerNames(ctx, partnerIdsOf(rows.map((r) => r.p)));
  const items = rows.map(({ p, org }) =>
    presentProjectItem(
      p,
      org,
      names,
      blocked.get(p.id)?.length ?? 0,
      standing(p, reportsOf.get(p.id) ?? [], on, t),
      partners,
    ),
  );
  return { on, items };
}

/**
 * The portfolio on a day, as the projects page reads it: the summary covers every project (in the
 * kecamatan, if asked); the list, narrowed by agency and status, comes a page at a time. A page
 * saves the sending (271 kB of JSON for the demo's 320).
 */
export async function listProjects(
  ctx: AppContext,
  query: {
    organisationId?: string | undefined;
    kecamatan?: string | undefined;
    status?: string | undefined;
    on?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const { on, items } = await projectItems(ctx, { kecamatan: query.kecamatan, on: query.on });
  const listed = items.filter(
    (i) =>
      (!query.status || i.status === query.status) &&
      (!query.organisationId || i.organisationId === query.organisationId),
  );
  return {
    on,
    total: listed.length,
    items: listed.slice(query.offset, query.offset + query.limit),
    summary: summarise(items),
  };
}

export async function getProject(ctx: AppContext, id: string, principal: Principal) {
  const p = await mustFind(ctx, id);
  const db = ctx.database.db;
  const reports = await repo.findReportsOf(db, id);
  const photos = await repo.findPhotosOfReports(
    db,
    reports.map((r) => r.id),
  );
  const permits = await repo.findPermitsOf(db, [id]);
  const org = await getOrganisation(ctx, p.organisationId).catch(() => null);
  const proposal = p.proposalId ? await proposalById(ctx, p.proposalId) : null;
  const today = todayIn(undefined, ctx.clock());
  const names = await namesOf(ctx, [p.regionCode]);
  return presentProjectDetail({
    p,
    organisation: org ? { id: org.id, shortName: org.shortName, name: org.name } : null,
    regionName: names.get(p.regionCode) ?? p.regionCode,
    proposal: proposal
      ? { id: proposal.id, trackingCode: proposal.trackingCode, title: proposal.title }
      : null,
    reports,
    photos,
    permits,
    today,
    standing: standing(p, reports, today, await thresholdsOf(ctx)),
    abilities: projectAbilities(principal.actor, p),
    partners: await partnerNames(ctx, partnerIdsOf([p])),
  });
}

export async function saveThresholds(ctx: AppContext, principal: Principal, body: Thresholds) {
  await ctx.database.db.transaction(async (tx) => {
    await putSetting(ctx, tx, 'monitoring:thresholds', body);
    await appendAudit(tx, principal, {
      action: 'thresholds.saved',
      entity: 'settings',
      entityId: 'monitoring:thresholds',
      after: body,
    });
  });
  return body;
}

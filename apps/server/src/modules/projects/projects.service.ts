import type { ProgressBody, ProjectBody } from '@sinergi/contracts';
import {
  AppError,
  canActForOrganisation,
  canActInRegion,
  defaultThresholds,
  type FieldIssue,
  forecastCompletion,
  formatRupiah,
  kecamatanOf,
  kemantapan,
  type PlanPoint,
  parseRegionCode,
  plannedAt,
  type RoadCondition,
  scheduleStatus,
  type Thresholds,
} from '@sinergi/core';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import exifr from 'exifr';
import type { AppContext, Principal } from '../../context.ts';
import {
  organisations,
  progressPhotos,
  progressReports,
  projectPermits,
  projects,
  roadConditions,
  roadSegments,
  settings,
} from '../../db/schema.ts';
import { checkedImageType } from '../../http/images.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as proposalsRepo from '../musrenbang/musrenbang.repository.ts';
import { assertLocation, prepareDecision, recordDecision } from '../musrenbang/musrenbang.service.ts';
import { namesOf } from '../regions/regions.service.ts';

/**
 * Projects (issue 8): from a funded proposal or entered directly; progress reported at any
 * percentage with spending per source and photos, verified by the OPD; permits and land as the
 * usual bottleneck; the plan curve against the actual one with a status and a forecast.
 */
type ProjectRow = typeof projects.$inferSelect;
type ReportRow = typeof progressReports.$inferSelect;
const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION', { issues });

export async function thresholdsOf(ctx: AppContext): Promise<Thresholds> {
  const [row] = await ctx.database.db
    .select()
    .from(settings)
    .where(eq(settings.key, 'monitoring:thresholds'));
  return { ...defaultThresholds, ...((row?.value as Partial<Thresholds>) ?? {}) };
}

async function mustFind(ctx: AppContext, id: string) {
  const [p] = await ctx.database.db.select().from(projects).where(eq(projects.id, id));
  if (!p) throw new AppError('NOT_FOUND', { details: { what: id } });
  return p;
}

function checkBody(body: ProjectBody): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (body.endDate < body.startDate) issues.push({ field: 'body.endDate', issue: 'end_before_start' });
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

async function nextCode(ctx: AppContext, year: number) {
  const rows = await ctx.database.db.select({ code: projects.code }).from(projects);
  const prefix = `PRJ-${year}-`;
  const n = rows.filter((r) => r.code.startsWith(prefix)).length + 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

/**
 * Creates a project, directly or from a funded proposal. From a proposal, the link back keeps its
 * proposers and forum decisions, and the proposal moves to implementation with the project as the
 * reason, in the same transaction.
 */
export async function createProject(
  ctx: AppContext,
  principal: Principal,
  body: ProjectBody,
  proposalId?: string,
) {
  if (!canActForOrganisation(principal.actor, body.organisationId)) throw new AppError('OUT_OF_SCOPE');
  const region = await assertLocation(ctx, body.regionCode);
  const issues = checkBody(body);
  if (issues.length) throw invalid(issues);
  const code = body.code ?? (await nextCode(ctx, Number(body.startDate.slice(0, 4))));
  const [clash] = await ctx.database.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.code, code));
  if (clash) throw invalid([{ field: 'body.code', issue: 'duplicate_id', params: { line: 0 } }]);
  let decision: Awaited<ReturnType<typeof prepareDecision>> | null = null;
  if (proposalId) {
    const p = await proposalsRepo.findProposal(ctx.database.db, proposalId);
    if (!p) throw new AppError('NOT_FOUND', { details: { what: proposalId } });
    if (p.stage !== 'apbd' || p.state !== 'aktif')
      throw invalid([{ field: 'params.proposalId', issue: 'not_funded' }]);
    decision = await prepareDecision(ctx, principal, p, {
      kind: 'teruskan',
      note: `Dilaksanakan sebagai proyek ${code}`,
    });
  }
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projects)
      .values({
        ...body,
        code,
        regionCode: region,
        proposalId: proposalId ?? null,
        location: body.location ?? null,
      })
      .returning({ id: projects.id });
    if (decision) await recordDecision(tx, ctx, principal, decision);
    await appendAudit(tx, principal, {
      action: 'project.created',
      entity: 'project',
      entityId: row!.id,
      after: { code, contractValue: body.contractValue, proposalId: proposalId ?? null },
    });
    return { id: row!.id, code };
  });
}

/** Where a project stands on a date: planned and actual progress and spending, status, forecast. */
function standing(p: ProjectRow, reports: readonly ReportRow[], on: string, t: Thresholds) {
  const accepted = reports
    .filter((r) => r.state !== 'ditolak' && r.reportDate <= on)
    .sort((a, b) => a.reportDate.localeCompare(b.reportDate));
  const last = accepted.at(-1);
  const plan = p.plan as PlanPoint[];
  const plannedPhysical = plannedAt(plan, p.startDate, on, 'physical');
  const plannedFinancial = plannedAt(plan, p.startDate, on, 'financial');
  const physical = last?.physical ?? 0;
  const spent = last ? Object.values(last.spending).reduce((s, v) => s + v, 0) : 0;
  const status =
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
      accepted.map((r) => ({ date: r.reportDate, physical: r.physical })),
    ),
    lastReport: last?.reportDate ?? null,
  };
}

export async function listProjects(
  ctx: AppContext,
  query: {
    organisationId?: string | undefined;
    kecamatan?: string | undefined;
    status?: string | undefined;
    on?: string | undefined;
  },
) {
  const db = ctx.database.db;
  const on = query.on ?? ctx.clock().toISOString().slice(0, 10);
  const rows = await db
    .select({ p: projects, org: organisations.shortName })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .where(query.organisationId ? eq(projects.organisationId, query.organisationId) : undefined)
    .orderBy(asc(projects.code));
  const filtered = query.kecamatan
    ? rows.filter((r) => r.p.regionCode.startsWith(`${query.kecamatan}.`))
    : rows;
  const reports = filtered.length
    ? await db
        .select()
        .from(progressReports)
        .where(
          inArray(
            progressReports.projectId,
            filtered.map((r) => r.p.id),
          ),
        )
    : [];
  const permits = filtered.length
    ? await db
        .select()
        .from(projectPermits)
        .where(
          inArray(
            projectPermits.projectId,
            filtered.map((r) => r.p.id),
          ),
        )
    : [];
  const t = await thresholdsOf(ctx);
  const names = await namesOf(ctx, [
    ...new Set(filtered.flatMap((r) => [r.p.regionCode, kecamatanOf(r.p.regionCode)])),
  ]);
  const items = filtered.map(({ p, org }) => {
    const s = standing(
      p,
      reports.filter((r) => r.projectId === p.id),
      on,
      t,
    );
    const kec = kecamatanOf(p.regionCode);
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      type: p.type,
      organisation: org,
      organisationId: p.organisationId,
      regionCode: p.regionCode,
      regionName: names.get(p.regionCode) ?? p.regionCode,
      kecamatan: kec,
      kecamatanName: names.get(kec) ?? kec,
      contractValue: p.contractValue,
      startDate: p.startDate,
      endDate: p.endDate,
      funding: p.funding as { source: string; amount: number }[],
      location: p.location,
      blockedPermits: permits.filter((x) => x.projectId === p.id && x.status === 'terkendala').length,
      groupCode: p.groupCode,
      groupName: p.groupName,
      sample: p.sample,
      ...s,
    };
  });
  return { on, items: query.status ? items.filter((i) => i.status === query.status) : items };
}

export async function getProject(ctx: AppContext, id: string) {
  const p = await mustFind(ctx, id);
  const db = ctx.database.db;
  const reports = await db
    .select()
    .from(progressReports)
    .where(eq(progressReports.projectId, id))
    .orderBy(asc(progressReports.reportDate));
  const photos = reports.length
    ? await db
        .select({
          id: progressPhotos.id,
          reportId: progressPhotos.reportId,
          takenAt: progressPhotos.takenAt,
          lat: progressPhotos.lat,
          lng: progressPhotos.lng,
        })
        .from(progressPhotos)
        .where(
          inArray(
            progressPhotos.reportId,
            reports.map((r) => r.id),
          ),
        )
    : [];
  const permits = await db
    .select()
    .from(projectPermits)
    .where(eq(projectPermits.projectId, id))
    .orderBy(asc(projectPermits.kind));
  const [org] = await db.select().from(organisations).where(eq(organisations.id, p.organisationId));
  const proposal = p.proposalId ? await proposalsRepo.findProposal(db, p.proposalId) : null;
  const today = ctx.clock().toISOString().slice(0, 10);
  const names = await namesOf(ctx, [p.regionCode]);
  return {
    ...p,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    organisation: org ? { id: org.id, shortName: org.shortName, name: org.name } : null,
    regionName: names.get(p.regionCode) ?? p.regionCode,
    proposal: proposal
      ? { id: proposal.id, trackingCode: proposal.trackingCode, title: proposal.title }
      : null,
    reports: reports.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      verifiedAt: r.verifiedAt?.toISOString() ?? null,
      photos: photos
        .filter((x) => x.reportId === r.id)
        .map((x) => ({ id: x.id, takenAt: x.takenAt?.toISOString() ?? null, lat: x.lat, lng: x.lng })),
    })),
    permits: permits.map((x) => ({
      ...x,
      daysBlocked:
        x.status === 'terkendala' || x.status === 'proses' || x.status === 'belum'
          ? x.requestedOn
            ? Math.max(0, Math.round((Date.parse(today) - Date.parse(x.requestedOn)) / 86_400_000))
            : null
          : x.requestedOn && x.doneOn
            ? Math.round((Date.parse(x.doneOn) - Date.parse(x.requestedOn)) / 86_400_000)
            : null,
      createdAt: x.createdAt.toISOString(),
      updatedAt: x.updatedAt.toISOString(),
    })),
    standing: standing(p, reports, today, await thresholdsOf(ctx)),
  };
}

/** Who may report: the OPD running the project, or the desa where it is. */
function assertReporter(principal: Principal, p: ProjectRow) {
  const a = principal.actor;
  if (a.role === 'admin') return;
  if (a.role === 'opd' && canActForOrganisation(a, p.organisationId)) return;
  if (a.role === 'desa' && canActInRegion(a, parseRegionCode(p.regionCode))) return;
  throw new AppError('OUT_OF_SCOPE');
}

/**
 * A progress report at any percentage: not below the last verified one, spending only from the
 * project's sources and within them, and 100 % only with the final documents.
 */
/** The checks of a report (also each row of a progress file); throws a field error naming each problem. */
export async function checkReport(ctx: AppContext, principal: Principal, p: ProjectRow, body: ProgressBody) {
  assertReporter(principal, p);
  const projectId = p.id;
  const issues: FieldIssue[] = [];
  const reports = await ctx.database.db
    .select()
    .from(progressReports)
    .where(eq(progressReports.projectId, projectId))
    .orderBy(desc(progressReports.reportDate));
  const lastVerified = reports.find((r) => r.state === 'diverifikasi' && r.reportDate <= body.reportDate);
  if (lastVerified && body.physical < lastVerified.physical)
    issues.push({
      field: 'body.physical',
      issue: 'progress_backwards',
      params: { value: lastVerified.physical },
    });
  if (body.physical >= 100 && body.finalDocuments.length === 0)
    issues.push({ field: 'body.finalDocuments', issue: 'final_documents_required' });
  if (body.reportDate < p.startDate) issues.push({ field: 'body.reportDate', issue: 'report_date_outside' });
  const funding = new Map(
    (p.funding as { source: string; amount: number }[]).map((f) => [f.source, f.amount]),
  );
  for (const [source, amount] of Object.entries(body.spending)) {
    if (!funding.has(source)) issues.push({ field: `body.spending.${source}`, issue: 'not_a_source' });
    else if ((amount ?? 0) > funding.get(source)!)
      issues.push({
        field: `body.spending.${source}`,
        issue: 'over_source',
        params: { value: formatRupiah(funding.get(source)!) },
      });
  }
  if (issues.length) throw invalid(issues);
}

export async function reportProgress(
  ctx: AppContext,
  principal: Principal,
  projectId: string,
  body: ProgressBody,
) {
  const p = await mustFind(ctx, projectId);
  await checkReport(ctx, principal, p, body);
  return ctx.database.db.transaction(async (tx) => {
    const values = {
      projectId,
      reportDate: body.reportDate,
      physical: body.physical,
      spending: body.spending as Record<string, number>,
      note: body.note,
      problems: body.problems,
      followUp: body.followUp,
      finalDocuments: body.finalDocuments,
      state: 'dilaporkan',
      reportedBy: principal.actor.userId ?? null,
    };
    // The same date again replaces an unverified report (a correction), idempotently.
    const [row] = await tx
      .insert(progressReports)
      .values(values)
      .onConflictDoUpdate({
        target: [progressReports.projectId, progressReports.reportDate],
        set: { ...values, updatedAt: ctx.clock() },
      })
      .returning({ id: progressReports.id });
    await appendAudit(tx, principal, {
      action: 'progress.reported',
      entity: 'project',
      entityId: projectId,
      after: { reportDate: body.reportDate, physical: body.physical },
    });
    return { id: row!.id };
  });
}

/** The OPD verifies (or returns) a report; a verified 100 % report of road work sets its segments to good. */
export async function verifyReport(
  ctx: AppContext,
  principal: Principal,
  reportId: string,
  approve: boolean,
  note: string,
) {
  const [r] = await ctx.database.db.select().from(progressReports).where(eq(progressReports.id, reportId));
  if (!r) throw new AppError('NOT_FOUND', { details: { what: reportId } });
  const p = await mustFind(ctx, r.projectId);
  if (!canActForOrganisation(principal.actor, p.organisationId) || principal.actor.role === 'perencana')
    throw new AppError('OUT_OF_SCOPE');
  if (r.state !== 'dilaporkan')
    throw new AppError('INVALID_STATE', { details: { action: 'verifikasi', state: r.state } });
  const finishedRoad = approve && r.physical >= 100 && (p.roadSegments as string[]).length > 0;
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(progressReports)
      .set({
        state: approve ? 'diverifikasi' : 'ditolak',
        verifiedBy: principal.actor.userId ?? null,
        verifiedAt: ctx.clock(),
        note: note ? `${r.note}${r.note ? '\n' : ''}Verifikasi: ${note}` : r.note,
        updatedAt: ctx.clock(),
      })
      .where(eq(progressReports.id, reportId));
    if (finishedRoad) {
      const year = Number(r.reportDate.slice(0, 4));
      for (const segment of p.roadSegments as string[])
        await tx
          .insert(roadConditions)
          .values({ segmentCode: segment, year, condition: 'baik', source: p.code })
          .onConflictDoUpdate({
            target: [roadConditions.segmentCode, roadConditions.year],
            set: { condition: 'baik', source: p.code },
          });
    }
    await appendAudit(tx, principal, {
      action: approve ? 'progress.verified' : 'progress.returned',
      entity: 'project',
      entityId: p.id,
      after: { reportDate: r.reportDate, physical: r.physical, roadsUpdated: finishedRoad },
    });
  });
  return { state: approve ? 'diverifikasi' : 'ditolak' };
}

export async function savePermit(
  ctx: AppContext,
  principal: Principal,
  projectId: string,
  body: {
    kind: string;
    status: string;
    office: string;
    requestedOn: string | null;
    dueOn: string | null;
    doneOn: string | null;
    note: string;
  },
  permitId?: string,
) {
  const p = await mustFind(ctx, projectId);
  if (!canActForOrganisation(principal.actor, p.organisationId)) throw new AppError('OUT_OF_SCOPE');
  return ctx.database.db.transaction(async (tx) => {
    let id = permitId;
    if (id)
      await tx
        .update(projectPermits)
        .set({ ...body, updatedAt: ctx.clock() })
        .where(and(eq(projectPermits.id, id), eq(projectPermits.projectId, projectId)));
    else
      id = (
        await tx
          .insert(projectPermits)
          .values({ ...body, projectId })
          .returning({ id: projectPermits.id })
      )[0]!.id;
    await appendAudit(tx, principal, {
      action: 'permit.saved',
      entity: 'project',
      entityId: projectId,
      after: { kind: body.kind, status: body.status },
    });
    return { id };
  });
}

/** Which kinds of permit hold up how many projects and how much money, and for how long. */
export async function bottlenecks(ctx: AppContext) {
  const db = ctx.database.db;
  const rows = await db
    .select({
      kind: projectPermits.kind,
      status: projectPermits.status,
      requestedOn: projectPermits.requestedOn,
      projectId: projects.id,
      value: projects.contractValue,
    })
    .from(projectPermits)
    .innerJoin(projects, eq(projects.id, projectPermits.projectId));
  const today = Date.parse(ctx.clock().toISOString().slice(0, 10));
  const byKind = new Map<string, { projects: Set<string>; money: number; days: number[] }>();
  for (const r of rows) {
    if (r.status === 'selesai') continue;
    const g = byKind.get(r.kind) ?? { projects: new Set(), money: 0, days: [] };
    if (!g.projects.has(r.projectId)) {
      g.projects.add(r.projectId);
      g.money += r.value;
    }
    if (r.requestedOn) g.days.push(Math.round((today - Date.parse(r.requestedOn)) / 86_400_000));
    byKind.set(r.kind, g);
  }
  return {
    items: [...byKind]
      .map(([kind, g]) => ({
        kind,
        projects: g.projects.size,
        money: g.money,
        meanDaysBlocked: g.days.length ? Math.round(g.days.reduce((a, b) => a + b, 0) / g.days.length) : null,
      }))
      .sort((a, b) => b.money - a.money),
  };
}

/** Road length in good or fair condition, by survey year: the kabupaten and each kecamatan. */
export async function roads(ctx: AppContext, year?: number) {
  const db = ctx.database.db;
  const years = (
    await db
      .selectDistinct({ year: roadConditions.year })
      .from(roadConditions)
      .orderBy(asc(roadConditions.year))
  ).map((r) => r.year);
  const y = year ?? years.at(-1);
  if (!y) return { year: null, years, total: null, byKecamatan: [] };
  const segs = await db.select().from(roadSegments);
  const conds = await db.select().from(roadConditions);
  // The condition of a segment in year y is its latest record up to y.
  const latest = new Map<string, { year: number; condition: string }>();
  for (const c of conds)
    if (c.year <= y && (latest.get(c.segmentCode)?.year ?? -1) < c.year)
      latest.set(c.segmentCode, { year: c.year, condition: c.condition });
  const items = segs.flatMap((s) => {
    const c = latest.get(s.code);
    return c
      ? [
          {
            area: kecamatanOf(s.regionCode),
            lengthKm: s.lengthKm,
            condition: c.condition as RoadCondition,
          },
        ]
      : [];
  });
  const k = kemantapan(items);
  const names = await namesOf(
    ctx,
    k.byArea.map((a) => a.area),
  );
  const { byArea, ...total } = k;
  return {
    year: y,
    years,
    total,
    byKecamatan: byArea.map((a) => ({ ...a, name: names.get(a.area) ?? a.area })),
  };
}

export const PHOTOS_PER_REPORT = 8;

/**
 * A photo of a progress step: JPEG, PNG or WebP by content, at most 5 MiB, with the date and
 * place read from its EXIF when the camera wrote them.
 */
export async function addProgressPhoto(
  ctx: AppContext,
  principal: Principal,
  reportId: string,
  data: Buffer,
  declared: string,
) {
  const [r] = await ctx.database.db.select().from(progressReports).where(eq(progressReports.id, reportId));
  if (!r) throw new AppError('NOT_FOUND', { details: { what: reportId } });
  assertReporter(principal, await mustFind(ctx, r.projectId));
  const type = checkedImageType(data, declared);
  const existing = await ctx.database.db
    .select({ id: progressPhotos.id })
    .from(progressPhotos)
    .where(eq(progressPhotos.reportId, reportId));
  if (existing.length >= PHOTOS_PER_REPORT)
    throw invalid([{ field: 'body', issue: 'too_many_photos', params: { max: PHOTOS_PER_REPORT } }]);
  let takenAt: Date | null = null;
  let lat: number | null = null;
  let lng: number | null = null;
  try {
    // Only the TIFF, Exif and GPS blocks (the GPS raw tags are needed to compute latitude and longitude).
    const exif = (await exifr.parse(data, {
      tiff: true,
      exif: true,
      gps: true,
      xmp: false,
      icc: false,
      iptc: false,
    })) as { DateTimeOriginal?: Date; latitude?: number; longitude?: number } | undefined;
    if (exif?.DateTimeOriginal instanceof Date && !Number.isNaN(exif.DateTimeOriginal.getTime()))
      takenAt = exif.DateTimeOriginal;
    if (Number.isFinite(exif?.latitude) && Number.isFinite(exif?.longitude)) {
      lat = exif!.latitude!;
      lng = exif!.longitude!;
    }
  } catch {
    // No readable EXIF: the photo is kept without a date or place.
  }
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(progressPhotos)
      .values({ reportId, mediaType: type, size: data.length, data, takenAt, lat, lng })
      .returning({ id: progressPhotos.id });
    await appendAudit(tx, principal, {
      action: 'progress.photo_added',
      entity: 'project',
      entityId: r.projectId,
      after: { photoId: row!.id },
    });
    return {
      id: row!.id,
      mediaType: type,
      size: data.length,
      takenAt: takenAt?.toISOString() ?? null,
      lat,
      lng,
    };
  });
}

export async function getProgressPhoto(ctx: AppContext, id: string) {
  const [row] = await ctx.database.db.select().from(progressPhotos).where(eq(progressPhotos.id, id));
  if (!row) throw new AppError('NOT_FOUND', { details: { what: id } });
  return row;
}

export async function saveThresholds(ctx: AppContext, principal: Principal, body: Thresholds) {
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: 'monitoring:thresholds', value: body })
      .onConflictDoUpdate({ target: settings.key, set: { value: body, updatedAt: ctx.clock() } });
    await appendAudit(tx, principal, {
      action: 'thresholds.saved',
      entity: 'settings',
      entityId: 'monitoring:thresholds',
      after: body,
    });
  });
  return body;
}

import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import {
  progressPhotos,
  progressReports,
  projectCodeCounters,
  projectPermits,
  projects,
  roadConditions,
  roadSegments,
} from './projects.schema.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type ReportRow = typeof progressReports.$inferSelect;
export type NewReport = typeof progressReports.$inferInsert;
export type NewPermit = typeof projectPermits.$inferInsert;
export type PermitRow = typeof projectPermits.$inferSelect;
export type PhotoInfo = Awaited<ReturnType<typeof findPhotosOfReports>>[number];
export type NewSegment = typeof roadSegments.$inferInsert;
export type NewCondition = typeof roadConditions.$inferInsert;

// Projects

export async function findProject(db: Db, id: string): Promise<ProjectRow | null> {
  const [p] = await db.select().from(projects).where(eq(projects.id, id));
  return p ?? null;
}

/** The projects built from these proposals (a funded proposal has at most one). */
export function findProjectsOfProposals(db: Db, proposalIds: readonly string[]) {
  if (!proposalIds.length) return Promise.resolve([] as ProjectRow[]);
  return db
    .select()
    .from(projects)
    .where(inArray(projects.proposalId, [...proposalIds]));
}

export function findProjectsByCode(db: Db, codes: readonly string[]) {
  if (!codes.length) return Promise.resolve([] as ProjectRow[]);
  return db
    .select()
    .from(projects)
    .where(inArray(projects.code, [...codes]));
}

export async function findCodes(db: Db): Promise<string[]> {
  return (await db.select({ code: projects.code }).from(projects)).map((r) => r.code);
}

/**
 * The next number of a year's generated code: one more than the last given, and above `floor`
 * (the highest number already in use, for codes typed or imported). Atomic: the counter row is
 * locked by the upsert, like a sequence; a number taken by a request that then fails is skipped.
 */
export async function takeCodeNumber(db: Db, year: number, floor: number): Promise<number> {
  const [row] = await db
    .insert(projectCodeCounters)
    .values({ year, last: floor + 1 })
    .onConflictDoUpdate({
      target: projectCodeCounters.year,
      set: { last: sql`greatest(${projectCodeCounters.last} + 1, excluded.last)` },
    })
    .returning({ last: projectCodeCounters.last });
  return row!.last;
}

export async function codeTaken(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, code));
  return !!row;
}

export async function countProjects(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(projects);
  return row?.n ?? 0;
}

/** Projects with their organisation's short name, by code. */
export function findProjectsWithOrganisation(db: Db) {
  return db
    .select({ p: projects, org: organisations.shortName })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .orderBy(asc(projects.code));
}

export async function insertProject(tx: Db, values: NewProject): Promise<string> {
  const [row] = await tx.insert(projects).values(values).returning({ id: projects.id });
  return row!.id;
}

// Progress reports and photos

export async function findReport(db: Db, id: string): Promise<ReportRow | null> {
  const [r] = await db.select().from(progressReports).where(eq(progressReports.id, id));
  return r ?? null;
}

/** The reports of one project, oldest first (or newest first). */
export function findReportsOf(db: Db, projectId: string, order: 'asc' | 'desc' = 'asc') {
  return db
    .select()
    .from(progressReports)
    .where(eq(progressReports.projectId, projectId))
    .orderBy(order === 'asc' ? asc(progressReports.reportDate) : desc(progressReports.reportDate));
}

export function findReportsOfProjects(db: Db, projectIds: readonly string[]) {
  if (!projectIds.length) return Promise.resolve([] as ReportRow[]);
  return db
    .select()
    .from(progressReports)
    .where(inArray(progressReports.projectId, [...projectIds]));
}

/** What a project's standing is worked out from, for the projects given or, with null, all of them. */
export function findReportFigures(db: Db, projectIds: readonly string[] | null) {
  const query = db
    .select({
      projectId: progressReports.projectId,
      reportDate: progressReports.reportDate,
      physical: progressReports.physical,
      spending: progressReports.spending,
      state: progressReports.state,
    })
    .from(progressReports);
  if (projectIds === null) return query;
  if (!projectIds.length) return Promise.resolve([]);
  return query.where(inArray(progressReports.projectId, [...projectIds]));
}
export type ReportFigureRow = Awaited<ReturnType<typeof findReportFigures>>[number];

/** Projects held up by a permit, one row per permit in trouble ('terkendala'). */
export function findBlockingPermits(db: Db) {
  return db
    .select({ projectId: projectPermits.projectId })
    .from(projectPermits)
    .where(eq(projectPermits.status, 'terkendala'));
}

/** Writes a report; the same project and date again replaces it (a correction), idempotently. */
/** Inserts the report of a date, or replaces the unverified one; null when that date's report is verified. */
export async function upsertReport(tx: Db, values: NewReport, now: Date): Promise<string | null> {
  const [row] = await tx
    .insert(progressReports)
    .values(values)
    .onConflictDoUpdate({
      target: [progressReports.projectId, progressReports.reportDate],
      set: { ...values, updatedAt: now },
      // Only an unverified report is replaced; a verified one never changes here.
      setWhere: sql`${progressReports.state} <> 'diverifikasi'`,
    })
    .returning({ id: progressReports.id });
  return row?.id ?? null;
}

export async function insertReport(tx: Db, values: NewReport): Promise<void> {
  await tx.insert(progressReports).values(values);
}

export async function updateReport(tx: Db, id: string, patch: Partial<NewReport>): Promise<void> {
  await tx.update(progressReports).set(patch).where(eq(progressReports.id, id));
}

export function findPhotosOfReports(db: Db, reportIds: readonly string[]) {
  if (!reportIds.length)
    return Promise.resolve(
      [] as { id: string; reportId: string; takenAt: Date | null; lat: number | null; lng: number | null }[],
    );
  return db
    .select({
      id: progressPhotos.id,
      reportId: progressPhotos.reportId,
      takenAt: progressPhotos.takenAt,
      lat: progressPhotos.lat,
      lng: progressPhotos.lng,
    })
    .from(progressPhotos)
    .where(inArray(progressPhotos.reportId, [...reportIds]));
}

export async function countPhotosOf(db: Db, reportId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(progressPhotos)
    .where(eq(progressPhotos.reportId, reportId));
  return row?.n ?? 0;
}

export async function insertPhoto(tx: Db, values: typeof progressPhotos.$inferInsert): Promise<string> {
  const [row] = await tx.insert(progressPhotos).values(values).returning({ id: progressPhotos.id });
  return row!.id;
}

export async function findPhoto(db: Db, id: string) {
  const [row] = await db.select().from(progressPhotos).where(eq(progressPhotos.id, id));
  return row ?? null;
}

// Permits

export function findPermitsOf(db: Db, projectIds: readonly string[]) {
  if (!projectIds.length) return Promise.resolve([] as PermitRow[]);
  return db
    .select()
    .from(projectPermits)
    .where(inArray(projectPermits.projectId, [...projectIds]))
    .orderBy(asc(projectPermits.kind));
}

export async function updatePermit(tx: Db, id: string, projectId: string, patch: Partial<NewPermit>) {
  await tx
    .update(projectPermits)
    .set(patch)
    .where(and(eq(projectPermits.id, id), eq(projectPermits.projectId, projectId)));
}

export async function insertPermit(tx: Db, values: NewPermit): Promise<string> {
  const [row] = await tx.insert(projectPermits).values(values).returning({ id: projectPermits.id });
  return row!.id;
}

/** Every permit with its project's contract value. */
export function findPermitsWithValue(db: Db) {
  return db
    .select({
      kind: projectPermits.kind,
      status: projectPermits.status,
      requestedOn: projectPermits.requestedOn,
      projectId: projects.id,
      value: projects.contractValue,
    })
    .from(projectPermits)
    .innerJoin(projects, eq(projects.id, projectPermits.projectId));
}

// Roads

export async function findRoads(db: Db) {
  const [segments, conditions] = await Promise.all([
    db.select().from(roadSegments),
    db.select().from(roadConditions).orderBy(asc(roadConditions.year)),
  ]);
  return { segments, conditions };
}

/** A road segment's condition in a year (a verified finished road writes `baik`). */
export async function upsertCondition(tx: Db, values: NewCondition): Promise<void> {
  await tx
    .insert(roadConditions)
    .values(values)
    .onConflictDoUpdate({
      target: [roadConditions.segmentCode, roadConditions.year],
      set: { condition: values.condition, source: values.source },
    });
}

/** The sample: segments, conditions, projects, reports and permits, in batches of 500 rows. */
export async function insertSample(
  tx: Db,
  rows: {
    segments: NewSegment[];
    conditions: NewCondition[];
    projects: NewProject[];
    reports: NewReport[];
    permits: NewPermit[];
  },
): Promise<void> {
  const batch = async <T>(table: Parameters<typeof tx.insert>[0], list: T[]) => {
    for (let i = 0; i < list.length; i += 500) await tx.insert(table).values(list.slice(i, i + 500) as never);
  };
  await batch(roadSegments, rows.segments);
  await batch(roadConditions, rows.conditions);
  await batch(projects, rows.projects);
  await batch(progressReports, rows.reports);
  await batch(projectPermits, rows.permits);
}

/** Every project's funding lines (to add up what each partner commitment already pays). */
export function findFundingLines(db: Db) {
  return db.select({ id: projects.id, funding: projects.funding }).from(projects);
}

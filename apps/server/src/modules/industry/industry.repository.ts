import { and, asc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  industries,
  industryReports,
  industrySentra,
  industryTrainingParticipants,
  industryTrainings,
} from './industry.schema.ts';

export type IndustryRow = typeof industries.$inferSelect;
export type NewIndustry = typeof industries.$inferInsert;
export type ReportRow = typeof industryReports.$inferSelect;
export type NewReport = typeof industryReports.$inferInsert;
export type SentraRow = typeof industrySentra.$inferSelect;
export type TrainingRow = typeof industryTrainings.$inferSelect;

export function findIndustries(db: Db, filter: { regionPrefix?: string; division?: string } = {}) {
  const where: SQL[] = [];
  if (filter.regionPrefix) where.push(like(industries.desaCode, `${filter.regionPrefix}.%`));
  if (filter.division) where.push(like(industries.kbli, `${filter.division}%`));
  return db
    .select()
    .from(industries)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(industries.name), asc(industries.id));
}

export async function findIndustry(db: Db, id: string): Promise<IndustryRow | null> {
  const [row] = await db.select().from(industries).where(eq(industries.id, id));
  return row ?? null;
}

export function findIndustriesByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([] as IndustryRow[]);
  return db
    .select()
    .from(industries)
    .where(inArray(industries.id, [...ids]));
}

export async function insertIndustry(tx: Db, row: NewIndustry): Promise<IndustryRow> {
  const [created] = await tx.insert(industries).values(row).returning();
  return created!;
}

export async function insertIndustries(tx: Db, rows: readonly NewIndustry[]) {
  if (rows.length) await tx.insert(industries).values([...rows]);
}

export async function updateIndustry(tx: Db, id: string, set: Partial<NewIndustry>, now: Date) {
  await tx
    .update(industries)
    .set({ ...set, updatedAt: now })
    .where(eq(industries.id, id));
}

/** Every business's report of one year. */
export function findReportsOfYear(db: Db, year: number) {
  return db.select().from(industryReports).where(eq(industryReports.year, year));
}

/** Reports of some businesses, or of all, by year. */
export function findReports(db: Db, industryIds?: readonly string[]) {
  if (industryIds && !industryIds.length) return Promise.resolve([] as ReportRow[]);
  return db
    .select()
    .from(industryReports)
    .where(industryIds ? inArray(industryReports.industryId, [...industryIds]) : undefined)
    .orderBy(asc(industryReports.year));
}

export async function findReport(db: Db, industryId: string, year: number): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(industryReports)
    .where(and(eq(industryReports.industryId, industryId), eq(industryReports.year, year)));
  return row ?? null;
}

export async function upsertReport(tx: Db, row: NewReport) {
  const { industryId: _, year: __, ...set } = row;
  await tx
    .insert(industryReports)
    .values(row)
    .onConflictDoUpdate({ target: [industryReports.industryId, industryReports.year], set });
}

export async function insertReports(tx: Db, rows: readonly NewReport[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(industryReports).values(rows.slice(i, i + 500));
}

export function findSentra(db: Db) {
  return db.select().from(industrySentra).orderBy(asc(industrySentra.name));
}

export async function findSentraById(db: Db, id: string): Promise<SentraRow | null> {
  const [row] = await db.select().from(industrySentra).where(eq(industrySentra.id, id));
  return row ?? null;
}

export async function insertSentra(tx: Db, rows: readonly (typeof industrySentra.$inferInsert)[]) {
  return rows.length
    ? tx
        .insert(industrySentra)
        .values([...rows])
        .returning()
    : [];
}

export async function countIndustries(db: Db): Promise<number> {
  return (await db.select({ id: industries.id }).from(industries).limit(1)).length;
}

export function findTrainings(db: Db) {
  return db
    .select()
    .from(industryTrainings)
    .orderBy(asc(industryTrainings.year), asc(industryTrainings.title));
}

export async function findTraining(db: Db, id: string): Promise<TrainingRow | null> {
  const [row] = await db.select().from(industryTrainings).where(eq(industryTrainings.id, id));
  return row ?? null;
}

/** Participants of some trainings (or all), as (training, business) pairs. */
export function findParticipants(db: Db, filter: { trainingId?: string; industryId?: string } = {}) {
  return db
    .select()
    .from(industryTrainingParticipants)
    .where(
      filter.trainingId
        ? eq(industryTrainingParticipants.trainingId, filter.trainingId)
        : filter.industryId
          ? eq(industryTrainingParticipants.industryId, filter.industryId)
          : undefined,
    );
}

export async function insertTraining(
  tx: Db,
  row: typeof industryTrainings.$inferInsert,
  participants: readonly string[],
): Promise<TrainingRow> {
  const [t] = await tx.insert(industryTrainings).values(row).returning();
  await tx
    .insert(industryTrainingParticipants)
    .values(participants.map((industryId) => ({ trainingId: t!.id, industryId })));
  return t!;
}

/**
 * Holds the year's registry totals for this transaction: two reports of one year saved at once
 * recompute the totals one after the other, so the later sees the earlier's report.
 */
export async function lockYear(tx: Db, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(current_schema() || ${`:industry:${year}`}))`);
}

import { and, count, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  citizenVerifications,
  proposalComments,
  proposalSupports,
  siteReportPhotos,
  siteReports,
} from './citizens.schema.ts';

export type CommentRow = typeof proposalComments.$inferSelect;

export async function insertVerification(tx: Db, v: typeof citizenVerifications.$inferInsert) {
  await tx.insert(citizenVerifications).values(v);
}

/** The unused, unexpired verification of a token's hash, with its account. */
export async function findVerification(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ userId: citizenVerifications.userId })
    .from(citizenVerifications)
    .where(
      and(
        eq(citizenVerifications.tokenHash, tokenHash),
        isNull(citizenVerifications.usedAt),
        gt(citizenVerifications.expiresAt, now),
      ),
    );
  return row ?? null;
}

/** Marks the verification used; false when another request used it first. */
export async function useVerification(tx: Db, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(citizenVerifications)
    .set({ usedAt: now })
    .where(and(eq(citizenVerifications.tokenHash, tokenHash), isNull(citizenVerifications.usedAt)))
    .returning({ userId: citizenVerifications.userId });
  return rows.length > 0;
}

/** How many verification mails an account was sent since a moment (a cap on resending). */
export async function countVerificationsSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(citizenVerifications)
    .where(and(eq(citizenVerifications.userId, userId), gt(citizenVerifications.createdAt, since)));
  return row?.n ?? 0;
}

/** Adds a support; false when this account already supports the proposal (one each). */
export async function insertSupport(tx: Db, proposalId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .insert(proposalSupports)
    .values({ proposalId, userId })
    .onConflictDoNothing()
    .returning({ userId: proposalSupports.userId });
  return rows.length > 0;
}

export async function deleteSupport(tx: Db, proposalId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(proposalSupports)
    .where(and(eq(proposalSupports.proposalId, proposalId), eq(proposalSupports.userId, userId)))
    .returning({ userId: proposalSupports.userId });
  return rows.length > 0;
}

/** Supports per proposal, for these proposals (one grouped query). */
/** The proposals an account supports. */
export async function findSupportedIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: proposalSupports.proposalId })
    .from(proposalSupports)
    .where(eq(proposalSupports.userId, userId));
  return rows.map((r) => r.id);
}

export async function countSupports(db: Db, proposalIds: readonly string[]) {
  if (!proposalIds.length) return [];
  return db
    .select({ proposalId: proposalSupports.proposalId, n: count() })
    .from(proposalSupports)
    .where(inArray(proposalSupports.proposalId, [...proposalIds]))
    .groupBy(proposalSupports.proposalId);
}

export async function hasSupport(db: Db, proposalId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(proposalSupports)
    .where(and(eq(proposalSupports.proposalId, proposalId), eq(proposalSupports.userId, userId)));
  return (row?.n ?? 0) > 0;
}

export async function insertComment(tx: Db, c: typeof proposalComments.$inferInsert) {
  const [row] = await tx.insert(proposalComments).values(c).returning();
  return row!;
}

/** A proposal's comments, oldest first. */
export function findComments(db: Db, proposalId: string) {
  return db
    .select()
    .from(proposalComments)
    .where(eq(proposalComments.proposalId, proposalId))
    .orderBy(proposalComments.createdAt);
}

export async function findComment(db: Db, id: string) {
  const [row] = await db.select().from(proposalComments).where(eq(proposalComments.id, id));
  return row ?? null;
}

/** Hides a comment once; false when it was already hidden (the first reason stands). */
export async function hideComment(
  tx: Db,
  id: string,
  reason: string,
  by: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(proposalComments)
    .set({ hiddenAt: now, hiddenReason: reason, hiddenBy: by })
    .where(and(eq(proposalComments.id, id), isNull(proposalComments.hiddenAt)))
    .returning({ id: proposalComments.id });
  return rows.length > 0;
}

/** How many comments an account wrote since a moment (a cap per day). */
export async function countCommentsSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(proposalComments)
    .where(and(eq(proposalComments.userId, userId), gt(proposalComments.createdAt, since)));
  return row?.n ?? 0;
}

export async function insertSiteReport(tx: Db, r: typeof siteReports.$inferInsert) {
  const [row] = await tx.insert(siteReports).values(r).returning();
  return row!;
}

export async function insertSiteReportPhoto(tx: Db, p: typeof siteReportPhotos.$inferInsert) {
  const [row] = await tx.insert(siteReportPhotos).values(p).returning({ id: siteReportPhotos.id });
  return row!.id;
}

/** A project's site reports, newest first, with their photos' ids. */
export async function findSiteReports(db: Db, projectId: string) {
  const reports = await db
    .select()
    .from(siteReports)
    .where(eq(siteReports.projectId, projectId))
    .orderBy(desc(siteReports.createdAt));
  const photos = reports.length
    ? await db
        .select({ id: siteReportPhotos.id, reportId: siteReportPhotos.reportId })
        .from(siteReportPhotos)
        .where(
          inArray(
            siteReportPhotos.reportId,
            reports.map((r) => r.id),
          ),
        )
        .orderBy(siteReportPhotos.createdAt)
    : [];
  return { reports, photos };
}

export async function findSiteReport(db: Db, id: string) {
  const [row] = await db.select().from(siteReports).where(eq(siteReports.id, id));
  return row ?? null;
}

export async function findSiteReportPhoto(db: Db, id: string) {
  const [row] = await db.select().from(siteReportPhotos).where(eq(siteReportPhotos.id, id));
  return row ?? null;
}

export async function countSiteReportPhotos(db: Db, reportId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(siteReportPhotos)
    .where(eq(siteReportPhotos.reportId, reportId));
  return row?.n ?? 0;
}

/** How many site reports an account sent since a moment (a cap per day). */
export async function countSiteReportsSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(siteReports)
    .where(and(eq(siteReports.userId, userId), gt(siteReports.createdAt, since)));
  return row?.n ?? 0;
}

/** Answers a site report once; false when it already has an answer. */
export async function answerSiteReport(
  tx: Db,
  id: string,
  answer: string,
  by: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(siteReports)
    .set({ answer, answeredBy: by, answeredAt: now })
    .where(and(eq(siteReports.id, id), isNull(siteReports.answeredAt)))
    .returning({ id: siteReports.id });
  return rows.length > 0;
}

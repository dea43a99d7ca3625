import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { consultationComments, consultations } from './consultations.schema.ts';

export type ConsultationRow = typeof consultations.$inferSelect;
export type CommentRow = typeof consultationComments.$inferSelect;

export async function insertConsultation(
  tx: Db,
  row: typeof consultations.$inferInsert,
): Promise<ConsultationRow> {
  const [created] = await tx.insert(consultations).values(row).returning();
  return created!;
}

export async function findConsultation(db: Db, id: string): Promise<ConsultationRow | null> {
  const [row] = await db.select().from(consultations).where(eq(consultations.id, id));
  return row ?? null;
}

/** Every consultation (of a plan, if given), newest window first. */
export function findConsultations(db: Db, planId?: string) {
  return db
    .select()
    .from(consultations)
    .where(planId ? eq(consultations.planId, planId) : undefined)
    .orderBy(desc(consultations.opensOn), desc(consultations.createdAt));
}

/** Comments and those still without an answer, per consultation. */
export function countComments(db: Db) {
  return db
    .select({
      consultationId: consultationComments.consultationId,
      comments: sql<number>`count(*)::int`,
      unanswered: sql<number>`(count(*) filter (where ${consultationComments.answer} is null))::int`,
    })
    .from(consultationComments)
    .groupBy(consultationComments.consultationId);
}

/** Moves a consultation from one state to the next; false when another request moved it first. */
export async function setState(tx: Db, id: string, from: string, to: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(consultations)
    .set({ state: to, updatedAt: now })
    .where(and(eq(consultations.id, id), eq(consultations.state, from)))
    .returning({ id: consultations.id });
  return rows.length > 0;
}

export function findComments(db: Db, consultationId: string) {
  return db
    .select()
    .from(consultationComments)
    .where(eq(consultationComments.consultationId, consultationId))
    .orderBy(asc(consultationComments.createdAt), asc(consultationComments.id));
}

export async function findComment(db: Db, id: string): Promise<CommentRow | null> {
  const [row] = await db.select().from(consultationComments).where(eq(consultationComments.id, id));
  return row ?? null;
}

export async function countUnanswered(db: Db, consultationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consultationComments)
    .where(and(eq(consultationComments.consultationId, consultationId), isNull(consultationComments.answer)));
  return row?.n ?? 0;
}

export async function insertComment(
  tx: Db,
  row: typeof consultationComments.$inferInsert,
): Promise<CommentRow> {
  const [created] = await tx.insert(consultationComments).values(row).returning();
  return created!;
}

/** Records the answer to a comment once: false when it already has one (a second answer is refused). */
export async function answerComment(
  tx: Db,
  id: string,
  answer: { text: string; by: string; at: Date },
): Promise<boolean> {
  const rows = await tx
    .update(consultationComments)
    .set({ answer: answer.text, answeredBy: answer.by, answeredAt: answer.at })
    .where(and(eq(consultationComments.id, id), isNull(consultationComments.answer)))
    .returning({ id: consultationComments.id });
  return rows.length > 0;
}

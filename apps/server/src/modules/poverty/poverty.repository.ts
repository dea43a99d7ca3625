import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { surveyHouseholds } from './poverty.schema.ts';

export type NewHousehold = typeof surveyHouseholds.$inferInsert;

/** The surveys held, with their number of households. */
export function findSurveys(db: Db) {
  return db
    .select({ survey: surveyHouseholds.survey, n: sql<number>`count(*)::int` })
    .from(surveyHouseholds)
    .groupBy(surveyHouseholds.survey)
    .orderBy(asc(surveyHouseholds.survey));
}

export function findHouseholds(db: Db, survey: string) {
  return db.select().from(surveyHouseholds).where(eq(surveyHouseholds.survey, survey));
}

/** Replaces a survey's households with these, in batches of 1,000 rows. */
export async function replaceSurvey(tx: Db, survey: string, rows: readonly NewHousehold[]): Promise<void> {
  await tx.delete(surveyHouseholds).where(eq(surveyHouseholds.survey, survey));
  for (let i = 0; i < rows.length; i += 1000)
    await tx.insert(surveyHouseholds).values(rows.slice(i, i + 1000));
}

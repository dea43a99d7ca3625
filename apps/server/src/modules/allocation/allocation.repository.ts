import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { allocationScenarios } from './allocation.schema.ts';

export type ScenarioRow = typeof allocationScenarios.$inferSelect;

export async function insertScenario(tx: Db, values: typeof allocationScenarios.$inferInsert) {
  const [row] = await tx.insert(allocationScenarios).values(values).returning();
  return row!;
}

export async function findScenario(db: Db, id: string): Promise<ScenarioRow | null> {
  const [row] = await db.select().from(allocationScenarios).where(eq(allocationScenarios.id, id));
  return row ?? null;
}

export async function listScenarios(db: Db) {
  return db.select().from(allocationScenarios).orderBy(desc(allocationScenarios.updatedAt));
}

export async function updateScenario(
  tx: Db,
  id: string,
  patch: Partial<typeof allocationScenarios.$inferInsert>,
  now: Date,
) {
  await tx
    .update(allocationScenarios)
    .set({ ...patch, updatedAt: now })
    .where(eq(allocationScenarios.id, id));
}

/** The scenario of a plan year adopted now, if any (at most one: a unique index keeps it so). */
export async function findAdopted(db: Db, planYear: number): Promise<ScenarioRow | null> {
  const [row] = await db
    .select()
    .from(allocationScenarios)
    .where(and(eq(allocationScenarios.planYear, planYear), eq(allocationScenarios.state, 'diadopsi')));
  return row ?? null;
}

/** Moves a scenario from one state to another only if it is still in the first: false when another request got there first. */
export async function updateScenarioFrom(
  tx: Db,
  id: string,
  from: string,
  patch: Partial<typeof allocationScenarios.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(allocationScenarios)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(allocationScenarios.id, id), eq(allocationScenarios.state, from)))
    .returning({ id: allocationScenarios.id });
  return rows.length > 0;
}

/** Scenarios in a state (drafts still open, the adopted ones), newest first. */
export function findScenariosInState(db: Db, state: string) {
  return db
    .select({
      id: allocationScenarios.id,
      name: allocationScenarios.name,
      planYear: allocationScenarios.planYear,
    })
    .from(allocationScenarios)
    .where(eq(allocationScenarios.state, state))
    .orderBy(desc(allocationScenarios.updatedAt));
}

import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations } from './organisations.schema.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;

export async function findOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.select().from(organisations).orderBy(organisations.kind, organisations.name);
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | null> {
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findOrganisationByCode(db: Db, code: string): Promise<OrganisationRow | null> {
  const rows = await db.select().from(organisations).where(eq(organisations.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function insertOrganisation(db: Db, row: NewOrganisation): Promise<OrganisationRow> {
  const [inserted] = await db.insert(organisations).values(row).returning();
  return inserted!;
}

export async function updateOrganisation(db: Db, id: string, patch: Partial<NewOrganisation>) {
  const [row] = await db.update(organisations).set(patch).where(eq(organisations.id, id)).returning();
  return row ?? null;
}

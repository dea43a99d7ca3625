import { groupBy } from '@sinergi/core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { partnerAgreements, partnerCommitments, partnerStudies, partners } from './partners.schema.ts';

export type PartnerRow = typeof partners.$inferSelect;

export async function insertPartner(tx: Db, row: typeof partners.$inferInsert): Promise<PartnerRow> {
  const [created] = await tx.insert(partners).values(row).returning();
  return created!;
}

export function findPartners(db: Db) {
  return db.select().from(partners).orderBy(asc(partners.name));
}

export function findPartnersByIds(db: Db, ids: readonly string[]) {
  return db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(inArray(partners.id, [...ids]));
}

export async function findPartner(db: Db, id: string): Promise<PartnerRow | null> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  return row ?? null;
}

/** Agreements (of some partners, or all) with their commitments. */
export async function findAgreements(db: Db, partnerIds?: readonly string[]) {
  const agreements = await db
    .select()
    .from(partnerAgreements)
    .where(partnerIds ? inArray(partnerAgreements.partnerId, [...partnerIds]) : undefined)
    .orderBy(asc(partnerAgreements.startsOn), asc(partnerAgreements.createdAt));
  const commitments = agreements.length
    ? await db
        .select()
        .from(partnerCommitments)
        .where(
          inArray(
            partnerCommitments.agreementId,
            agreements.map((a) => a.id),
          ),
        )
    : [];
  const byAgreement = groupBy(commitments, (c) => c.agreementId);
  return agreements.map((a) => ({ ...a, commitments: byAgreement.get(a.id) ?? [] }));
}

export async function insertAgreement(
  tx: Db,
  row: typeof partnerAgreements.$inferInsert,
  commitments: readonly { kind: string; description: string; amount?: number | undefined }[],
) {
  const [a] = await tx.insert(partnerAgreements).values(row).returning();
  await tx.insert(partnerCommitments).values(
    commitments.map((c) => ({
      agreementId: a!.id,
      kind: c.kind,
      description: c.description,
      amount: c.amount ?? null,
    })),
  );
  return a!;
}

/** Commitments by id, each with the partner of its agreement. */
export async function findCommitmentsByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: partnerCommitments.id,
      kind: partnerCommitments.kind,
      amount: partnerCommitments.amount,
      description: partnerCommitments.description,
      partnerId: partnerAgreements.partnerId,
    })
    .from(partnerCommitments)
    .innerJoin(partnerAgreements, eq(partnerAgreements.id, partnerCommitments.agreementId))
    .where(inArray(partnerCommitments.id, [...ids]));
}

export function findStudies(db: Db, partnerId?: string) {
  return db
    .select()
    .from(partnerStudies)
    .where(partnerId ? eq(partnerStudies.partnerId, partnerId) : undefined)
    .orderBy(asc(partnerStudies.year), asc(partnerStudies.title));
}

export async function insertStudy(tx: Db, row: typeof partnerStudies.$inferInsert) {
  const [s] = await tx.insert(partnerStudies).values(row).returning();
  return s!;
}

import { and, asc, count, desc, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { kamusUsulan, proposalEvents, proposalPhotos, proposals } from './musrenbang.schema.ts';

export type ProposalRow = typeof proposals.$inferSelect;
export type NewProposal = typeof proposals.$inferInsert;
export type NewEvent = typeof proposalEvents.$inferInsert;
export type KamusRow = typeof kamusUsulan.$inferSelect;

export async function insertProposal(tx: Db, values: NewProposal): Promise<ProposalRow> {
  const [row] = await tx.insert(proposals).values(values).returning();
  return row!;
}

export async function insertEvent(tx: Db, values: NewEvent): Promise<void> {
  await tx.insert(proposalEvents).values(values);
}

export async function findProposal(db: Db, id: string): Promise<ProposalRow | null> {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id));
  return row ?? null;
}

export async function findByTrackingCode(db: Db, code: string): Promise<ProposalRow | null> {
  const [row] = await db.select().from(proposals).where(eq(proposals.trackingCode, code));
  return row ?? null;
}

export async function updateProposal(tx: Db, id: string, patch: Partial<NewProposal>, now: Date) {
  await tx
    .update(proposals)
    .set({ ...patch, updatedAt: now })
    .where(eq(proposals.id, id));
}

/**
 * Changes a proposal only if it is still where the decision found it (same step, state and year):
 * of two decisions made at once, the second finds nothing to change. Returns whether it changed.
 */
export async function updateProposalFrom(
  tx: Db,
  id: string,
  from: Pick<ProposalRow, 'stage' | 'state' | 'planYear'>,
  patch: Partial<NewProposal>,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(proposals)
    .set({ ...patch, updatedAt: now })
    .where(
      and(
        eq(proposals.id, id),
        eq(proposals.stage, from.stage),
        eq(proposals.state, from.state),
        eq(proposals.planYear, from.planYear),
      ),
    )
    .returning({ id: proposals.id });
  return rows.length > 0;
}

export interface ProposalFilter {
  year?: number | undefined;
  stage?: string | undefined;
  stages?: readonly string[] | undefined;
  /** Stages left out (the public list leaves out what is still in moderation). */
  notStages?: readonly string[] | undefined;
  bidang?: string | undefined;
  state?: string | undefined;
  track?: string | undefined;
  within?: string | undefined;
  organisationId?: string | undefined;
  q?: string | undefined;
  /** The account that entered them (a council member's pokir). */
  proposer?: string | undefined;
  limit: number;
  offset: number;
}

function whereOf(f: ProposalFilter) {
  return and(
    f.year !== undefined ? eq(proposals.planYear, f.year) : undefined,
    f.stage ? eq(proposals.stage, f.stage) : undefined,
    f.stages ? inArray(proposals.stage, [...f.stages]) : undefined,
    f.notStages?.length ? notInArray(proposals.stage, [...f.notStages]) : undefined,
    f.bidang ? eq(proposals.bidang, f.bidang) : undefined,
    f.state ? eq(proposals.state, f.state) : undefined,
    f.track ? eq(proposals.track, f.track) : undefined,
    f.within
      ? sql`(${proposals.regionCode} = ${f.within} or ${proposals.regionCode} like ${`${f.within}.%`})`
      : undefined,
    f.organisationId ? eq(proposals.organisationId, f.organisationId) : undefined,
    f.proposer ? eq(proposals.proposerUserId, f.proposer) : undefined,
    f.q
      ? sql`(lower(${proposals.title}) like ${`%${f.q.toLowerCase()}%`} or ${proposals.trackingCode} = ${f.q.toUpperCase()})`
      : undefined,
  );
}

export async function listProposals(db: Db, f: ProposalFilter) {
  const where = whereOf(f);
  const rows = await db
    .select({ p: proposals, org: { id: organisations.id, shortName: organisations.shortName } })
    .from(proposals)
    .leftJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(where)
    .orderBy(desc(proposals.planYear), asc(proposals.regionCode), asc(proposals.createdAt))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(proposals).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** How many proposals of a filter lie in each desa (the public map), in one grouped query. */
export function countByRegion(db: Db, f: Omit<ProposalFilter, 'limit' | 'offset'>) {
  return db
    .select({ regionCode: proposals.regionCode, n: count() })
    .from(proposals)
    .where(whereOf({ ...f, limit: 0, offset: 0 }))
    .groupBy(proposals.regionCode);
}

/** Active proposals of these desa in a plan year: the candidates for the duplicate check. */
export async function findActiveInRegions(db: Db, regionCodes: readonly string[], year: number) {
  if (regionCodes.length === 0) return [];
  return db
    .select({
      id: proposals.id,
      trackingCode: proposals.trackingCode,
      title: proposals.title,
      regionCode: proposals.regionCode,
      stage: proposals.stage,
    })
    .from(proposals)
    .where(
      and(
        inArray(proposals.regionCode, [...regionCodes]),
        eq(proposals.planYear, year),
        eq(proposals.state, 'aktif'),
      ),
    );
}

export async function findEvents(db: Db, proposalId: string) {
  return db
    .select()
    .from(proposalEvents)
    .where(eq(proposalEvents.proposalId, proposalId))
    .orderBy(asc(proposalEvents.id));
}

/** Tracking codes of proposals by id (to show merge links by their public handle). */
export async function trackingCodesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: proposals.id, code: proposals.trackingCode })
    .from(proposals)
    .where(inArray(proposals.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Proposals merged into this one: their proposers are this proposal's proposers too. */
export async function findMergedInto(db: Db, id: string) {
  return db
    .select({ trackingCode: proposals.trackingCode, proposerName: proposals.proposerName })
    .from(proposals)
    .where(eq(proposals.mergedInto, id))
    .orderBy(asc(proposals.createdAt));
}

export async function findOrganisationName(db: Db, id: string): Promise<string | null> {
  const [row] = await db
    .select({ shortName: organisations.shortName })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.shortName ?? null;
}

export async function insertPhoto(
  tx: Db,
  values: { proposalId: string; mediaType: string; size: number; data: Buffer },
) {
  const [row] = await tx.insert(proposalPhotos).values(values).returning({ id: proposalPhotos.id });
  return row!.id;
}

export async function findPhotos(db: Db, proposalId: string) {
  return db
    .select({ id: proposalPhotos.id, mediaType: proposalPhotos.mediaType, size: proposalPhotos.size })
    .from(proposalPhotos)
    .where(eq(proposalPhotos.proposalId, proposalId))
    .orderBy(asc(proposalPhotos.createdAt));
}

export async function findPhoto(db: Db, proposalId: string, photoId: string) {
  const [row] = await db
    .select()
    .from(proposalPhotos)
    .where(and(eq(proposalPhotos.proposalId, proposalId), eq(proposalPhotos.id, photoId)));
  return row ?? null;
}

/** Active, unfunded proposals of a year (or of every year up to it), past moderation: what the roll-over moves. */
export async function findRollover(db: Db, year: number, upTo = false) {
  return db
    .select()
    .from(proposals)
    .where(
      and(
        upTo ? lte(proposals.planYear, year) : eq(proposals.planYear, year),
        eq(proposals.state, 'aktif'),
        notInArray(proposals.stage, ['moderasi', 'apbd', 'pelaksanaan']),
      ),
    );
}

export async function listKamus(db: Db) {
  return db
    .select({ k: kamusUsulan, org: { id: organisations.id, shortName: organisations.shortName } })
    .from(kamusUsulan)
    .leftJoin(organisations, eq(organisations.id, kamusUsulan.organisationId))
    .where(eq(kamusUsulan.active, true))
    .orderBy(asc(kamusUsulan.code));
}

export async function findKamus(db: Db, code: string): Promise<KamusRow | null> {
  const [row] = await db.select().from(kamusUsulan).where(eq(kamusUsulan.code, code));
  return row ?? null;
}

/** Inserts or updates entries; returns how many rows changed (an identical row is not counted). */
export async function upsertKamus(tx: Db, rows: Omit<KamusRow, 'updatedAt' | 'active'>[], now: Date) {
  let changed = 0;
  for (const r of rows) {
    const existing = await findKamus(tx, r.code);
    const same =
      existing?.active &&
      existing.name === r.name &&
      existing.bidang === r.bidang &&
      existing.organisationId === r.organisationId &&
      existing.program === r.program &&
      existing.unit === r.unit &&
      existing.unitCost === r.unitCost;
    if (same) continue;
    changed++;
    await tx
      .insert(kamusUsulan)
      .values({ ...r, active: true, updatedAt: now })
      .onConflictDoUpdate({ target: kamusUsulan.code, set: { ...r, active: true, updatedAt: now } });
  }
  return changed;
}

/** Every proposal of a plan year with its OPD code, for the SIPD-layout export. */
export async function findYear(db: Db, year: number) {
  return db
    .select({ p: proposals, orgCode: organisations.code })
    .from(proposals)
    .leftJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(eq(proposals.planYear, year))
    .orderBy(asc(proposals.regionCode), asc(proposals.createdAt));
}

export async function findEventsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(proposalEvents)
    .where(inArray(proposalEvents.proposalId, [...ids]))
    .orderBy(asc(proposalEvents.id));
}

export async function trackingCodesExisting(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: proposals.trackingCode })
    .from(proposals)
    .where(inArray(proposals.trackingCode, [...codes]));
  return new Set(rows.map((r) => r.code));
}

/** Proposals linked to the given plan items (the RKPD/Renja work that would fund them). */
export function findLinkedToPlanNodes(db: Db, nodeIds: readonly string[]) {
  if (!nodeIds.length) return Promise.resolve([]);
  return db
    .select({
      id: proposals.id,
      trackingCode: proposals.trackingCode,
      title: proposals.title,
      stage: proposals.stage,
      regionCode: proposals.regionCode,
      estimatedCost: proposals.estimatedCost,
      planNodeId: proposals.planNodeId,
    })
    .from(proposals)
    .where(inArray(proposals.planNodeId, [...nodeIds]));
}

export async function setPlanNode(tx: Db, ids: readonly string[], nodeId: string | null): Promise<void> {
  if (ids.length)
    await tx
      .update(proposals)
      .set({ planNodeId: nodeId })
      .where(inArray(proposals.id, [...ids]));
}

/** The first proposals addressed to an organisation, by tracking code (for the sample's links). */
export async function firstOfOrganisation(db: Db, organisationId: string, limit: number) {
  const rows = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(eq(proposals.organisationId, organisationId))
    .orderBy(asc(proposals.trackingCode))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function countProposals(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(proposals);
  return row?.n ?? 0;
}

/**
 * What a plan year has funded: the estimated cost of its proposals at the budget step or beyond
 * (implemented or completed). `lock` first takes the year's funding lock for the transaction, so
 * two offices funding at once are counted one after the other.
 */
export async function fundedTotal(db: Db, year: number, lock = false): Promise<number> {
  if (lock)
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(current_schema() || ${`:funding:${year}`}))`);
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${proposals.estimatedCost}), 0)` })
    .from(proposals)
    .where(
      and(
        eq(proposals.planYear, year),
        inArray(proposals.stage, ['apbd', 'pelaksanaan']),
        inArray(proposals.state, ['aktif', 'selesai']),
      ),
    );
  return Number(row?.total ?? 0);
}

/** Proposals of a plan year counted by stage and state (where each step of the year stands). */
export function countByStage(db: Db, year: number) {
  return db
    .select({ stage: proposals.stage, state: proposals.state, n: count() })
    .from(proposals)
    .where(eq(proposals.planYear, year))
    .groupBy(proposals.stage, proposals.state);
}

import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { forumItems, forums, proposalEvents, proposals } from './musrenbang.schema.ts';

export type ForumRow = typeof forums.$inferSelect;
export type ForumItemRow = typeof forumItems.$inferSelect;

export async function insertForum(tx: Db, values: typeof forums.$inferInsert): Promise<ForumRow> {
  const [row] = await tx.insert(forums).values(values).returning();
  return row!;
}

export async function findForum(db: Db, id: string): Promise<ForumRow | null> {
  const [row] = await db.select().from(forums).where(eq(forums.id, id));
  return row ?? null;
}

export async function listForums(db: Db, year: number | undefined) {
  return db
    .select({
      f: forums,
      agenda: sql<number>`(select count(*)::int from forum_items i where i.forum_id = ${forums.id})`,
    })
    .from(forums)
    .where(year !== undefined ? eq(forums.planYear, year) : undefined)
    .orderBy(desc(forums.heldOn), asc(forums.title));
}

export async function updateForum(tx: Db, id: string, patch: Partial<typeof forums.$inferInsert>, now: Date) {
  await tx
    .update(forums)
    .set({ ...patch, updatedAt: now })
    .where(eq(forums.id, id));
}

/** The agenda with each proposal and its OPD, in agenda order. */
export async function findItems(db: Db, forumId: string) {
  return db
    .select({
      item: forumItems,
      p: proposals,
      org: { id: organisations.id, shortName: organisations.shortName },
    })
    .from(forumItems)
    .innerJoin(proposals, eq(proposals.id, forumItems.proposalId))
    .leftJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(eq(forumItems.forumId, forumId))
    .orderBy(asc(forumItems.position));
}

/** Active proposals at a step, of a plan year, inside a region: what a forum may put on its agenda. */
export async function findAtStep(db: Db, q: { stage: string; year: number; within: string }) {
  return db
    .select({ p: proposals, org: { id: organisations.id, shortName: organisations.shortName } })
    .from(proposals)
    .leftJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(
      and(
        eq(proposals.stage, q.stage),
        eq(proposals.planYear, q.year),
        eq(proposals.state, 'aktif'),
        sql`(${proposals.regionCode} = ${q.within} or ${proposals.regionCode} like ${`${q.within}.%`})`,
      ),
    )
    .orderBy(asc(proposals.regionCode), asc(proposals.createdAt));
}

export async function replaceAgenda(tx: Db, forumId: string, proposalIds: readonly string[]) {
  const existing = await tx.select().from(forumItems).where(eq(forumItems.forumId, forumId));
  const keep = new Map(existing.map((e) => [e.proposalId, e]));
  await tx.delete(forumItems).where(eq(forumItems.forumId, forumId));
  if (proposalIds.length === 0) return;
  await tx.insert(forumItems).values(
    proposalIds.map((proposalId, position) => ({
      forumId,
      proposalId,
      position: position + 1,
      scores: keep.get(proposalId)?.scores ?? {},
      votes: keep.get(proposalId)?.votes ?? 0,
    })),
  );
}

export async function setScores(
  tx: Db,
  forumId: string,
  items: readonly { proposalId: string; scores: Record<string, number>; votes: number; rank: number }[],
) {
  for (const i of items)
    await tx
      .update(forumItems)
      .set({ scores: i.scores, votes: i.votes, rank: i.rank })
      .where(and(eq(forumItems.forumId, forumId), eq(forumItems.proposalId, i.proposalId)));
}

export async function setDecisions(tx: Db, forumId: string, decisions: ReadonlyMap<string, string | null>) {
  for (const [proposalId, decision] of decisions)
    await tx
      .update(forumItems)
      .set({ decision })
      .where(and(eq(forumItems.forumId, forumId), eq(forumItems.proposalId, proposalId)));
}

export async function countAgenda(db: Db, forumId: string) {
  const [row] = await db.select({ n: count() }).from(forumItems).where(eq(forumItems.forumId, forumId));
  return row?.n ?? 0;
}

export async function proposalsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(proposals)
    .where(inArray(proposals.id, [...ids]));
}

/** The rank each proposal got in the latest forum that ranked it. */
export async function latestRanks(db: Db, proposalIds: readonly string[]): Promise<Map<string, number>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await db
    .select({ proposalId: forumItems.proposalId, rank: forumItems.rank, heldOn: forums.heldOn })
    .from(forumItems)
    .innerJoin(forums, eq(forums.id, forumItems.forumId))
    .where(and(inArray(forumItems.proposalId, [...proposalIds]), sql`${forumItems.rank} is not null`))
    .orderBy(asc(forums.heldOn));
  return new Map(rows.map((r) => [r.proposalId, r.rank!]));
}

/** Moves a forum from one state to another only if it is still in the first; false when another request got there first. */
export async function updateForumFrom(
  tx: Db,
  id: string,
  from: string,
  patch: Partial<typeof forums.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(forums)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(forums.id, id), eq(forums.state, from)))
    .returning({ id: forums.id });
  return rows.length > 0;
}

/** Forums not yet closed, within a region (all of them when null): the forums still to hold. */
export function findOpenForums(db: Db, within: string | null) {
  return db
    .select({ id: forums.id, title: forums.title, level: forums.level, heldOn: forums.heldOn })
    .from(forums)
    .where(
      and(
        eq(forums.state, 'draf'),
        within === null
          ? undefined
          : sql`(${forums.regionCode} = ${within} or ${forums.regionCode} like ${`${within}.%`})`,
      ),
    )
    .orderBy(asc(forums.heldOn));
}

/** The forum's latest decision on each proposal, with its reason, year and merge target (the berita acara's column). */
export async function findForumDecisions(db: Db, forumId: string) {
  const rows = await db
    .select({
      proposalId: proposalEvents.proposalId,
      kind: proposalEvents.kind,
      reason: proposalEvents.reason,
      note: proposalEvents.note,
      toYear: proposalEvents.toYear,
      into: sql<
        string | null
      >`(select p.tracking_code from proposals p where p.id = ${proposalEvents.relatedProposalId})`,
    })
    .from(proposalEvents)
    .where(
      and(
        eq(proposalEvents.forumId, forumId),
        inArray(proposalEvents.kind, ['teruskan', 'gabung', 'tunda', 'tolak']),
      ),
    )
    .orderBy(asc(proposalEvents.id));
  // Later rows (after a reopening) replace earlier ones.
  return new Map(rows.map((r) => [r.proposalId, r]));
}

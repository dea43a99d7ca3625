import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pbBallots, pbElections, pbProjects, pbVoters } from './pb.schema.ts';

export type ElectionRow = typeof pbElections.$inferSelect;
export type ProjectRow = typeof pbProjects.$inferSelect;

export async function insertElection(tx: Db, values: typeof pbElections.$inferInsert) {
  const [row] = await tx.insert(pbElections).values(values).returning();
  return row!;
}

export async function updateElection(
  tx: Db,
  id: string,
  patch: Partial<typeof pbElections.$inferInsert>,
  now: Date,
) {
  await tx
    .update(pbElections)
    .set({ ...patch, updatedAt: now })
    .where(eq(pbElections.id, id));
}

export async function findElection(db: Db, id: string): Promise<ElectionRow | null> {
  const [row] = await db.select().from(pbElections).where(eq(pbElections.id, id));
  return row ?? null;
}

/** The list's columns only: a counted election's stored result (every round's payments) can run to megabytes. */
export async function listElections(db: Db) {
  return db
    .select({
      id: pbElections.id,
      title: pbElections.title,
      planYear: pbElections.planYear,
      budget: pbElections.budget,
      state: pbElections.state,
      source: pbElections.source,
      meta: pbElections.meta,
      overridden: sql<boolean>`${pbElections.override} is not null`,
      updatedAt: pbElections.updatedAt,
    })
    .from(pbElections)
    .orderBy(desc(pbElections.createdAt));
}

export async function replaceProjects(tx: Db, electionId: string, rows: (typeof pbProjects.$inferInsert)[]) {
  await tx.delete(pbProjects).where(eq(pbProjects.electionId, electionId));
  if (rows.length) await tx.insert(pbProjects).values(rows);
}

export async function findProjects(db: Db, electionId: string): Promise<ProjectRow[]> {
  return db
    .select()
    .from(pbProjects)
    .where(eq(pbProjects.electionId, electionId))
    .orderBy(asc(pbProjects.position));
}

export async function insertVoter(tx: Db, values: typeof pbVoters.$inferInsert) {
  await tx.insert(pbVoters).values(values);
}

export async function findVoterByNik(db: Db, electionId: string, nikHash: string) {
  const [row] = await db
    .select({ id: pbVoters.id })
    .from(pbVoters)
    .where(and(eq(pbVoters.electionId, electionId), eq(pbVoters.nikHash, nikHash)));
  return row ?? null;
}

export async function findVoterByCode(db: Db, electionId: string, codeHash: string) {
  const [row] = await db
    .select()
    .from(pbVoters)
    .where(and(eq(pbVoters.electionId, electionId), eq(pbVoters.codeHash, codeHash)));
  return row ?? null;
}

/** Marks the code used; false when another request used it first. */
export async function markVoted(tx: Db, voterId: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(pbVoters)
    .set({ votedAt: now })
    .where(and(eq(pbVoters.id, voterId), isNull(pbVoters.votedAt)))
    .returning({ id: pbVoters.id });
  return rows.length === 1;
}

export async function insertBallots(tx: Db, rows: (typeof pbBallots.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(pbBallots).values(rows.slice(i, i + 1000));
}

/**
 * The ballots of an imported file, 20,000 at a time as one JSON parameter that the database
 * unpacks (a thousand rows of bound parameters at a time held PGlite for 25 s for 300,000 ballots).
 */
export async function insertImportedBallots(
  tx: Db,
  electionId: string,
  castAt: Date,
  rows: readonly { receipt: string; vote: string[]; points: number[] | null }[],
) {
  for (let i = 0; i < rows.length; i += 20_000) {
    const batch = JSON.stringify(rows.slice(i, i + 20_000));
    await tx.execute(
      sql`insert into pb_ballots (election_id, receipt, region_code, channel, vote, points, cast_at)
          select ${electionId}::uuid, r.receipt, null, 'import', r.vote, r.points, ${castAt.toISOString()}::timestamptz
            from jsonb_to_recordset(${batch}::jsonb) as r(receipt text, vote jsonb, points jsonb)`,
    );
  }
}

export async function findBallots(db: Db, electionId: string) {
  return (
    db
      .select({ regionCode: pbBallots.regionCode, vote: pbBallots.vote, points: pbBallots.points })
      .from(pbBallots)
      .where(eq(pbBallots.electionId, electionId))
      // By receipt (random), so no order hints at who voted when.
      .orderBy(asc(pbBallots.receipt))
  );
}

/** Every ballot's receipt and content, to compute the public fingerprints (never sent as such). */
export function findBallotReceipts(db: Db, electionId: string) {
  return db
    .select({ receipt: pbBallots.receipt, vote: pbBallots.vote, points: pbBallots.points })
    .from(pbBallots)
    .where(eq(pbBallots.electionId, electionId));
}

export async function findBallotByReceipt(db: Db, receipt: string) {
  const [row] = await db.select().from(pbBallots).where(eq(pbBallots.receipt, receipt));
  return row ?? null;
}

/** countsOf for many elections in two queries (the list made three per election). */
export async function countsOfAll(db: Db, electionIds: string[]) {
  const counts = new Map(
    electionIds.map((id) => [id, { ballots: 0, byChannel: {} as Record<string, number>, registered: 0 }]),
  );
  if (!electionIds.length) return counts;
  const ballots = await db
    .select({ election: pbBallots.electionId, channel: pbBallots.channel, n: count() })
    .from(pbBallots)
    .where(inArray(pbBallots.electionId, electionIds))
    .groupBy(pbBallots.electionId, pbBallots.channel);
  for (const r of ballots) {
    const c = counts.get(r.election)!;
    c.ballots += r.n;
    c.byChannel[r.channel] = r.n;
  }
  const voters = await db
    .select({ election: pbVoters.electionId, n: count() })
    .from(pbVoters)
    .where(inArray(pbVoters.electionId, electionIds))
    .groupBy(pbVoters.electionId);
  for (const r of voters) counts.get(r.election)!.registered = r.n;
  return counts;
}

export async function countsOf(db: Db, electionId: string) {
  const [ballots] = await db
    .select({ n: count() })
    .from(pbBallots)
    .where(eq(pbBallots.electionId, electionId));
  const byChannel = await db
    .select({ channel: pbBallots.channel, n: count() })
    .from(pbBallots)
    .where(eq(pbBallots.electionId, electionId))
    .groupBy(pbBallots.channel);
  const [voters] = await db.select({ n: count() }).from(pbVoters).where(eq(pbVoters.electionId, electionId));
  return {
    ballots: ballots?.n ?? 0,
    byChannel: Object.fromEntries(byChannel.map((r) => [r.channel, r.n])),
    registered: voters?.n ?? 0,
  };
}

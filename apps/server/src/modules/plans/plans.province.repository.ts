import { and, count, eq, inArray, isNotNull, max, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { NewNode, NewPlan } from './plans.repository.ts';
import { planLinks, planNodes, plans } from './plans.schema.ts';

/**
 * The copies a kabupaten keeps of its province's plans (plans.source = 'provinsi'), and what the
 * province reads of a kabupaten's own plans. Each query runs on one government's own database.
 */

/** How many copies of a source a kabupaten keeps, and when they were last taken. */
export async function countCopies(db: Db, source: string) {
  const [row] = await db
    .select({ plans: count(), takenAt: max(plans.updatedAt) })
    .from(plans)
    .where(eq(plans.source, source));
  return { plans: row?.plans ?? 0, takenAt: row?.takenAt ?? null };
}

/**
 * Replaces the copies of a source by the plans and items given (same ids as the source's own):
 * items no longer there are removed with this kabupaten's links to them, counted first.
 */
export async function replaceCopies(
  tx: Db,
  source: string,
  planRows: NewPlan[],
  nodeRows: NewNode[],
  now: Date,
) {
  // One copy at a time: two takes at once would both count the links they remove.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(current_schema() || ${`:plan-copy:${source}`}))`,
  );
  const copied = tx.select({ id: plans.id }).from(plans).where(eq(plans.source, source));
  const keep = nodeRows.map((n) => n.id!);
  const gone = and(
    inArray(planNodes.planId, copied),
    keep.length ? notInArray(planNodes.id, keep) : undefined,
  );
  const [lost] = await tx
    .select({ n: count() })
    .from(planLinks)
    .where(inArray(planLinks.supportsId, tx.select({ id: planNodes.id }).from(planNodes).where(gone)));
  const removed = await tx.delete(planNodes).where(gone).returning({ id: planNodes.id });
  const keepPlans = planRows.map((p) => p.id!);
  await tx
    .delete(plans)
    .where(and(eq(plans.source, source), keepPlans.length ? notInArray(plans.id, keepPlans) : undefined));
  for (const p of planRows)
    await tx
      .insert(plans)
      .values({ ...p, source, updatedAt: now })
      .onConflictDoUpdate({
        target: plans.id,
        set: {
          kind: p.kind,
          level: p.level,
          name: p.name,
          startYear: p.startYear,
          endYear: p.endYear,
          owner: p.owner ?? null,
          sample: p.sample ?? false,
          updatedAt: now,
        },
        // A kabupaten plan of the same id (never, with random ids) is not taken over.
        setWhere: isNotNull(plans.source),
      });
  if (nodeRows.length)
    await tx
      .insert(planNodes)
      .values(nodeRows.map((n) => ({ ...n, updatedAt: now })))
      .onConflictDoUpdate({
        target: planNodes.id,
        set: Object.fromEntries(
          ['plan_id', 'parent_id', 'kind', 'code', 'title', 'tags', 'budget', 'position', 'updated_at'].map(
            (c) => [c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase()), sql.raw(`excluded.${c}`)],
          ),
        ),
      });
  return { removed: removed.length, linksRemoved: lost?.n ?? 0 };
}

import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../audit/audit.repository.ts';
import { nomenclature, planIndicators, planLinks, planNodes, plans, statSeries } from './plans.schema.ts';

export type PlanRow = typeof plans.$inferSelect;
export type NewPlan = typeof plans.$inferInsert;
export type NodeRow = typeof planNodes.$inferSelect;
export type NewNode = typeof planNodes.$inferInsert;
export type LinkRow = typeof planLinks.$inferSelect;
export type IndicatorRow = typeof planIndicators.$inferSelect;
export type NewIndicator = typeof planIndicators.$inferInsert;
export type SeriesRow = typeof statSeries.$inferSelect;
export type NewSeries = typeof statSeries.$inferInsert;
export type NewNomenclature = typeof nomenclature.$inferInsert;

// Plans

export async function findPlan(db: Db, id: string): Promise<PlanRow | null> {
  const [p] = await db.select().from(plans).where(eq(plans.id, id));
  return p ?? null;
}

export function findPlans(db: Db) {
  return db.select().from(plans).orderBy(asc(plans.name));
}

export async function countPlans(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(plans);
  return row?.n ?? 0;
}

export async function insertPlan(tx: Db, values: NewPlan): Promise<string> {
  const [row] = await tx.insert(plans).values(values).returning({ id: plans.id });
  return row!.id;
}

// Nodes

export async function findNode(db: Db, id: string): Promise<NodeRow | null> {
  const [n] = await db.select().from(planNodes).where(eq(planNodes.id, id));
  return n ?? null;
}

/** The nodes of one plan, siblings by position. */
export function findNodesOfPlan(db: Db, planId: string) {
  return db
    .select()
    .from(planNodes)
    .where(eq(planNodes.planId, planId))
    .orderBy(asc(planNodes.position), asc(planNodes.createdAt));
}

export function findNodeTitles(db: Db, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: planNodes.id, title: planNodes.title, planId: planNodes.planId })
    .from(planNodes)
    .where(inArray(planNodes.id, [...ids]));
}

export async function hasChildren(db: Db, id: string): Promise<boolean> {
  const [child] = await db
    .select({ id: planNodes.id })
    .from(planNodes)
    .where(eq(planNodes.parentId, id))
    .limit(1);
  return !!child;
}

/** Nodes with the level, kind and owner of their plan: of the given ids, or of every plan but one. */
export function findNodesWithPlans(db: Db, filter: { ids: readonly string[] } | { notOfPlan: string }) {
  const where =
    'ids' in filter ? inArray(planNodes.id, [...filter.ids]) : ne(planNodes.planId, filter.notOfPlan);
  return db
    .select({
      id: planNodes.id,
      planId: planNodes.planId,
      level: plans.level,
      kind: plans.kind,
      owner: plans.owner,
    })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(where);
}

/** Every node with its plan's name, level, kind and owner, for the link picker. */
export function findNodesForPicker(db: Db) {
  return db
    .select({
      id: planNodes.id,
      title: planNodes.title,
      kind: planNodes.kind,
      code: planNodes.code,
      planName: plans.name,
      level: plans.level,
      planKind: plans.kind,
      owner: plans.owner,
    })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .orderBy(asc(plans.level), asc(plans.name), asc(planNodes.position));
}

/** Items of the given kinds in plans of the given kinds (the work a proposal may be funded through). */
export function findWorkItems(db: Db, planKinds: readonly string[], nodeKinds: readonly string[]) {
  return db
    .select({
      id: planNodes.id,
      code: planNodes.code,
      title: planNodes.title,
      kind: planNodes.kind,
      plan: plans.name,
      owner: plans.owner,
    })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(and(inArray(plans.kind, [...planKinds]), inArray(planNodes.kind, [...nodeKinds])))
    .orderBy(asc(plans.name), asc(planNodes.position));
}

export async function findWorkItem(db: Db, nodeId: string) {
  const [row] = await db
    .select({
      id: planNodes.id,
      code: planNodes.code,
      title: planNodes.title,
      plan: plans.name,
      planId: plans.id,
    })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(eq(planNodes.id, nodeId));
  return row ?? null;
}

export async function insertNode(tx: Db, values: NewNode): Promise<string> {
  const [row] = await tx.insert(planNodes).values(values).returning({ id: planNodes.id });
  return row!.id;
}

export async function updateNode(tx: Db, id: string, patch: Partial<NewNode>): Promise<void> {
  await tx.update(planNodes).set(patch).where(eq(planNodes.id, id));
}

export async function deleteNode(tx: Db, id: string): Promise<void> {
  await tx.delete(planNodes).where(eq(planNodes.id, id));
}

// Links

export function findLinksOf(db: Db, nodeIds: readonly string[]) {
  if (!nodeIds.length) return Promise.resolve([] as LinkRow[]);
  return db
    .select()
    .from(planLinks)
    .where(inArray(planLinks.nodeId, [...nodeIds]));
}

/** The items (of lower plans) that support a node, with their plan's name, to name them in a refusal. */
export async function findSupporters(db: Db, nodeId: string) {
  return db
    .select({ id: planNodes.id, title: planNodes.title, plan: plans.name })
    .from(planLinks)
    .innerJoin(planNodes, eq(planNodes.id, planLinks.nodeId))
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(eq(planLinks.supportsId, nodeId))
    .orderBy(asc(plans.name), asc(planNodes.title));
}

/** Replaces what a node supports. */
export async function replaceLinks(tx: Db, nodeId: string, supports: readonly string[]): Promise<void> {
  await tx.delete(planLinks).where(eq(planLinks.nodeId, nodeId));
  await insertLinks(tx, nodeId, supports);
}

export async function insertLinks(tx: Db, nodeId: string, supports: readonly string[]): Promise<void> {
  if (supports.length) await tx.insert(planLinks).values(supports.map((s) => ({ nodeId, supportsId: s })));
}

/** Every plan, node and link, for an analysis over all of them. */
export async function findAllPlansNodesLinks(db: Db) {
  const [allPlans, nodes, links] = await Promise.all([
    db.select().from(plans),
    db.select().from(planNodes),
    db.select().from(planLinks),
  ]);
  return { allPlans, nodes, links };
}

// Indicators

export async function findIndicator(db: Db, id: string): Promise<IndicatorRow | null> {
  const [row] = await db.select().from(planIndicators).where(eq(planIndicators.id, id));
  return row ?? null;
}

export function findIndicatorsOf(db: Db, nodeIds: readonly string[]) {
  if (!nodeIds.length) return Promise.resolve([] as IndicatorRow[]);
  return db
    .select()
    .from(planIndicators)
    .where(inArray(planIndicators.nodeId, [...nodeIds]));
}

export function findAllIndicators(db: Db) {
  return db.select().from(planIndicators);
}

export async function insertIndicator(tx: Db, values: NewIndicator): Promise<string> {
  const [row] = await tx.insert(planIndicators).values(values).returning({ id: planIndicators.id });
  return row!.id;
}

export async function updateIndicator(tx: Db, id: string, values: Partial<NewIndicator>): Promise<void> {
  await tx.update(planIndicators).set(values).where(eq(planIndicators.id, id));
}

export async function deleteIndicator(tx: Db, id: string): Promise<void> {
  await tx.delete(planIndicators).where(eq(planIndicators.id, id));
}

/** Everything the sample writes, in one transaction's statements. */
export async function insertPlansInBulk(
  tx: Db,
  rows: {
    plans: NewPlan[];
    nodes: NewNode[];
    links: { nodeId: string; supportsId: string }[];
    indicators: NewIndicator[];
  },
): Promise<void> {
  if (rows.plans.length) await tx.insert(plans).values(rows.plans);
  if (rows.nodes.length) await tx.insert(planNodes).values(rows.nodes);
  if (rows.links.length) await tx.insert(planLinks).values(rows.links);
  if (rows.indicators.length) await tx.insert(planIndicators).values(rows.indicators);
}

// Statistics series and nomenclature

export function findSeriesOf(db: Db, indicators: readonly string[]) {
  if (!indicators.length) return Promise.resolve([] as SeriesRow[]);
  return db
    .select()
    .from(statSeries)
    .where(inArray(statSeries.indicator, [...indicators]));
}

export async function upsertSeries(tx: Db, rows: readonly NewSeries[], now: Date): Promise<void> {
  for (const r of rows)
    await tx
      .insert(statSeries)
      .values({ ...r, importedAt: now })
      .onConflictDoUpdate({
        target: [statSeries.indicator, statSeries.regionCode, statSeries.year],
        set: { value: r.value, unit: r.unit, source: r.source },
      });
}

export async function findSeries(
  db: Db,
  filter: { indicator?: string | undefined; region?: string | undefined },
) {
  const where: SQL[] = [];
  if (filter.indicator) where.push(eq(statSeries.indicator, filter.indicator));
  if (filter.region) where.push(eq(statSeries.regionCode, filter.region));
  const [items, indicators] = await Promise.all([
    db
      .select()
      .from(statSeries)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(statSeries.indicator), asc(statSeries.regionCode), asc(statSeries.year))
      .limit(5000),
    db
      .select({ indicator: statSeries.indicator, n: sql<number>`count(*)::int` })
      .from(statSeries)
      .groupBy(statSeries.indicator)
      .orderBy(asc(statSeries.indicator)),
  ]);
  return { items, indicators };
}

export async function countSeries(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(statSeries);
  return row?.n ?? 0;
}

export async function upsertNomenclature(
  tx: Db,
  rows: readonly Omit<NewNomenclature, 'importedAt'>[],
  now: Date,
): Promise<void> {
  for (const r of rows)
    await tx
      .insert(nomenclature)
      .values({ ...r, importedAt: now })
      .onConflictDoUpdate({
        target: nomenclature.code,
        set: { level: r.level, title: r.title, output: r.output, indicator: r.indicator, unit: r.unit },
      });
}

export async function findNomenclature(
  db: Db,
  filter: { q?: string | undefined; level?: string | undefined },
) {
  const where: SQL[] = [];
  if (filter.level) where.push(eq(nomenclature.level, filter.level));
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    where.push(or(ilike(nomenclature.title, like), ilike(nomenclature.code, `${escapeLike(filter.q)}%`))!);
  }
  const [items, total] = await Promise.all([
    db
      .select()
      .from(nomenclature)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(nomenclature.code))
      .limit(50),
    countNomenclature(db),
  ]);
  return { items, total };
}

export async function countNomenclature(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(nomenclature);
  return row?.n ?? 0;
}

/** The values of these series for one region, by year. */
export function findSeriesOfRegion(db: Db, indicators: readonly string[], region: string) {
  if (!indicators.length) return Promise.resolve([] as SeriesRow[]);
  return db
    .select()
    .from(statSeries)
    .where(and(inArray(statSeries.indicator, [...indicators]), eq(statSeries.regionCode, region)))
    .orderBy(asc(statSeries.year), asc(statSeries.indicator));
}

/** Plan items with one of these titles (the demo's sample links name their targets by title). */
export function findNodesTitled(db: Db, titles: readonly string[]) {
  if (!titles.length) return Promise.resolve([]);
  return db
    .select({ id: planNodes.id, title: planNodes.title, planId: planNodes.planId })
    .from(planNodes)
    .where(inArray(planNodes.title, [...titles]));
}

import type { AuditAction, AuditEntity } from '@sinergi/core';
import { and, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import type { Principal } from '../../context.ts';
import { systemPrincipal } from '../../context.ts';
import type { BulkTx, Db } from '../../db/client.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditWrite {
  action: AuditAction;
  entity: AuditEntity;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** The account id the log records; the system (seeds, CLI) has none. */
function actorIdOf(principal: Principal): string | null {
  return principal === systemPrincipal ? null : (principal.actor.userId ?? null);
}

/** Appends one audit row. Call it with the transaction of the write it records. */
export async function appendAudit(tx: Db, principal: Principal, entry: AuditWrite): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actorIdOf(principal),
    actorName: principal.name,
    actorRole: principal.actor.role,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The same, inside a bulk (raw SQL) transaction, so a COPY and its audit row commit together. */
export async function appendAuditInBulk(tx: BulkTx, principal: Principal, entry: AuditWrite): Promise<void> {
  await tx.query(
    `insert into audit_log (actor_id, actor_name, actor_role, action, entity, entity_id, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actorIdOf(principal),
      principal.name,
      principal.actor.role,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}

export interface AuditFilter {
  actor?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

export async function findAudit(db: Db, filter: AuditFilter) {
  const where: SQL[] = [];
  if (filter.actor) where.push(ilike(auditLog.actorName, `%${escapeLike(filter.actor)}%`));
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lt(auditLog.at, filter.to));
  const condition = where.length > 0 ? and(...where) : undefined;
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(condition)
      .orderBy(desc(auditLog.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(auditLog).where(condition),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export async function findAuditEntities(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(auditLog.entity);
  return rows.map((r) => r.entity);
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

import type { AppContext } from '../../context.ts';
import { findAudit } from './audit.repository.ts';

/** The history of one record: its audit rows, newest first, with who made each change. */
export async function historyOf(ctx: AppContext, entity: string, entityId: string, limit = 500) {
  const { items } = await findAudit(ctx.database.db, { entity, entityId, limit, offset: 0 });
  return items.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorName,
    role: r.actorRole,
    action: r.action,
    before: r.before as Record<string, unknown> | null,
    after: r.after as Record<string, unknown> | null,
  }));
}

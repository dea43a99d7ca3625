import { indexSchemeDefinition } from '@sinergi/contracts';
import { AppError, type IndexScheme, idm2016, indicatorsOf, schemeProblems } from '@sinergi/core';
import { eq } from 'drizzle-orm';
import type { AppContext, Principal } from '../../context.ts';
import { indexSchemes } from '../../db/schema.ts';
import { toFieldIssue } from '../../validation.ts';
import { appendAudit } from '../audit/audit.repository.ts';

/** Schemes that ship with Sinergi, by id. */
export const builtInSchemes: Readonly<Record<string, IndexScheme>> = { [idm2016.id]: idm2016 };

/**
 * Checks a scheme an admin loads: the shape (every field named on error), then its consistency
 * (unique indicator codes, ascending thresholds, rubric scores inside the range).
 */
export function parseScheme(json: unknown): IndexScheme {
  const parsed = indexSchemeDefinition.safeParse(json);
  if (!parsed.success) {
    throw new AppError('VALIDATION', {
      issues: parsed.error.issues.map((i) => toFieldIssue('scheme', i as never)),
    });
  }
  const scheme = parsed.data as IndexScheme;
  const problems = schemeProblems(scheme);
  if (problems.length)
    throw new AppError('VALIDATION', {
      issues: problems.map((p) => ({ field: `scheme.${p.field}`, issue: p.issue })),
    });
  return scheme;
}

export async function loadScheme(ctx: AppContext, principal: Principal, json: unknown) {
  const scheme = parseScheme(json);
  const id = `${scheme.id}@${scheme.version}`;
  if (builtInSchemes[scheme.id]?.version === scheme.version)
    throw new AppError('CONFLICT', { details: { what: id } });
  return ctx.database.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: indexSchemes.id })
      .from(indexSchemes)
      .where(eq(indexSchemes.id, id));
    if (existing.length) throw new AppError('CONFLICT', { details: { what: id } });
    const [row] = await tx
      .insert(indexSchemes)
      .values({
        id,
        schemeId: scheme.id,
        version: scheme.version,
        definition: scheme,
        createdBy: principal.actor.userId ?? null,
      })
      .returning();
    await appendAudit(tx, principal, {
      action: 'index_scheme.loaded',
      entity: 'index_scheme',
      entityId: id,
      after: { name: scheme.name, indicators: indicatorsOf(scheme).length, unconfirmed: scheme.unconfirmed },
    });
    return summary(scheme, false, row!.createdAt);
  });
}

function summary(s: IndexScheme, builtIn: boolean, createdAt: Date | null) {
  return {
    id: `${s.id}@${s.version}`,
    schemeId: s.id,
    version: s.version,
    name: s.name,
    regulation: s.regulation,
    builtIn,
    indicators: indicatorsOf(s).length,
    unconfirmed: s.unconfirmed,
    createdAt: createdAt?.toISOString() ?? null,
  };
}

export async function findSchemes(ctx: AppContext) {
  const rows = await ctx.database.db.select().from(indexSchemes).orderBy(indexSchemes.id);
  return [
    ...Object.values(builtInSchemes).map((s) => summary(s, true, null)),
    ...rows.map((r) => summary(r.definition as IndexScheme, false, r.createdAt)),
  ];
}

/** A scheme by `id` (built-in) or `id@version` (built-in or loaded). */
export async function findScheme(ctx: AppContext, ref: string): Promise<IndexScheme | null> {
  const [id, version] = ref.split('@') as [string, string | undefined];
  const builtIn = builtInSchemes[id];
  if (builtIn && (!version || builtIn.version === version)) return builtIn;
  const rows = await ctx.database.db
    .select()
    .from(indexSchemes)
    .where(version ? eq(indexSchemes.id, ref) : eq(indexSchemes.schemeId, id))
    .orderBy(indexSchemes.createdAt);
  const row = rows.at(-1);
  return row ? (row.definition as IndexScheme) : null;
}

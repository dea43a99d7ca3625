import {
  AppError,
  type Condition,
  type EligibilityRule,
  type FieldIssue,
  kecamatanOf,
  targetingErrors,
} from '@sinergi/core';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { AppContext, Principal } from '../../context.ts';
import { enrolments, families, people, programs } from '../../db/schema.ts';
import { tableColumns } from '../../http/table-file.ts';
import { keyedHash } from '../../personal/personal-data.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { namesOf } from '../regions/regions.service.ts';
import { parseCsvTable } from '../village-index/template.ts';

/**
 * Welfare deciles per family from a DTSEN-style file (`no_kk,desil`; the deciles are imported,
 * never computed: the official model is not public), and the targeting quality of each program.
 */
export async function importDeciles(ctx: AppContext, principal: Principal, data: Buffer, year: number) {
  const [header, ...body] = parseCsvTable(data);
  const columns = tableColumns(header, ['no_kk', 'desil']);
  const issues: FieldIssue[] = [];
  const rows: { hash: string; decile: number }[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const kk = columns.cell(cells, 'no_kk');
    const d = Number(columns.cell(cells, 'desil'));
    if (!/^\d{16}$/.test(kk)) issues.push({ field: `line ${line}, column no_kk`, issue: 'kk' });
    if (!Number.isInteger(d) || d < 1 || d > 10)
      issues.push({ field: `line ${line}, column desil`, issue: 'decile' });
    rows.push({ hash: keyedHash(ctx.config.personalDataKey, 'kk', kk), decile: d });
  });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  let matched = 0;
  await ctx.database.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      const part = rows.slice(i, i + 1000);
      const values = sql.join(
        part.map((r) => sql`(${r.hash}, ${r.decile}::smallint)`),
        sql`, `,
      );
      const updated = await tx.execute(
        sql`update families f set welfare_decile = v.d, decile_year = ${year}, updated_at = now()
            from (values ${values}) as v(h, d) where f.kk_hash = v.h returning f.id`,
      );
      matched += (updated as unknown as { rows: unknown[] }).rows.length;
    }
    await appendAudit(tx, principal, {
      action: 'deciles.imported',
      entity: 'families',
      entityId: String(year),
      after: { rows: rows.length, matched },
    });
  });
  return { rows: rows.length, matched, unmatched: rows.length - matched };
}

/** The decile range a program's rule targets, or null when its rule has no decile condition. */
function decileRange(rule: EligibilityRule) {
  const c = rule.all.find((x): x is Extract<Condition, { field: 'decile' }> => x.field === 'decile');
  return c ? { min: c.min, max: c.max } : null;
}

/** Inclusion and exclusion errors of a program, for the kabupaten, per kecamatan and per desa. */
export async function programTargeting(ctx: AppContext, programId: string) {
  const db = ctx.database.db;
  const [p] = await db.select().from(programs).where(eq(programs.id, programId));
  if (!p) throw new AppError('NOT_FOUND', { details: { what: programId } });
  // Participants also served by a program that may not be combined with this one (either side
  // may list the other): enrolment refuses these, but data from before a rule changed may hold some.
  const clash = await db.execute(
    sql`select o.code, count(distinct e.person_id)::int as people
        from enrolments e
        join enrolments x on x.person_id = e.person_id and x.program_id <> e.program_id
          and x."group" = 'peserta' and x.status <> 'keluar'
        join programs o on o.id = x.program_id
        where e.program_id = ${programId} and e."group" = 'peserta' and e.status <> 'keluar'
          and (${JSON.stringify(p.excludes)}::jsonb ? o.code or o.excludes ? ${p.code})
        group by o.code order by o.code`,
  );
  const conflicts = (clash as unknown as { rows: { code: string; people: number }[] }).rows;
  const range = decileRange(p.eligibility as EligibilityRule);
  if (!range) return { program: { id: p.id, code: p.code }, deciles: null, conflicts };
  const fams = await db
    .select({ id: families.id, region: families.regionCode, decile: families.welfareDecile })
    .from(families);
  const recipients = await db
    .selectDistinct({ familyId: people.familyId })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(
      and(
        eq(enrolments.programId, programId),
        eq(enrolments.group, 'peserta'),
        ne(enrolments.status, 'keluar'),
      ),
    );
  const got = new Set(recipients.flatMap((r) => (r.familyId ? [r.familyId] : [])));
  const byDesa = targetingErrors(
    fams.map((f) => ({ id: f.id, area: f.region, decile: f.decile })),
    got,
    range,
  );
  const byKec = targetingErrors(
    fams.map((f) => ({ id: f.id, area: kecamatanOf(f.region), decile: f.decile })),
    got,
    range,
  );
  const names = await namesOf(ctx, [...byDesa.byArea.map((a) => a.area), ...byKec.byArea.map((a) => a.area)]);
  const named = <T extends { area: string }>(xs: T[]) =>
    xs.map((x) => ({ ...x, name: names.get(x.area) ?? x.area }));
  const { byArea: _d, ...total } = byDesa;
  return {
    program: { id: p.id, code: p.code },
    deciles: range,
    conflicts,
    total,
    byKecamatan: named(byKec.byArea),
    byDesa: named(byDesa.byArea.filter((a) => a.recipients > 0 || a.eligible > 0)),
  };
}

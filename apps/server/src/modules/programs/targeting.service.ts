import { AppError, type Condition, type EligibilityRule, kecamatanOf, targetingErrors } from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { namesOf } from '../regions/regions.service.ts';
import { familyDeciles, peopleByIds } from '../registry/registry.facade.ts';
import * as repo from './programs.repository.ts';

// The targeting quality of each program: inclusion and exclusion errors against the families' deciles.

/** The decile range a program's rule targets, or null when its rule has no decile condition. */
function decileRange(rule: EligibilityRule) {
  const c = rule.all.find((x): x is Extract<Condition, { field: 'decile' }> => x.field === 'decile');
  return c ? { min: c.min, max: c.max } : null;
}

/** Inclusion and exclusion errors of a program, for the kabupaten, per kecamatan and per desa. */
export async function programTargeting(ctx: AppContext, programId: string) {
  const db = ctx.database.db;
  const p = await repo.findProgram(db, programId);
  if (!p) throw new AppError('NOT_FOUND', { details: { what: programId } });
  // Participants also served by a program that may not be combined with this one (either side
  // may list the other): enrolment refuses these, but data from before a rule changed may hold some.
  const conflicts = await repo.findConflicts(db, p);
  const range = decileRange(p.eligibility as EligibilityRule);
  if (!range) return { program: { id: p.id, code: p.code }, deciles: null, conflicts };
  const fams = await familyDeciles(ctx);
  const participants = await peopleByIds(
    ctx,
    (await repo.findActiveParticipants(db, programId)).map((e) => e.personId),
  );
  const got = new Set([...participants.values()].flatMap((p) => (p.familyId ? [p.familyId] : [])));
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

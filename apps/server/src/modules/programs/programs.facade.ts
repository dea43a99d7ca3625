import type { AppContext } from '../../context.ts';
import * as repo from './programs.repository.ts';

/**
 * What other modules may ask of programs without their tables: which organisations serve a
 * person (who may see the NIK), a person's enrolments (the person page), and the people an OPD's
 * programs serve (the OPD's people list).
 */
export async function programOrganisationsOf(ctx: AppContext, personIds: readonly string[]) {
  const out = new Map<string, string[]>();
  for (const r of await repo.findProgramOrganisationsOf(ctx.database.db, personIds))
    out.set(r.personId, [...(out.get(r.personId) ?? []), r.organisationId]);
  return out;
}

export function enrolmentsOfPerson(ctx: AppContext, personId: string) {
  return repo.findEnrolmentsOfPerson(ctx.database.db, personId);
}

/** The people an organisation's programs serve; none without an organisation. */
export async function peopleServedBy(ctx: AppContext, organisationId: string | null) {
  return organisationId ? repo.findPeopleServedBy(ctx.database.db, organisationId) : [];
}

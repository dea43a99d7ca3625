import type { ProgramBody } from '@sinergi/contracts';
import {
  AppError,
  type Applicant,
  ageOn,
  canActForOrganisation,
  canManageProgram,
  checkEligibility,
  type EligibilityRule,
  type EnrolmentRecord,
  evaluateProgram,
  type FieldIssue,
  formatDate,
  kecamatanOf,
  type OutcomeSpec,
  type ProgramType,
  pastDateFindings,
  programNarrative,
  sameJson,
  todayIn,
} from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findOrganisations, getOrganisation } from '../organisations/organisations.service.ts';
import { namesOf } from '../regions/regions.service.ts';
import { peopleByIds, personIdByNik } from '../registry/registry.facade.ts';
import { ownersAmong } from '../umkm/umkm.facade.ts';
import { presentProgramDetail, presentProgramItem } from './programs.presenter.ts';
import * as repo from './programs.repository.ts';

/**
 * Programs (issue 7): definition with versioned eligibility, enrolment with the eligibility and
 * mutual-exclusion checks, attendance and completion, outcome measurements, and the evaluation
 * with its report text. The DPRD and Bappeda read evaluations in aggregate; people stay in the
 * registry's rules.
 */
type ProgramRow = repo.ProgramRow;
const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION', { issues });

async function mustFind(ctx: AppContext, id: string) {
  const p = await repo.findProgram(ctx.database.db, id);
  if (!p) throw new AppError('NOT_FOUND', { details: { what: id } });
  return p;
}

function assertOwner(principal: Principal, p: Pick<ProgramRow, 'organisationId'>) {
  if (!canManageProgram(principal.actor, p)) throw new AppError('OUT_OF_SCOPE');
}

async function checkBody(ctx: AppContext, body: ProgramBody, id?: string) {
  const issues: FieldIssue[] = [];
  if (body.endDate < body.startDate) issues.push({ field: 'body.endDate', issue: 'end_before_start' });
  const org = await getOrganisation(ctx, body.organisationId).catch(() => null);
  if (!org) issues.push({ field: 'body.organisationId', issue: 'not_found' });
  if (body.excludes.length) {
    const known = await repo.findKnownCodes(ctx.database.db, body.excludes);
    body.excludes.forEach((c, i) => {
      if (!known.has(c))
        issues.push({ field: `body.excludes.${i}`, issue: 'unknown_program', params: { value: c } });
    });
  }
  if (await repo.codeTaken(ctx.database.db, body.code, id))
    issues.push({ field: 'body.code', issue: 'duplicate_id', params: { line: 0 } });
  if (issues.length) throw invalid(issues);
}

export async function saveProgram(ctx: AppContext, principal: Principal, body: ProgramBody, id?: string) {
  assertOwner(principal, body);
  await checkBody(ctx, body, id);
  const existing = id ? await mustFind(ctx, id) : null;
  if (existing) assertOwner(principal, existing);
  const ruleChanged = !existing || !sameJson(existing.eligibility, body.eligibility);
  const version = existing ? existing.eligibilityVersion + (ruleChanged ? 1 : 0) : 1;
  const values = { ...body, eligibilityVersion: version };
  return ctx.database.db.transaction(async (tx) => {
    let programId = id;
    if (programId) await repo.updateProgram(tx, programId, { ...values, updatedAt: ctx.clock() });
    else programId = await repo.insertProgram(tx, values);
    if (ruleChanged)
      await repo.insertRuleVersion(tx, {
        programId,
        version,
        rule: body.eligibility,
        createdBy: principal.actor.userId ?? null,
      });
    await appendAudit(tx, principal, {
      action: id ? 'program.updated' : 'program.created',
      entity: 'program',
      entityId: programId,
      after: { code: body.code, eligibilityVersion: version },
    });
    return { id: programId, eligibilityVersion: version };
  });
}

export async function listPrograms(ctx: AppContext) {
  const db = ctx.database.db;
  const orgs = new Map((await findOrganisations(ctx)).map((o) => [o.id, o.shortName]));
  const rows = (await repo.findPrograms(db)).map((p) => ({ p, org: orgs.get(p.organisationId) ?? '' }));
  const counts = await repo.countEnrolmentsByGroup(db);
  const n = (id: string, g: string) => counts.find((c) => c.programId === id && c.group === g)?.n ?? 0;
  return {
    items: rows.map(({ p, org }) =>
      presentProgramItem(p, org, { participants: n(p.id, 'peserta'), comparison: n(p.id, 'pembanding') }),
    ),
  };
}

export async function getProgram(ctx: AppContext, id: string, principal: Principal) {
  const p = await mustFind(ctx, id);
  const org = await getOrganisation(ctx, p.organisationId).catch(() => null);
  const versions = await repo.findRuleVersions(ctx.database.db, id);
  return presentProgramDetail(
    p,
    org ? { id: org.id, code: org.code, shortName: org.shortName, name: org.name } : null,
    versions,
    { manage: canManageProgram(principal.actor, p) },
  );
}

/** The applicant as the eligibility rules see them, on a date. */
/** The applicants as the eligibility rules see them, by person id, in one pass. */
export async function applicantsOf(ctx: AppContext, personIds: readonly string[]) {
  const out = new Map<string, Applicant>();
  if (!personIds.length) return out;
  const found = await peopleByIds(ctx, personIds);
  const owners = await ownersAmong(ctx, personIds);
  for (const p of found.values())
    out.set(p.id, {
      decile: p.decile,
      birthDate: p.birthDate,
      sex: p.sex as 'L' | 'P',
      regionCode: p.regionCode,
      ownsBusiness: owners.has(p.id),
    });
  return out;
}

async function applicantOf(ctx: AppContext, nik: string) {
  const personId = await personIdByNik(ctx, nik);
  const applicant = personId ? (await applicantsOf(ctx, [personId])).get(personId) : undefined;
  if (!personId || !applicant) throw invalid([{ field: 'body.nik', issue: 'not_found' }]);
  return { applicant, personId };
}

/**
 * Enrols a person as participant or as a member of the comparison group (measured, not served).
 * Both must meet the rule in force, so the groups are alike; a participant may not be in a program
 * this one excludes. Every failed condition is named.
 */
export async function enrol(
  ctx: AppContext,
  principal: Principal,
  programId: string,
  body: {
    nik: string;
    group: 'peserta' | 'pembanding';
    umkmId?: string | undefined;
    enrolledOn: string;
  },
) {
  const p = await mustFind(ctx, programId);
  assertOwner(principal, p);
  const { applicant, personId } = await applicantOf(ctx, body.nik);
  const check = checkEligibility(p.eligibility as EligibilityRule, applicant, body.enrolledOn);
  const issues: FieldIssue[] = check.failed.map((f) => ({
    field: 'body.nik',
    issue: `not_eligible_${f.field}`,
    params: { value: f.value === null ? '–' : String(f.value) },
  }));
  const db = ctx.database.db;
  if (await repo.findEnrolmentOf(db, programId, personId))
    issues.push({ field: 'body.nik', issue: 'already_enrolled' });
  if (body.group === 'peserta') {
    // Exclusion works both ways: this program's list, and any program that lists this one.
    const others = await repo.findActiveProgramsOfPerson(db, personId);
    for (const o of others)
      if ((p.excludes as string[]).includes(o.code) || o.excludes.includes(p.code))
        issues.push({ field: 'body.nik', issue: 'excluded_program', params: { program: o.code } });
  }
  if (issues.length) throw invalid(issues);
  return db.transaction(async (tx) => {
    const id = await repo.insertEnrolment(tx, {
      programId,
      personId,
      umkmId: body.umkmId ?? null,
      group: body.group,
      status: 'aktif',
      enrolledOn: body.enrolledOn,
      check: { version: p.eligibilityVersion, eligible: true, failed: [] },
    });
    await appendAudit(tx, principal, {
      action: 'enrolment.created',
      entity: 'enrolment',
      entityId: id,
      after: { programId, group: body.group, eligibilityVersion: p.eligibilityVersion },
    });
    return { id };
  });
}

async function enrolmentWithProgram(ctx: AppContext, principal: Principal, id: string) {
  const row = await repo.findEnrolmentWithProgram(ctx.database.db, id);
  if (!row) throw new AppError('NOT_FOUND', { details: { what: id } });
  assertOwner(principal, row.p);
  return row;
}

export async function updateEnrolment(
  ctx: AppContext,
  principal: Principal,
  id: string,
  patch: {
    status?: string | undefined;
    completedOn?: string | null | undefined;
    sessionsAttended?: number | undefined;
  },
) {
  await enrolmentWithProgram(ctx, principal, id);
  const set = {
    ...(patch.status ? { status: patch.status } : {}),
    ...(patch.completedOn !== undefined ? { completedOn: patch.completedOn } : {}),
    ...(patch.sessionsAttended !== undefined ? { sessionsAttended: patch.sessionsAttended } : {}),
    // Completing the program sets the status with the date.
    ...(patch.completedOn ? { status: 'selesai' } : {}),
  };
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateEnrolment(tx, id, { ...set, updatedAt: ctx.clock() });
    await appendAudit(tx, principal, {
      action: 'enrolment.updated',
      entity: 'enrolment',
      entityId: id,
      after: set,
    });
  });
  return { ok: true as const };
}

export async function recordMeasurement(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: { indicator: string; phase: string; value: number; measuredOn: string },
) {
  const { p } = await enrolmentWithProgram(ctx, principal, id);
  if (!(p.outcomes as OutcomeSpec[]).some((o) => o.indicator === body.indicator))
    throw invalid([{ field: 'body.indicator', issue: 'not_an_outcome' }]);
  const future = pastDateFindings('body.measuredOn', body.measuredOn, todayIn(undefined, ctx.clock()));
  if (future.length) throw invalid(future);
  await ctx.database.db.transaction(async (tx) => {
    await repo.upsertMeasurement(tx, { enrolmentId: id, ...body });
    await appendAudit(tx, principal, {
      action: 'measurement.recorded',
      entity: 'enrolment',
      entityId: id,
      after: { indicator: body.indicator, phase: body.phase },
    });
  });
  return { ok: true as const };
}

/**
 * The enrolments of a program with each person's name, sex, birth date and area from the registry,
 * newest first and then by name (people who left the registry are left out, as a join would).
 */
async function enrolledPeople(ctx: AppContext, programId: string) {
  const enrolled = await repo.findEnrolmentsOf(ctx.database.db, programId);
  const found = await peopleByIds(
    ctx,
    enrolled.map((e) => e.personId),
  );
  return enrolled
    .flatMap((e) => {
      const p = found.get(e.personId);
      return p ? [{ e, name: p.name, sex: p.sex, birthDate: p.birthDate, regionCode: p.regionCode }] : [];
    })
    .sort((a, b) => b.e.createdAt.getTime() - a.e.createdAt.getTime() || a.name.localeCompare(b.name));
}

/** Participants and comparison members of a program, without identifiers (for the program page). */
export async function listEnrolments(ctx: AppContext, principal: Principal, programId: string) {
  const p = await mustFind(ctx, programId);
  // Newest first: the people just enrolled are the ones being worked on.
  const rows = await enrolledPeople(ctx, programId);
  const ms = await measurementsOf(
    ctx,
    rows.map((r) => r.e.id),
  );
  // Names are personal: the program's own OPD and kabupaten planners see them; others see counts only.
  const named = canActForOrganisation(principal.actor, p.organisationId);
  const regionNames = await namesOf(ctx, [...new Set(rows.map((r) => r.regionCode))]);
  return {
    named,
    items: rows.map((r) => ({
      id: r.e.id,
      personId: named ? r.e.personId : null,
      name: named ? r.name : null,
      sex: r.sex,
      regionName: regionNames.get(r.regionCode) ?? r.regionCode,
      group: r.e.group as EnrolmentRecord['group'],
      status: r.e.status,
      enrolledOn: r.e.enrolledOn,
      completedOn: r.e.completedOn,
      sessionsAttended: r.e.sessionsAttended,
      measurements: (ms.get(r.e.id) ?? []).map((m) => ({
        indicator: m.indicator,
        phase: m.phase,
        value: m.value,
        measuredOn: m.measuredOn,
      })),
    })),
  };
}

/** The measurements of these enrolments, grouped by enrolment (one query). */
async function measurementsOf(ctx: AppContext, enrolmentIds: string[]) {
  const out = new Map<string, repo.MeasurementRow[]>();
  const rows = await repo.findMeasurementsOf(ctx.database.db, enrolmentIds);
  for (const m of rows) {
    const list = out.get(m.enrolmentId);
    if (list) list.push(m);
    else out.set(m.enrolmentId, [m]);
  }
  return out;
}

/** The evaluation of a program and its report text. */
export async function evaluate(ctx: AppContext, programId: string) {
  const p = await mustFind(ctx, programId);
  const rows = await enrolledPeople(ctx, programId);
  const ms = await measurementsOf(
    ctx,
    rows.map((r) => r.e.id),
  );
  // Per enrolment: each indicator's baseline and follow-up.
  const valuesOf = (enrolmentId: string) => {
    const rec: Record<string, { baseline?: number; followup?: number }> = {};
    for (const m of ms.get(enrolmentId) ?? []) rec[m.indicator] = { ...rec[m.indicator], [m.phase]: m.value };
    return rec;
  };
  const kecNames = await namesOf(ctx, [...new Set(rows.map((r) => kecamatanOf(r.regionCode)))]);
  const records: EnrolmentRecord[] = rows.map((r) => ({
    group: r.e.group as EnrolmentRecord['group'],
    completed: r.e.status === 'selesai',
    sex: r.sex as 'L' | 'P',
    age: ageOn(r.birthDate, p.startDate),
    kecamatan: kecNames.get(kecamatanOf(r.regionCode)) ?? r.regionCode,
    measurements: valuesOf(r.e.id),
  }));
  const evaluation = evaluateProgram(
    { budget: p.budget, targetBeneficiaries: p.targetBeneficiaries, outcomes: p.outcomes as OutcomeSpec[] },
    records,
  );
  const org = await getOrganisation(ctx, p.organisationId).catch(() => null);
  const narrative = programNarrative({
    name: p.name,
    type: p.type as ProgramType,
    opd: org?.name ?? '',
    period: { start: formatDate(p.startDate), end: formatDate(p.endDate) },
    budget: p.budget,
    evaluation,
    outputs: p.outputs as { name: string; unit: string; target: number; achieved?: number }[],
  });
  return {
    program: {
      id: p.id,
      code: p.code,
      name: p.name,
      type: p.type,
      organisation: org?.shortName ?? '',
      sample: p.sample,
    },
    evaluation,
    narrative,
    computedAt: ctx.clock().toISOString(),
  };
}

import { and, asc, count, desc, eq, inArray, like, max, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  enrolments,
  grievances,
  measurements,
  programCycles,
  programRuleVersions,
  programs,
} from './programs.schema.ts';

export type ProgramRow = typeof programs.$inferSelect;
export type NewProgram = typeof programs.$inferInsert;
export type EnrolmentRow = typeof enrolments.$inferSelect;
export type NewEnrolment = typeof enrolments.$inferInsert;
export type MeasurementRow = typeof measurements.$inferSelect;
export type NewMeasurement = typeof measurements.$inferInsert;
export type CycleRow = typeof programCycles.$inferSelect;
export type NewCycle = typeof programCycles.$inferInsert;
export type NewGrievance = typeof grievances.$inferInsert;

// Programs and their rule versions

export async function findProgram(db: Db, id: string): Promise<ProgramRow | null> {
  const [p] = await db.select().from(programs).where(eq(programs.id, id));
  return p ?? null;
}

export function findPrograms(db: Db) {
  return db.select().from(programs).orderBy(asc(programs.code));
}

export async function findKnownCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db
    .select({ code: programs.code })
    .from(programs)
    .where(inArray(programs.code, [...codes]));
  return new Set(rows.map((r) => r.code));
}

/** Whether another program (not `exceptId`) has this code. */
export async function codeTaken(db: Db, code: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(exceptId ? and(eq(programs.code, code), ne(programs.id, exceptId)) : eq(programs.code, code));
  return !!row;
}

export async function insertProgram(tx: Db, values: NewProgram): Promise<string> {
  const [row] = await tx.insert(programs).values(values).returning({ id: programs.id });
  return row!.id;
}

export async function updateProgram(tx: Db, id: string, patch: Partial<NewProgram>): Promise<void> {
  await tx.update(programs).set(patch).where(eq(programs.id, id));
}

export async function insertRuleVersion(tx: Db, values: typeof programRuleVersions.$inferInsert) {
  await tx.insert(programRuleVersions).values(values);
}

export function findRuleVersions(db: Db, programId: string) {
  return db
    .select({
      version: programRuleVersions.version,
      rule: programRuleVersions.rule,
      createdAt: programRuleVersions.createdAt,
    })
    .from(programRuleVersions)
    .where(eq(programRuleVersions.programId, programId))
    .orderBy(asc(programRuleVersions.version));
}

// Enrolments and measurements

export function countEnrolmentsByGroup(db: Db) {
  return db
    .select({ programId: enrolments.programId, group: enrolments.group, n: count() })
    .from(enrolments)
    .groupBy(enrolments.programId, enrolments.group);
}

/** The enrolments of a program, newest first. */
export function findEnrolmentsOf(db: Db, programId: string) {
  return db
    .select()
    .from(enrolments)
    .where(eq(enrolments.programId, programId))
    .orderBy(desc(enrolments.createdAt));
}

/** The participants still served by a program (not those who left). */
export function findActiveParticipants(db: Db, programId: string) {
  return db
    .select({ id: enrolments.id, personId: enrolments.personId })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.programId, programId),
        eq(enrolments.group, 'peserta'),
        ne(enrolments.status, 'keluar'),
      ),
    );
}

export async function findEnrolmentOf(db: Db, programId: string, personId: string) {
  const [row] = await db
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.programId, programId), eq(enrolments.personId, personId)));
  return row ?? null;
}

export async function enrolmentInProgram(db: Db, id: string, programId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.id, id), eq(enrolments.programId, programId)));
  return !!row;
}

/** The programs a person takes part in (not left), with their codes and exclusions. */
export function findActiveProgramsOfPerson(db: Db, personId: string) {
  return db
    .select({ code: programs.code, excludes: programs.excludes })
    .from(enrolments)
    .innerJoin(programs, eq(programs.id, enrolments.programId))
    .where(
      and(
        eq(enrolments.personId, personId),
        eq(enrolments.group, 'peserta'),
        ne(enrolments.status, 'keluar'),
      ),
    );
}

/** A person's enrolments with their programs. */
export function findEnrolmentsOfPerson(db: Db, personId: string) {
  return db
    .select({
      enrolmentId: enrolments.id,
      programId: programs.id,
      code: programs.code,
      name: programs.name,
      group: enrolments.group,
      status: enrolments.status,
      enrolledOn: enrolments.enrolledOn,
    })
    .from(enrolments)
    .innerJoin(programs, eq(programs.id, enrolments.programId))
    .where(eq(enrolments.personId, personId));
}

/** The organisations whose programs serve each of these people. */
export function findProgramOrganisationsOf(db: Db, personIds: readonly string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .select({ personId: enrolments.personId, organisationId: programs.organisationId })
    .from(enrolments)
    .innerJoin(programs, eq(programs.id, enrolments.programId))
    .where(inArray(enrolments.personId, [...personIds]));
}

/** The people the programs of an organisation serve. */
export async function findPeopleServedBy(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: enrolments.personId })
    .from(enrolments)
    .innerJoin(programs, eq(programs.id, enrolments.programId))
    .where(eq(programs.organisationId, organisationId));
  return rows.map((r) => r.id);
}

export async function findEnrolmentWithProgram(db: Db, id: string) {
  const [row] = await db
    .select({ e: enrolments, p: programs })
    .from(enrolments)
    .innerJoin(programs, eq(programs.id, enrolments.programId))
    .where(eq(enrolments.id, id));
  return row ?? null;
}

export async function insertEnrolment(tx: Db, values: NewEnrolment): Promise<string> {
  const [row] = await tx.insert(enrolments).values(values).returning({ id: enrolments.id });
  return row!.id;
}

export async function updateEnrolment(tx: Db, id: string, patch: Partial<NewEnrolment>): Promise<void> {
  await tx.update(enrolments).set(patch).where(eq(enrolments.id, id));
}

export async function upsertMeasurement(tx: Db, values: NewMeasurement): Promise<void> {
  await tx
    .insert(measurements)
    .values(values)
    .onConflictDoUpdate({
      target: [measurements.enrolmentId, measurements.indicator, measurements.phase],
      set: { value: values.value, measuredOn: values.measuredOn },
    });
}

export function findMeasurementsOf(db: Db, enrolmentIds: readonly string[]) {
  if (!enrolmentIds.length) return Promise.resolve([] as MeasurementRow[]);
  return db
    .select()
    .from(measurements)
    .where(inArray(measurements.enrolmentId, [...enrolmentIds]));
}

/**
 * Participants of a program also served by a program that may not be combined with it (either side
 * may list the other), counted by the other program's code.
 */
export async function findConflicts(db: Db, p: Pick<ProgramRow, 'id' | 'code' | 'excludes'>) {
  const clash = await db.execute(
    sql`select o.code, count(distinct e.person_id)::int as people
        from enrolments e
        join enrolments x on x.person_id = e.person_id and x.program_id <> e.program_id
          and x."group" = 'peserta' and x.status <> 'keluar'
        join programs o on o.id = x.program_id
        where e.program_id = ${p.id} and e."group" = 'peserta' and e.status <> 'keluar'
          and (${JSON.stringify(p.excludes)}::jsonb ? o.code or o.excludes ? ${p.code})
        group by o.code order by o.code`,
  );
  return (clash as unknown as { rows: { code: string; people: number }[] }).rows;
}

// Payment cycles and grievances

export async function findCycle(db: Db, id: string): Promise<CycleRow | null> {
  const [c] = await db.select().from(programCycles).where(eq(programCycles.id, id));
  return c ?? null;
}

export function findCyclesOf(db: Db, programId: string) {
  return db
    .select()
    .from(programCycles)
    .where(eq(programCycles.programId, programId))
    .orderBy(desc(programCycles.seq));
}

export async function lastCycleSeq(db: Db, programId: string): Promise<number> {
  const [row] = await db
    .select({ seq: max(programCycles.seq) })
    .from(programCycles)
    .where(eq(programCycles.programId, programId));
  return row?.seq ?? 0;
}

export async function insertCycle(tx: Db, values: NewCycle): Promise<string> {
  const [row] = await tx.insert(programCycles).values(values).returning({ id: programCycles.id });
  return row!.id;
}

export async function updateCycle(tx: Db, id: string, patch: Partial<NewCycle>): Promise<void> {
  await tx.update(programCycles).set(patch).where(eq(programCycles.id, id));
}

export async function findGrievance(db: Db, id: string) {
  const [g] = await db.select().from(grievances).where(eq(grievances.id, id));
  return g ?? null;
}

/** A program's grievances, open first; within an area when given. */
export function findGrievancesOf(db: Db, programId: string, area: string | null) {
  return db
    .select()
    .from(grievances)
    .where(
      area !== null
        ? and(
            eq(grievances.programId, programId),
            or(eq(grievances.regionCode, area), like(grievances.regionCode, `${area}.%`)),
          )
        : eq(grievances.programId, programId),
    )
    .orderBy(asc(grievances.status), desc(grievances.createdAt));
}

/** Payment cycles in a state with their program (the approvals waiting, the cycles returned). */
export function findCyclesInState(db: Db, state: string) {
  return db
    .select({
      id: programCycles.id,
      period: programCycles.period,
      seq: programCycles.seq,
      steps: programCycles.steps,
      programId: programs.id,
      programName: programs.name,
      organisationId: programs.organisationId,
    })
    .from(programCycles)
    .innerJoin(programs, eq(programs.id, programCycles.programId))
    .where(eq(programCycles.state, state))
    .orderBy(asc(programs.name), asc(programCycles.seq));
}

/** Grievances not yet settled, with their program. */
export function findOpenGrievances(db: Db) {
  return db
    .select({
      id: grievances.id,
      kind: grievances.kind,
      regionCode: grievances.regionCode,
      programId: programs.id,
      programName: programs.name,
      organisationId: programs.organisationId,
    })
    .from(grievances)
    .innerJoin(programs, eq(programs.id, grievances.programId))
    .where(and(ne(grievances.status, 'selesai'), ne(grievances.status, 'ditolak')))
    .orderBy(asc(grievances.createdAt));
}

export async function insertGrievance(tx: Db, values: NewGrievance): Promise<string> {
  const [row] = await tx.insert(grievances).values(values).returning({ id: grievances.id });
  return row!.id;
}

export async function updateGrievance(tx: Db, id: string, patch: Partial<NewGrievance>): Promise<void> {
  await tx.update(grievances).set(patch).where(eq(grievances.id, id));
}

/** The sample's programs, rule versions, enrolments and measurements, in batches of 500 rows. */
export async function insertSample(
  tx: Db,
  rows: { programs: NewProgram[]; enrolments: NewEnrolment[]; measurements: NewMeasurement[] },
): Promise<void> {
  const batch = async <T>(table: Parameters<typeof tx.insert>[0], list: T[]) => {
    for (let i = 0; i < list.length; i += 500) await tx.insert(table).values(list.slice(i, i + 500) as never);
  };
  await batch(programs, rows.programs);
  await batch(
    programRuleVersions,
    rows.programs.map((p) => ({ programId: p.id, version: 1, rule: p.eligibility })),
  );
  await batch(enrolments, rows.enrolments);
  await batch(measurements, rows.measurements);
}

import type { PersonBody } from '@sinergi/contracts';
import { AppError, canActInRegion, canSeeIdentity, isWithin, parseRegionCode } from '@sinergi/core';
import { and, asc, count, eq, ilike, inArray, like, or, type SQL } from 'drizzle-orm';
import type { AppContext, Principal } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { enrolments, families, people, programs, umkm } from '../../db/schema.ts';
import { decrypt, encrypt, keyedHash, maskIdentifier } from '../../personal/personal-data.ts';
import { xlsxOf } from '../../reports/xlsx.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { assertLocation } from '../musrenbang/musrenbang.service.ts';
import { namesOf } from '../regions/regions.service.ts';

/**
 * The social registry: people and families. NIK and No. KK are sealed at rest and found through
 * keyed hashes; lists and exports mask them unless the role needs them (core's canSeeIdentity);
 * every read of a person is written to the audit log, without the identifiers.
 */
type PersonRow = typeof people.$inferSelect;

/** The region a role may list: a desa or kecamatan its own area; kabupaten roles everything. */
function listScope(principal: Principal, region?: string) {
  const actor = principal.actor;
  if (actor.role === 'desa' || actor.role === 'kecamatan') {
    const own = actor.regionCode;
    if (!own) throw new AppError('OUT_OF_SCOPE');
    if (region && !isWithin(parseRegionCode(region), own)) throw new AppError('OUT_OF_SCOPE');
    return region ?? own;
  }
  return region ?? null;
}

async function programOrganisationsOf(db: Db, personIds: readonly string[]) {
  const out = new Map<string, string[]>();
  if (!personIds.length) return out;
  const rows = await db
    .select({ personId: enrolments.personId, organisationId: programs.organisationId })
    .from(enrolments)
    .innerJoin(programs, eq(programs.id, enrolments.programId))
    .where(inArray(enrolments.personId, [...personIds]));
  for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), r.organisationId]);
  return out;
}

async function present(ctx: AppContext, principal: Principal, rows: PersonRow[]) {
  const orgs = await programOrganisationsOf(
    ctx.database.db,
    rows.map((r) => r.id),
  );
  const names = await namesOf(
    ctx,
    rows.map((r) => r.regionCode),
  );
  const familyRows = rows.some((r) => r.familyId)
    ? await ctx.database.db
        .select()
        .from(families)
        .where(
          inArray(
            families.id,
            rows.flatMap((r) => (r.familyId ? [r.familyId] : [])),
          ),
        )
    : [];
  const family = new Map(familyRows.map((f) => [f.id, f]));
  return rows.map((r) => {
    const f = r.familyId ? family.get(r.familyId) : undefined;
    const full = canSeeIdentity(principal.actor, {
      regionCode: r.regionCode,
      programOrganisations: orgs.get(r.id) ?? [],
    });
    const nik = decrypt(ctx.config.personalDataKey, r.nikSealed);
    const kk = f ? decrypt(ctx.config.personalDataKey, f.kkSealed) : null;
    return {
      id: r.id,
      nik: full ? nik : maskIdentifier(nik),
      kk: kk === null ? null : full ? kk : maskIdentifier(kk),
      identityVisible: full,
      name: r.name,
      sex: r.sex as 'L' | 'P',
      birthDate: r.birthDate,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? r.regionCode,
      address: full ? (f?.address ?? '') : '',
      welfareDecile: f?.welfareDecile ?? null,
      sample: r.sample,
    };
  });
}

export async function listPeople(
  ctx: AppContext,
  principal: Principal,
  query: { region?: string | undefined; q?: string | undefined; limit: number; offset: number },
  action: 'people.listed' | 'people.exported' = 'people.listed',
) {
  const actor = principal.actor;
  const within = listScope(principal, query.region);
  const where: SQL[] = [];
  if (within) where.push(or(eq(people.regionCode, within), like(people.regionCode, `${within}.%`))!);
  if (query.q) where.push(ilike(people.name, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`));
  // An OPD lists only the people its programs serve.
  if (actor.role === 'opd')
    where.push(
      inArray(
        people.id,
        ctx.database.db
          .select({ id: enrolments.personId })
          .from(enrolments)
          .innerJoin(programs, eq(programs.id, enrolments.programId))
          .where(eq(programs.organisationId, actor.organisationId ?? '00000000-0000-0000-0000-000000000000')),
      ),
    );
  const filter = where.length ? and(...where) : undefined;
  const db = ctx.database.db;
  const [total] = await db.select({ n: count() }).from(people).where(filter);
  const rows = await db
    .select()
    .from(people)
    .where(filter)
    .orderBy(asc(people.regionCode), asc(people.name))
    .limit(query.limit)
    .offset(query.offset);
  const items = await present(ctx, principal, rows);
  await db.transaction((tx) =>
    appendAudit(tx, principal, {
      action,
      entity: 'person',
      entityId: within ?? '*',
      after: { count: items.length, q: query.q ? 'name' : null },
    }),
  );
  return { items, total: total?.n ?? 0 };
}

async function readPerson(ctx: AppContext, principal: Principal, row: PersonRow | undefined) {
  if (!row) throw new AppError('NOT_FOUND', { details: { what: 'person' } });
  const actor = principal.actor;
  const orgs = (await programOrganisationsOf(ctx.database.db, [row.id])).get(row.id) ?? [];
  const inRegion = canActInRegion(actor, parseRegionCode(row.regionCode));
  const served = actor.role === 'opd' && !!actor.organisationId && orgs.includes(actor.organisationId);
  if (!inRegion && !served && actor.role !== 'admin' && actor.role !== 'perencana')
    throw new AppError('NOT_FOUND', { details: { what: 'person' } });
  const [person] = await present(ctx, principal, [row]);
  const programsOf = await ctx.database.db
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
    .where(eq(enrolments.personId, row.id));
  const businesses = await ctx.database.db.select().from(umkm).where(eq(umkm.ownerId, row.id));
  await ctx.database.db.transaction((tx) =>
    appendAudit(tx, principal, {
      action: 'person.read',
      entity: 'person',
      entityId: row.id,
      after: { identityVisible: person!.identityVisible },
    }),
  );
  return {
    ...person!,
    enrolments: programsOf,
    umkm: businesses.map((b) => ({
      id: b.id,
      name: b.name,
      sector: b.sector,
      products: b.products,
      permits: b.permits,
      channels: b.channels,
    })),
  };
}

export async function getPerson(ctx: AppContext, principal: Principal, id: string) {
  const [row] = await ctx.database.db.select().from(people).where(eq(people.id, id));
  return readPerson(ctx, principal, row);
}

/** Exact lookup by NIK (sent in the body, never in a URL), through the keyed hash. */
export async function findByNik(ctx: AppContext, principal: Principal, nik: string) {
  const [row] = await ctx.database.db
    .select()
    .from(people)
    .where(eq(people.nikHash, keyedHash(ctx.config.personalDataKey, 'nik', nik)));
  return readPerson(ctx, principal, row);
}

/** Registers a resident (the desa, for its own residents); the family is created on first sight of its No. KK. */
export async function registerPerson(ctx: AppContext, principal: Principal, body: PersonBody) {
  const region = await assertLocation(ctx, body.regionCode);
  if (!canActInRegion(principal.actor, region)) throw new AppError('OUT_OF_SCOPE');
  const key = ctx.config.personalDataKey;
  const nikHash = keyedHash(key, 'nik', body.nik);
  const kkHash = keyedHash(key, 'kk', body.kk);
  const db = ctx.database.db;
  const [existing] = await db.select({ id: people.id }).from(people).where(eq(people.nikHash, nikHash));
  if (existing)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.nik', issue: 'nik_registered' }] });
  const [family] = await db.select().from(families).where(eq(families.kkHash, kkHash));
  if (family && family.regionCode !== region)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.kk', issue: 'kk_region' }] });
  return db.transaction(async (tx) => {
    let familyId = family?.id;
    if (!familyId) {
      const [f] = await tx
        .insert(families)
        .values({ kkHash, kkSealed: encrypt(key, body.kk), regionCode: region, address: body.address })
        .returning({ id: families.id });
      familyId = f!.id;
    }
    const [p] = await tx
      .insert(people)
      .values({
        nikHash,
        nikSealed: encrypt(key, body.nik),
        familyId,
        name: body.name,
        sex: body.sex,
        birthDate: body.birthDate,
        regionCode: region,
      })
      .returning({ id: people.id });
    await appendAudit(tx, principal, {
      action: 'person.registered',
      entity: 'person',
      entityId: p!.id,
      after: { regionCode: region },
    });
    return { id: p!.id };
  });
}

/** The list as a workbook: the same scope and the same masking as the screen; the export is logged. */
export async function exportPeople(
  ctx: AppContext,
  principal: Principal,
  query: { region?: string | undefined; q?: string | undefined },
) {
  const { items } = await listPeople(
    ctx,
    principal,
    { ...query, limit: 50_000, offset: 0 },
    'people.exported',
  );
  type Row = (typeof items)[number];
  return xlsxOf<Row>(
    'Penduduk',
    [
      { header: 'NIK', width: 20, value: (r) => r.nik },
      { header: 'No. KK', width: 20, value: (r) => r.kk },
      { header: 'nama', width: 28, value: (r) => r.name },
      { header: 'jenis kelamin', width: 8, value: (r) => r.sex },
      { header: 'tanggal lahir', width: 12, value: (r) => r.birthDate },
      { header: 'kode wilayah', width: 16, value: (r) => r.regionCode },
      { header: 'desa/kelurahan', width: 20, value: (r) => r.regionName },
      { header: 'alamat', width: 24, value: (r) => r.address },
      { header: 'desil', width: 8, value: (r) => r.welfareDecile },
      { header: 'data contoh', width: 10, value: (r) => (r.sample ? 'ya' : 'tidak') },
    ],
    items,
  );
}

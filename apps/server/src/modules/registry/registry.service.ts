import type { PersonBody } from '@sinergi/contracts';
import { AppError, canActInRegion, canSeeIdentity, isWithin, parseRegionCode } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { decrypt, encrypt, keyedHash, maskIdentifier } from '../../personal/personal-data.ts';
import { xlsxOf } from '../../reports/xlsx.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { assertLocation } from '../musrenbang/musrenbang.service.ts';
import { enrolmentsOfPerson, peopleServedBy, programOrganisationsOf } from '../programs/programs.facade.ts';
import { kabupatenName, namesOf } from '../regions/regions.service.ts';
import { businessesOf } from '../umkm/umkm.facade.ts';
import * as repo from './registry.repository.ts';

/**
 * The social registry: people and families. NIK and No. KK are sealed at rest and found through
 * keyed hashes; lists and exports mask them unless the role needs them (core's canSeeIdentity);
 * every read of a person is written to the audit log, without the identifiers.
 */
type PersonRow = repo.PersonRow;

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

async function present(ctx: AppContext, principal: Principal, rows: PersonRow[]) {
  const orgs = await programOrganisationsOf(
    ctx,
    rows.map((r) => r.id),
  );
  const names = await namesOf(
    ctx,
    rows.map((r) => r.regionCode),
  );
  const familyRows = await repo.findFamilies(
    ctx.database.db,
    rows.flatMap((r) => (r.familyId ? [r.familyId] : [])),
  );
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
  // An OPD lists only the people its programs serve.
  const ids = actor.role === 'opd' ? await peopleServedBy(ctx, actor.organisationId ?? null) : undefined;
  const db = ctx.database.db;
  const { rows, total } = await repo.findPeople(db, {
    within,
    q: query.q,
    ids,
    limit: query.limit,
    offset: query.offset,
  });
  const items = await present(ctx, principal, rows);
  await db.transaction((tx) =>
    appendAudit(tx, principal, {
      action,
      entity: 'person',
      entityId: within ?? '*',
      after: { count: items.length, q: query.q ? 'name' : null },
    }),
  );
  return { items, total };
}

async function readPerson(ctx: AppContext, principal: Principal, row: PersonRow | null) {
  if (!row) throw new AppError('NOT_FOUND', { details: { what: 'person' } });
  const actor = principal.actor;
  const orgs = (await programOrganisationsOf(ctx, [row.id])).get(row.id) ?? [];
  const inRegion = canActInRegion(actor, parseRegionCode(row.regionCode));
  const served = actor.role === 'opd' && !!actor.organisationId && orgs.includes(actor.organisationId);
  if (!inRegion && !served && actor.role !== 'admin' && actor.role !== 'perencana')
    throw new AppError('NOT_FOUND', { details: { what: 'person' } });
  const [person] = await present(ctx, principal, [row]);
  const programsOf = await enrolmentsOfPerson(ctx, row.id);
  const businesses = await businessesOf(ctx, row.id);
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
  return readPerson(ctx, principal, await repo.findPerson(ctx.database.db, id));
}

/** Exact lookup by NIK (sent in the body, never in a URL), through the keyed hash. */
export async function findByNik(ctx: AppContext, principal: Principal, nik: string) {
  const hash = keyedHash(ctx.config.personalDataKey, 'nik', nik);
  return readPerson(ctx, principal, await repo.findPersonByNikHash(ctx.database.db, hash));
}

/** Registers a resident (the desa, for its own residents); the family is created on first sight of its No. KK. */
export async function registerPerson(ctx: AppContext, principal: Principal, body: PersonBody) {
  const region = await assertLocation(ctx, body.regionCode);
  if (!canActInRegion(principal.actor, region)) throw new AppError('OUT_OF_SCOPE');
  const key = ctx.config.personalDataKey;
  const nikHash = keyedHash(key, 'nik', body.nik);
  const kkHash = keyedHash(key, 'kk', body.kk);
  const db = ctx.database.db;
  if (await repo.findPersonByNikHash(db, nikHash))
    throw new AppError('VALIDATION', { issues: [{ field: 'body.nik', issue: 'nik_registered' }] });
  const family = await repo.findFamilyByKkHash(db, kkHash);
  if (family && family.regionCode !== region)
    throw new AppError('VALIDATION', { issues: [{ field: 'body.kk', issue: 'kk_region' }] });
  return db.transaction(async (tx) => {
    let familyId = family?.id;
    if (!familyId) {
      familyId = await repo.insertFamily(tx, {
        kkHash,
        kkSealed: encrypt(key, body.kk),
        regionCode: region,
        address: body.address,
      });
    }
    const id = await repo.insertPerson(tx, {
      nikHash,
      nikSealed: encrypt(key, body.nik),
      familyId,
      name: body.name,
      sex: body.sex,
      birthDate: body.birthDate,
      regionCode: region,
    });
    await appendAudit(tx, principal, {
      action: 'person.registered',
      entity: 'person',
      entityId: id,
      after: { regionCode: region },
    });
    return { id };
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
      { header: 'tanggal lahir', width: 18, value: (r) => (r.birthDate ? new Date(r.birthDate) : null) },
      { header: 'kode wilayah', width: 16, value: (r) => r.regionCode },
      { header: 'desa/kelurahan', width: 20, value: (r) => r.regionName },
      { header: 'alamat', width: 24, value: (r) => r.address },
      { header: 'desil', width: 8, value: (r) => r.welfareDecile },
      { header: 'data contoh', width: 10, value: (r) => (r.sample ? 'ya' : 'tidak') },
    ],
    items,
    {
      title: 'Daftar penduduk (data terbatas, akses dicatat)',
      scope: query.region
        ? ((await namesOf(ctx, [query.region])).get(query.region) ?? query.region)
        : await kabupatenName(ctx),
    },
  );
}

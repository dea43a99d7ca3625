import { AppError, ancestorsOf, parseRegionCode, type RegionLevel, regionLevels } from '@sinergi/core';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { AppContext, Principal } from '../../context.ts';
import { enqueueJobOnce } from '../jobs/jobs.service.ts';
import * as repo from './regions.repository.ts';

async function activeEdition(ctx: AppContext): Promise<repo.EditionRow> {
  const edition = await repo.findActiveEdition(ctx.database.db);
  // Before the first load finishes there is nothing to show: an empty tree, not an error page.
  if (!edition) throw new AppError('NOT_FOUND', { details: { what: 'region edition' } });
  return edition;
}

export const levelNumber = (level: RegionLevel) => regionLevels.indexOf(level) + 1;

export async function getRegion(ctx: AppContext, rawCode: string) {
  const code = parseRegionCode(rawCode);
  const { db } = ctx.database;
  const edition = await activeEdition(ctx);
  const region = await repo.findRegion(db, edition.id, code);
  if (!region) throw new AppError('NOT_FOUND');
  const [ancestors, children, counts, hasBoundary] = await Promise.all([
    repo.findRegionsByCodes(db, edition.id, ancestorsOf(code)),
    repo.findChildren(db, edition.id, code),
    repo.countWithin(db, edition.id, code),
    repo.hasBoundary(db, code),
  ]);
  return { region, ancestors, children, counts, hasBoundary, edition: edition.title };
}

export async function findProvinces(ctx: AppContext) {
  const edition = await repo.findActiveEdition(ctx.database.db);
  if (!edition) return [];
  return repo.findChildren(ctx.database.db, edition.id, null);
}

export async function searchRegions(
  ctx: AppContext,
  query: { q: string; level?: RegionLevel | undefined; within?: string | undefined; limit: number },
) {
  const { db } = ctx.database;
  const edition = await repo.findActiveEdition(db);
  if (!edition) return [];
  const found = await repo.searchRegions(db, edition.id, {
    text: query.q,
    ...(query.level ? { level: levelNumber(query.level) } : {}),
    ...(query.within ? { within: parseRegionCode(query.within) } : {}),
    limit: query.limit,
  });
  // One lookup for the names of every ancestor of every hit, to show "Jawa Timur › Kab. Blitar › ...".
  const ancestorCodes = [...new Set(found.flatMap((r) => ancestorsOf(parseRegionCode(r.code))))];
  const names = new Map(
    (await repo.findRegionsByCodes(db, edition.id, ancestorCodes)).map((r) => [r.code, r.name] as const),
  );
  return found.map((r) => ({
    ...r,
    path: ancestorsOf(parseRegionCode(r.code))
      .map((c) => names.get(c) ?? c)
      .join(' › '),
  }));
}

export async function getBoundaries(ctx: AppContext, level: 'kecamatan' | 'desa') {
  const edition = await activeEdition(ctx);
  return repo.findBoundaries(ctx.database.db, edition.id, levelNumber(level), ctx.config.activeKabupaten);
}

export async function findEditions(ctx: AppContext) {
  return repo.findEditions(ctx.database.db);
}

/** Starts a `regions.load` job, or returns the one already queued or running. */
export async function requestRegionLoad(ctx: AppContext, principal: Principal, force: boolean) {
  return enqueueJobOnce(ctx, principal, { kind: 'regions.load', params: { force } });
}

/** The region with this code in the active edition, or null. */
export async function findRegion(ctx: AppContext, code: string) {
  const edition = await repo.findActiveEdition(ctx.database.db);
  return edition ? repo.findRegion(ctx.database.db, edition.id, code) : null;
}

/** Names of regions by code in the active edition (one query). */
export async function namesOf(ctx: AppContext, codes: string[]): Promise<Map<string, string>> {
  const edition = await repo.findActiveEdition(ctx.database.db);
  if (!edition) return new Map();
  const rows = await repo.findRegionsByCodes(ctx.database.db, edition.id, [...new Set(codes)]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The name of the kabupaten this Sinergi serves ("Kabupaten Blitar"), for a report's heading. */
export async function kabupatenName(ctx: AppContext): Promise<string> {
  return (await findRegion(ctx, ctx.config.activeKabupaten))?.name ?? ctx.config.activeKabupaten;
}

/** How many desa lie inside a region (a count, not the rows); 0 before the first load. */
export async function countDesaWithin(ctx: AppContext, code: string): Promise<number> {
  const edition = await repo.findActiveEdition(ctx.database.db);
  return edition ? (await repo.countWithin(ctx.database.db, edition.id, code)).desa : 0;
}

export async function findDesaWithin(ctx: AppContext, code: string) {
  const edition = await repo.findActiveEdition(ctx.database.db);
  return edition ? repo.findDesaWithin(ctx.database.db, edition.id, code) : [];
}

/** The active edition of the region list, or null before the first load. */
export function regionListState(ctx: AppContext) {
  return repo.findActiveEdition(ctx.database.db);
}

/**
 * Where a point lies against the boundaries in the project: in the given desa, and in the active
 * kabupaten (any of its kecamatan). Null where there is no boundary to check against.
 */
export async function placeOfPoint(
  ctx: AppContext,
  desaCode: string,
  point: { latitude: number; longitude: number },
): Promise<{ inDesa: boolean | null; inKabupaten: boolean | null }> {
  const { db } = ctx.database;
  const at: [number, number] = [point.longitude, point.latitude];
  // biome-ignore lint/suspicious/noExplicitAny: GeoJSON geometry stored as JSON
  const inside = (geometry: unknown) => booleanPointInPolygon(at, geometry as any);
  const desa = await repo.findGeometry(db, desaCode);
  const inDesa = desa ? inside(desa) : null;
  // Inside the desa is inside the kabupaten; only a point outside it is checked against the kecamatan.
  if (inDesa) return { inDesa, inKabupaten: true };
  const kecamatan = await repo.findGeometries(db, 3, ctx.config.activeKabupaten);
  return { inDesa, inKabupaten: kecamatan.length ? kecamatan.some((k) => inside(k.geometry)) : null };
}

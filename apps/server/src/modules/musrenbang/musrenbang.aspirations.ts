import type { aspirationBody } from '@sinergi/contracts';
import { AppError } from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext, Principal } from '../../context.ts';
import { keyedHash } from '../../personal/personal-data.ts';
import { placeOfPoint } from '../regions/regions.service.ts';
import { assertLocation, create } from './musrenbang.service.ts';

/** A citizen's aspiration: for next year's plan, waiting for the desa to moderate it. */
export async function submitAspiration(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof aspirationBody>,
) {
  const regionCode = await assertLocation(ctx, body.regionCode);
  // A citizen's pin must lie in the desa they chose (its boundary): the desa moderates only its own.
  if (body.latitude !== undefined && body.longitude !== undefined) {
    const place = await placeOfPoint(ctx, regionCode, { latitude: body.latitude, longitude: body.longitude });
    const issue =
      place?.inKabupaten === false
        ? 'point_outside_kabupaten'
        : place?.inDesa === false
          ? 'point_outside_desa'
          : null;
    if (issue) throw new AppError('VALIDATION', { issues: [{ field: 'body.latitude', issue }] });
  }
  const created = await create(ctx, principal, {
    track: 'aspirasi',
    title: body.title,
    description: body.description,
    bidang: body.bidang,
    organisationId: null,
    regionCode,
    rt: body.rt ?? null,
    rw: body.rw ?? null,
    latitude: body.latitude ?? null,
    longitude: body.longitude ?? null,
    volume: 1,
    unit: 'kegiatan',
    estimatedCost: body.estimatedCost ?? 0,
    communityContribution: 0,
    beneficiaries: body.beneficiaries,
    planYear: ctx.clock().getFullYear() + 1,
    proposerName: body.proposerName,
    proposerUserId: null,
    contact: body.contact ?? null,
  });
  return {
    trackingCode: created.trackingCode,
    stage: created.stage,
    photoToken: aspirationPhotoToken(ctx, created.trackingCode),
  };
}

/**
 * What lets the citizen who sent an aspiration add its photos without an account: a keyed hash of
 * its tracking code, given once with the code (musrenbang.photos.ts checks it).
 */
export const aspirationPhotoToken = (ctx: AppContext, trackingCode: string) =>
  keyedHash(ctx.config.personalDataKey, 'aspiration-photo', trackingCode);

export { PHOTO_LIMIT } from '../../http/images.ts';

import { timingSafeEqual } from 'node:crypto';
import { AppError, canAddProposalPhoto } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { decodedImage } from '../../http/images.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { aspirationPhotoToken } from './musrenbang.aspirations.ts';
import * as repo from './musrenbang.repository.ts';
import { mustFind } from './musrenbang.service.ts';

/** Photos of a proposal's site, checked by content. */
export const PHOTOS_PER_PROPOSAL = 6;

/** A photo of the location: JPEG, PNG or WebP (checked by content, not by name), at most 5 MiB. */
export async function addPhoto(
  ctx: AppContext,
  principal: Principal,
  id: string,
  data: Buffer,
  declared: string,
) {
  const p = await mustFind(ctx, id);
  const actor = principal.actor;
  if (!canAddProposalPhoto(actor, p)) throw new AppError('OUT_OF_SCOPE');
  const image = await decodedImage(data, declared);
  const photos = await repo.findPhotos(ctx.database.db, id);
  if (photos.length >= PHOTOS_PER_PROPOSAL)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body', issue: 'too_many_photos', params: { max: PHOTOS_PER_PROPOSAL } }],
    });
  return ctx.database.db.transaction(async (tx) => {
    const photoId = await repo.insertPhoto(tx, {
      proposalId: id,
      mediaType: image.type,
      size: image.data.length,
      data: image.data,
    });
    await appendAudit(tx, principal, {
      action: 'proposal.photo_added',
      entity: 'proposal',
      entityId: id,
      after: { photoId, mediaType: image.type, size: image.data.length },
    });
    return { id: photoId, mediaType: image.type, size: image.data.length };
  });
}

export async function getPhoto(ctx: AppContext, id: string, photoId: string) {
  const photo = await repo.findPhoto(ctx.database.db, id, photoId);
  if (!photo) throw new AppError('NOT_FOUND', { details: { what: photoId } });
  return photo;
}

/** Photos a citizen may add to their own aspiration, and for how long after sending it. */
export const ASPIRATION_PHOTOS = 3;
const ASPIRATION_PHOTO_HOURS = 24;

/**
 * A photo of the site from the citizen who sent the aspiration (issue 20): allowed with the token
 * given with its tracking code, while the desa has not yet moderated it, within a day of sending,
 * at most three. Anything else reads as not found, so a guessed code learns nothing.
 */
export async function addAspirationPhoto(
  ctx: AppContext,
  principal: Principal,
  code: string,
  token: string,
  data: Buffer,
  declared: string,
) {
  const p = await repo.findByTrackingCode(ctx.database.db, code);
  const expected = Buffer.from(aspirationPhotoToken(ctx, code));
  const given = Buffer.from(token);
  if (!p) throw new AppError('NOT_FOUND', { details: { what: code } });
  const fresh = ctx.clock().getTime() - p.createdAt.getTime() < ASPIRATION_PHOTO_HOURS * 3_600_000;
  if (
    p.track !== 'aspirasi' ||
    p.stage !== 'moderasi' ||
    !fresh ||
    given.length !== expected.length ||
    !timingSafeEqual(given, expected)
  )
    throw new AppError('NOT_FOUND', { details: { what: code } });
  const image = await decodedImage(data, declared);
  if ((await repo.findPhotos(ctx.database.db, p.id)).length >= ASPIRATION_PHOTOS)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body', issue: 'too_many_photos', params: { max: ASPIRATION_PHOTOS } }],
    });
  return ctx.database.db.transaction(async (tx) => {
    const photoId = await repo.insertPhoto(tx, {
      proposalId: p.id,
      mediaType: image.type,
      size: image.data.length,
      data: image.data,
    });
    await appendAudit(tx, principal, {
      action: 'proposal.photo_added',
      entity: 'proposal',
      entityId: p.id,
      after: { photoId, mediaType: image.type, size: image.data.length },
    });
    return { id: photoId, mediaType: image.type, size: image.data.length };
  });
}

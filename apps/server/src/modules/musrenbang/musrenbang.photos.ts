export { PHOTO_LIMIT } from '../../http/images.ts';

import { AppError, canAddProposalPhoto } from '@sinergi/core';
import type { AppContext, Principal } from '../../context.ts';
import { decodedImage } from '../../http/images.ts';
import { appendAudit } from '../audit/audit.repository.ts';
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

import type { siteReportBody } from '@sinergi/contracts';
import { AppError, runsProject } from '@sinergi/core';
import type { z } from 'zod';
import type { AppContext, Principal } from '../../context.ts';
import { decodedImage } from '../../http/images.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { actorLabel } from '../musrenbang/musrenbang.facade.ts';
import { projectFacts } from '../projects/projects.facade.ts';
import * as repo from './citizens.repository.ts';
import { authorName } from './citizens.service.ts';

/** Site reports an account may send a day, photos per report, and how long photos may be added. */
export const SITE_REPORTS_PER_DAY = 5;
export const SITE_PHOTOS = 3;
const PHOTO_HOURS = 24;

async function mustProject(ctx: AppContext, id: string) {
  const p = await projectFacts(ctx, id);
  if (!p) throw new AppError('NOT_FOUND', { details: { what: id } });
  return p;
}

const photoWindowOpen = (ctx: AppContext, r: { createdAt: Date }) =>
  ctx.clock().getTime() - r.createdAt.getTime() < PHOTO_HOURS * 3_600_000;

/**
 * What citizens saw at a project's site (issue 20), newest first, apart from the official reports:
 * each with its photos and the agency's answer.
 */
export async function listSiteReports(ctx: AppContext, principal: Principal, projectId: string) {
  const p = await mustProject(ctx, projectId);
  const { reports, photos } = await repo.findSiteReports(ctx.database.db, projectId);
  const answerer = runsProject(principal.actor, p);
  return {
    items: reports.map((r) => ({
      id: r.id,
      author: r.author,
      note: r.note,
      location:
        r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null,
      at: r.createdAt.toISOString(),
      photos: photos.filter((x) => x.reportId === r.id).map((x) => x.id),
      answer:
        r.answer && r.answeredBy && r.answeredAt
          ? { text: r.answer, by: r.answeredBy, at: r.answeredAt.toISOString() }
          : null,
      mayAnswer: answerer && !r.answer,
      mayAddPhoto: r.userId === principal.actor.userId && photoWindowOpen(ctx, r),
    })),
  };
}

export async function addSiteReport(
  ctx: AppContext,
  principal: Principal,
  projectId: string,
  body: z.infer<typeof siteReportBody>,
) {
  await mustProject(ctx, projectId);
  const userId = principal.actor.userId!;
  const since = new Date(ctx.clock().getTime() - 86_400_000);
  if ((await repo.countSiteReportsSince(ctx.database.db, userId, since)) >= SITE_REPORTS_PER_DAY)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body.note', issue: 'site_report_limit', params: { max: SITE_REPORTS_PER_DAY } }],
    });
  const author = await authorName(ctx, userId);
  return ctx.database.db.transaction(async (tx) => {
    const r = await repo.insertSiteReport(tx, {
      projectId,
      userId,
      author,
      note: body.note,
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
    });
    await appendAudit(tx, principal, {
      action: 'site_report.added',
      entity: 'project',
      entityId: projectId,
      after: { reportId: r.id },
    });
    return { id: r.id };
  });
}

/** A photo of the site, by the report's author, within a day of sending it, at most three. */
export async function addSiteReportPhoto(
  ctx: AppContext,
  principal: Principal,
  reportId: string,
  data: Buffer,
  type: string,
) {
  const r = await repo.findSiteReport(ctx.database.db, reportId);
  if (!r || r.userId !== principal.actor.userId || !photoWindowOpen(ctx, r))
    throw new AppError('NOT_FOUND', { details: { what: reportId } });
  const image = await decodedImage(data, type);
  if ((await repo.countSiteReportPhotos(ctx.database.db, reportId)) >= SITE_PHOTOS)
    throw new AppError('VALIDATION', {
      issues: [{ field: 'body', issue: 'too_many_photos', params: { max: SITE_PHOTOS } }],
    });
  return ctx.database.db.transaction(async (tx) => {
    const id = await repo.insertSiteReportPhoto(tx, {
      reportId,
      mediaType: image.type,
      size: image.data.length,
      data: image.data,
    });
    await appendAudit(tx, principal, {
      action: 'site_report.photo_added',
      entity: 'project',
      entityId: r.projectId,
      after: { photoId: id },
    });
    return { id, mediaType: image.type, size: image.data.length };
  });
}

export async function getSiteReportPhoto(ctx: AppContext, id: string) {
  const photo = await repo.findSiteReportPhoto(ctx.database.db, id);
  if (!photo) throw new AppError('NOT_FOUND', { details: { what: id } });
  return photo;
}

/** The agency running the project answers a site report, once, under its office's name. */
export async function answerSiteReport(ctx: AppContext, principal: Principal, id: string, answer: string) {
  const r = await repo.findSiteReport(ctx.database.db, id);
  if (!r) throw new AppError('NOT_FOUND', { details: { what: id } });
  const p = await mustProject(ctx, r.projectId);
  if (!runsProject(principal.actor, p)) throw new AppError('OUT_OF_SCOPE');
  const by = await actorLabel(ctx, principal.actor);
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.answerSiteReport(tx, id, answer, by, ctx.clock())))
      throw new AppError('VALIDATION', { issues: [{ field: 'params.id', issue: 'already_answered' }] });
    await appendAudit(tx, principal, {
      action: 'site_report.answered',
      entity: 'project',
      entityId: r.projectId,
      after: { reportId: id },
    });
  });
  return listSiteReports(ctx, principal, r.projectId);
}

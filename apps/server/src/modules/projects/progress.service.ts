import type { ProgressBody } from '@sinergi/contracts';
import {
  AppError,
  backwardsFindings,
  canReportOn,
  canVerifyProgress,
  type FieldIssue,
  type FundingLine,
  formatRupiah,
  fundingLineKey,
  pastDateFindings,
  type ReportState,
  reportMachine,
  sameJson,
  takeStep,
  todayIn,
} from '@sinergi/core';
import exifr from 'exifr';
import type { AppContext, Principal } from '../../context.ts';
import { decodedImage } from '../../http/images.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './projects.repository.ts';

import { mustFind } from './projects.service.ts';

type ProjectRow = repo.ProjectRow;
const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION', { issues });

/** Progress reports of a project: reported by the OPD or the desa, verified by the OPD, with photos. */
/** Who may report: the OPD running the project, or the desa where it is. */
function assertReporter(principal: Principal, p: ProjectRow) {
  if (!canReportOn(principal.actor, p)) throw new AppError('OUT_OF_SCOPE');
}

/**
 * The checks of a report (also each row of a progress file), throwing a field error naming each
 * problem: not below the report before it unless a correction, not dated ahead, spending only from
 * the project's sources and within them, 100 % only with the final documents, and a verified
 * report's date only with its own figures. Returns that verified report when it is sent again.
 */
export async function checkReport(
  ctx: AppContext,
  principal: Principal,
  p: ProjectRow,
  body: ProgressBody,
): Promise<repo.ReportRow | null> {
  assertReporter(principal, p);
  const projectId = p.id;
  const issues: FieldIssue[] = [];
  const reports = await repo.findReportsOf(ctx.database.db, projectId, 'desc');
  // A verified report stays as verified: other figures for its date would replace it unverified.
  const verified = verifiedOn(reports, body.reportDate);
  if (verified && !sameFigures(verified, body))
    issues.push({ field: 'body.reportDate', issue: 'report_date_verified' });
  // Not below the report before it (physical or any source's spending), unless marked as a
  // correction with its reason (core's backwardsFindings); a returned report does not count.
  issues.push(
    ...backwardsFindings(
      body,
      reports
        .filter((r) => r.reportDate !== body.reportDate)
        .map((r) => ({ ...r, state: r.state as ReportState })),
      body.correction ? { reason: body.correctionReason } : null,
    ),
  );
  if (body.physical >= 100 && body.finalDocuments.length === 0)
    issues.push({ field: 'body.finalDocuments', issue: 'final_documents_required' });
  if (body.reportDate < p.startDate) issues.push({ field: 'body.reportDate', issue: 'report_date_outside' });
  // A report tells what happened: not dated after today (in WIB).
  issues.push(...pastDateFindings('body.reportDate', body.reportDate, todayIn(undefined, ctx.clock())));
  // Spending is told per funding line: its source, or "csr:<partner>" for a partner's line.
  const funding = new Map(
    (p.funding as (FundingLine & { amount: number })[]).map((f) => [fundingLineKey(f), f.amount]),
  );
  for (const [source, amount] of Object.entries(body.spending)) {
    if (!funding.has(source)) issues.push({ field: `body.spending.${source}`, issue: 'not_a_source' });
    else if ((amount ?? 0) > funding.get(source)!)
      issues.push({
        field: `body.spending.${source}`,
        issue: 'over_source',
        params: { value: formatRupiah(funding.get(source)!) },
      });
  }
  if (issues.length) throw invalid(issues);
  return verified ?? null;
}

/** The verified report of a date, if any. */
const verifiedOn = (reports: readonly repo.ReportRow[], date: string) =>
  reports.find((r) => r.reportDate === date && r.state === 'diverifikasi');

/** The same physical progress and spending by source: the same report sent again. */
const sameFigures = (r: repo.ReportRow, b: Pick<ProgressBody, 'physical' | 'spending'>) =>
  r.physical === b.physical && sameJson(r.spending, b.spending);

export async function reportProgress(
  ctx: AppContext,
  principal: Principal,
  projectId: string,
  body: ProgressBody,
) {
  const p = await mustFind(ctx, projectId);
  // The verified report sent again: nothing changes.
  const verified = await checkReport(ctx, principal, p, body);
  if (verified) return { id: verified.id };
  return ctx.database.db.transaction(async (tx) => {
    const values = {
      projectId,
      reportDate: body.reportDate,
      physical: body.physical,
      spending: body.spending as Record<string, number>,
      note: body.note,
      problems: body.problems,
      followUp: body.followUp,
      finalDocuments: body.finalDocuments,
      correctionReason: body.correction ? body.correctionReason : null,
      state: 'dilaporkan',
      reportedBy: principal.actor.userId ?? null,
    };
    // The same date again replaces an unverified report (a correction), idempotently.
    const id = await repo.upsertReport(tx, values, ctx.clock());
    // Verified by the OPD in the moment since the check: this report does not replace it.
    if (!id) throw new AppError('STALE');
    await appendAudit(tx, principal, {
      action: 'progress.reported',
      entity: 'project',
      entityId: projectId,
      after: {
        reportDate: body.reportDate,
        physical: body.physical,
        ...(body.correction ? { correctionReason: body.correctionReason } : {}),
      },
    });
    return { id };
  });
}

/** The OPD verifies (or returns) a report; a verified 100 % report of road work sets its segments to good. */
export async function verifyReport(
  ctx: AppContext,
  principal: Principal,
  reportId: string,
  approve: boolean,
  note: string,
) {
  const r = await repo.findReport(ctx.database.db, reportId);
  if (!r) throw new AppError('NOT_FOUND', { details: { what: reportId } });
  const p = await mustFind(ctx, r.projectId);
  if (!canVerifyProgress(principal.actor, p)) throw new AppError('OUT_OF_SCOPE');
  // Core's report machine: from reported only; a return needs its reason.
  takeStep(reportMachine, r.state as ReportState, approve ? 'verifikasi' : 'kembalikan', { reason: note });
  const finishedRoad = approve && r.physical >= 100 && (p.roadSegments as string[]).length > 0;
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateReport(tx, reportId, {
      state: approve ? 'diverifikasi' : 'ditolak',
      verifiedBy: principal.actor.userId ?? null,
      verifiedAt: ctx.clock(),
      note: note ? `${r.note}${r.note ? '\n' : ''}Verifikasi: ${note}` : r.note,
      updatedAt: ctx.clock(),
    });
    if (finishedRoad) {
      const year = Number(r.reportDate.slice(0, 4));
      for (const segment of p.roadSegments as string[])
        await repo.upsertCondition(tx, { segmentCode: segment, year, condition: 'baik', source: p.code });
    }
    await appendAudit(tx, principal, {
      action: approve ? 'progress.verified' : 'progress.returned',
      entity: 'project',
      entityId: p.id,
      after: { reportDate: r.reportDate, physical: r.physical, roadsUpdated: finishedRoad },
    });
  });
  return { state: approve ? ('diverifikasi' as const) : ('ditolak' as const) };
}

export const PHOTOS_PER_REPORT = 8;

/**
 * A photo of a progress step: JPEG, PNG or WebP by content, at most 5 MiB, with the date and
 * place read from its EXIF when the camera wrote them.
 */
export async function addProgressPhoto(
  ctx: AppContext,
  principal: Principal,
  reportId: string,
  data: Buffer,
  declared: string,
) {
  const r = await repo.findReport(ctx.database.db, reportId);
  if (!r) throw new AppError('NOT_FOUND', { details: { what: reportId } });
  assertReporter(principal, await mustFind(ctx, r.projectId));
  // Decoded whole and stored without metadata; the date and place of the work are read from the
  // original's EXIF below and kept as their own columns (the form asks for them).
  const image = await decodedImage(data, declared);
  if ((await repo.countPhotosOf(ctx.database.db, reportId)) >= PHOTOS_PER_REPORT)
    throw invalid([{ field: 'body', issue: 'too_many_photos', params: { max: PHOTOS_PER_REPORT } }]);
  let takenAt: Date | null = null;
  let lat: number | null = null;
  let lng: number | null = null;
  try {
    // Only the TIFF, Exif and GPS blocks (the GPS raw tags are needed to compute latitude and longitude).
    const exif = (await exifr.parse(data, {
      tiff: true,
      exif: true,
      gps: true,
      xmp: false,
      icc: false,
      iptc: false,
    })) as { DateTimeOriginal?: Date; latitude?: number; longitude?: number } | undefined;
    if (exif?.DateTimeOriginal instanceof Date && !Number.isNaN(exif.DateTimeOriginal.getTime()))
      takenAt = exif.DateTimeOriginal;
    if (Number.isFinite(exif?.latitude) && Number.isFinite(exif?.longitude)) {
      lat = exif!.latitude!;
      lng = exif!.longitude!;
    }
  } catch {
    // No readable EXIF: the photo is kept without a date or place.
  }
  return ctx.database.db.transaction(async (tx) => {
    const id = await repo.insertPhoto(tx, {
      reportId,
      mediaType: image.type,
      size: image.data.length,
      data: image.data,
      takenAt,
      lat,
      lng,
    });
    await appendAudit(tx, principal, {
      action: 'progress.photo_added',
      entity: 'project',
      entityId: r.projectId,
      after: { photoId: id },
    });
    return {
      id,
      mediaType: image.type,
      size: image.data.length,
      takenAt: takenAt?.toISOString() ?? null,
      lat,
      lng,
    };
  });
}

export async function getProgressPhoto(ctx: AppContext, id: string) {
  const row = await repo.findPhoto(ctx.database.db, id);
  if (!row) throw new AppError('NOT_FOUND', { details: { what: id } });
  return row;
}

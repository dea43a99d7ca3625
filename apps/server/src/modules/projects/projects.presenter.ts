import type { ProjectDetail, ProjectItem, ProjectStanding } from '@sinergi/contracts';
import { daysBlocked, kecamatanOf, type PlanPoint } from '@sinergi/core';
import type { PermitRow, PhotoInfo, ProjectRow, ReportRow } from './projects.repository.ts';

/** What the API shows of projects: dates as ISO strings, JSON columns typed, names beside codes. */

/** A project in the portfolio list, with where it stands on the day asked. */
export function presentProjectItem(
  p: ProjectRow,
  organisation: string,
  names: ReadonlyMap<string, string>,
  blockedPermits: number,
  standing: ProjectStanding,
): ProjectItem {
  const kec = kecamatanOf(p.regionCode);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    type: p.type,
    organisation,
    organisationId: p.organisationId,
    regionCode: p.regionCode,
    regionName: names.get(p.regionCode) ?? p.regionCode,
    kecamatan: kec,
    kecamatanName: names.get(kec) ?? kec,
    contractValue: p.contractValue,
    contractor: p.contractor,
    startDate: p.startDate,
    endDate: p.endDate,
    funding: p.funding as ProjectItem['funding'],
    location: p.location,
    blockedPermits,
    groupCode: p.groupCode,
    groupName: p.groupName,
    sample: p.sample,
    ...standing,
  };
}

/** One project with its reports (and their photos), permits, standing and what the reader may do. */
export function presentProjectDetail(d: {
  p: ProjectRow;
  organisation: { id: string; shortName: string; name: string } | null;
  regionName: string;
  proposal: { id: string; trackingCode: string; title: string } | null;
  reports: readonly ReportRow[];
  photos: readonly PhotoInfo[];
  permits: readonly PermitRow[];
  today: string;
  standing: ProjectStanding;
  abilities: ProjectDetail['abilities'];
}): ProjectDetail {
  const { p } = d;
  return {
    ...p,
    funding: p.funding as ProjectDetail['funding'],
    plan: p.plan as PlanPoint[],
    location: p.location as ProjectDetail['location'],
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    organisation: d.organisation,
    regionName: d.regionName,
    proposal: d.proposal,
    reports: d.reports.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      verifiedAt: r.verifiedAt?.toISOString() ?? null,
      photos: d.photos
        .filter((x) => x.reportId === r.id)
        .map((x) => ({ id: x.id, takenAt: x.takenAt?.toISOString() ?? null, lat: x.lat, lng: x.lng })),
    })),
    permits: d.permits.map((x) => ({
      ...x,
      daysBlocked: daysBlocked(x, d.today),
      createdAt: x.createdAt.toISOString(),
      updatedAt: x.updatedAt.toISOString(),
    })),
    standing: d.standing,
    abilities: d.abilities,
  };
}

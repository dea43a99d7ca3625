import type { ProjectDetail, ProjectItem, ProjectStanding } from '@sinergi/contracts';
import { daysBlocked, type FundingLine, kecamatanOf, type PlanPoint } from '@sinergi/core';
import type { PermitRow, PhotoInfo, ProjectRow, ReportRow } from './projects.repository.ts';

/** What the API shows of projects: dates as ISO strings, JSON columns typed, names beside codes. */

/** A project in the portfolio list, with where it stands on the day asked. */
type Line = FundingLine & { amount: number };
/** A project's funding lines, each CSR line with the name of the partner who pays it. */
const fundingOf = (p: ProjectRow, partners: ReadonlyMap<string, string>) =>
  (p.funding as Line[]).map((f) => ({
    source: f.source,
    amount: f.amount,
    partnerId: f.partnerId ?? null,
    partnerName: f.partnerId ? (partners.get(f.partnerId) ?? null) : null,
    commitmentId: f.commitmentId ?? null,
  }));

export function presentProjectItem(
  p: ProjectRow,
  organisation: string,
  names: ReadonlyMap<string, string>,
  blockedPermits: number,
  standing: ProjectStanding,
  partners: ReadonlyMap<string, string> = new Map(),
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
    funding: fundingOf(p, partners),
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
  partners: ReadonlyMap<string, string>;
}): ProjectDetail {
  const { p } = d;
  return {
    ...p,
    funding: fundingOf(p, d.partners),
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

import type { PublicProposalDetail, PublicProposalItem } from '@sinergi/contracts';
import type { publicProposalByCode, publicProposalRows } from '../musrenbang/musrenbang.facade.ts';
import type { ProjectOfProposal } from '../projects/projects.facade.ts';

type Row = Awaited<ReturnType<typeof publicProposalRows>>['rows'][number];
type Found = NonNullable<Awaited<ReturnType<typeof publicProposalByCode>>>;

/** A decision from the history as the public reads it: the office that decided, never a person. */
export function publicDecision(
  e: { kind: string; reason: string | null; note: string | null; actor: string } | null | undefined,
): PublicProposalItem['decision'] {
  return e ? { kind: e.kind, reason: e.reason, note: e.note, actor: e.actor } : null;
}

/**
 * A proposal as the public sees it: place, step, cost, the latest decision and its reason. Built
 * field by field so nothing personal (proposer, contact, RT/RW, who decided by name) can slip in.
 */
export function presentPublicItem(
  p: Row['p'],
  decision: PublicProposalItem['decision'],
  names: ReadonlyMap<string, string>,
  project: ProjectOfProposal | null,
  supports = 0,
): PublicProposalItem {
  const kecamatan = p.regionCode.split('.').slice(0, 3).join('.');
  return {
    trackingCode: p.trackingCode,
    title: p.title,
    track: p.track,
    bidang: p.bidang,
    regionCode: p.regionCode,
    regionName: names.get(p.regionCode) ?? p.regionCode,
    kecamatanName: names.get(kecamatan) ?? kecamatan,
    planYear: p.planYear,
    stage: p.stage,
    state: p.state,
    estimatedCost: p.estimatedCost,
    location:
      p.latitude !== null && p.longitude !== null ? { latitude: p.latitude, longitude: p.longitude } : null,
    decision,
    project,
    supports,
  };
}

export function presentPublicDetail(
  found: Found,
  names: ReadonlyMap<string, string>,
  project: ProjectOfProposal | null,
  supports: number,
): PublicProposalDetail {
  const { p } = found;
  const inModeration = p.stage === 'moderasi';
  return {
    ...presentPublicItem(p, publicDecision(found.decision), names, project, supports),
    description: inModeration ? '' : p.description,
    volume: p.volume,
    unit: p.unit,
    beneficiaries: p.beneficiaries,
    mergedInto: found.mergedInto,
    photos: inModeration ? [] : found.photos,
    events: found.events,
    inModeration,
  };
}

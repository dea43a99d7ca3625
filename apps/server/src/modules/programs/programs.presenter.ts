import type { ProgramDetail, ProgramItem } from '@sinergi/contracts';
import type { ProgramRow } from './programs.repository.ts';

/** What the API shows of programs: dates as ISO strings, JSON columns typed, the agency named. */

export function presentProgramItem(
  p: ProgramRow,
  organisation: string,
  counts: { participants: number; comparison: number },
): ProgramItem {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    type: p.type,
    organisation,
    startDate: p.startDate,
    endDate: p.endDate,
    budget: p.budget,
    targetBeneficiaries: p.targetBeneficiaries,
    ...counts,
    sample: p.sample,
  };
}

export function presentProgramDetail(
  p: ProgramRow,
  organisation: ProgramDetail['organisation'],
  versions: readonly { version: number; rule: unknown; createdAt: Date }[],
  abilities: ProgramDetail['abilities'],
): ProgramDetail {
  return {
    ...p,
    eligibility: p.eligibility as ProgramDetail['eligibility'],
    outputs: p.outputs as ProgramDetail['outputs'],
    outcomes: p.outcomes as ProgramDetail['outcomes'],
    organisation,
    ruleVersions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    abilities,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

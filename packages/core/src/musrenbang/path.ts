import type { Actor } from '../auth/policy.ts';
import { canActForOrganisation, canActInRegion } from '../auth/policy.ts';
import { AppError } from '../errors/app-error.ts';
import { formatRupiah } from '../format.ts';
import { parseRegionCode } from '../regions/region-code.ts';

/**
 * The path of a proposal (domain facts, "Musrenbang: how proposals travel"): the desa forum,
 * the kecamatan forum, the OPD's screening (Forum Perangkat Daerah), the kabupaten Musrenbang,
 * the RKPD, the budget (APBD) and implementation. Public aspirations first wait for the desa to
 * moderate them. Every decision is a transition record; nothing is deleted, so nothing is lost.
 */
export const stages = [
  'moderasi',
  'desa',
  'kecamatan',
  'opd',
  'kabupaten',
  'rkpd',
  'apbd',
  'pelaksanaan',
] as const;
export type Stage = (typeof stages)[number];

/** The four ways a proposal comes in. */
export const tracks = ['musrenbang', 'pokir', 'renja', 'aspirasi'] as const;
export type Track = (typeof tracks)[number];

/** Active proposals move along the path; the others have left it, each for a recorded reason. */
export const proposalStates = ['aktif', 'digabung', 'ditolak', 'selesai'] as const;
export type ProposalState = (typeof proposalStates)[number];

/** Reasons a proposal may be rejected, as a list the forums choose from (plus a free note). */
export const rejectReasons = [
  'bukan_kewenangan',
  'sudah_didanai_sumber_lain',
  'tidak_sesuai_prioritas',
  'lahan_atau_izin_tidak_siap',
  'pagu_tidak_cukup',
  'tidak_layak_teknis',
  'usulan_tidak_jelas',
  'lainnya',
] as const;
export type RejectReason = (typeof rejectReasons)[number];

export type Decision =
  | { kind: 'teruskan' }
  | { kind: 'gabung'; into: string }
  | { kind: 'tunda'; toYear: number }
  | { kind: 'tolak'; reason: RejectReason };
export const decisionKinds = ['teruskan', 'gabung', 'tunda', 'tolak'] as const;

export interface ProposalOnPath {
  id: string;
  track: Track;
  stage: Stage;
  state: ProposalState;
  planYear: number;
  /** Desa or kelurahan of the location. */
  regionCode: string;
  /** The OPD the proposal is addressed to (screens it, implements it). */
  organisationId: string | null;
}

/** Where each track enters: citizens' proposals at the desa forum (aspirations after moderation), pokir at the OPD's screening, Renja at the kabupaten forum. */
export function entryStage(track: Track): Stage {
  switch (track) {
    case 'aspirasi':
      return 'moderasi';
    case 'musrenbang':
      return 'desa';
    case 'pokir':
      return 'opd';
    case 'renja':
      return 'kabupaten';
  }
}

export function nextStage(stage: Stage): Stage | null {
  return stages[stages.indexOf(stage) + 1] ?? null;
}

/** Whether the proposal has been funded: it reached the budget (APBD) or went beyond. */
export function isFunded(stage: Stage): boolean {
  return stages.indexOf(stage) >= stages.indexOf('apbd');
}

/**
 * Who decides at each step: the desa at moderation and the desa forum, the kecamatan at its
 * forum, the addressed OPD at screening and during implementation, Bappeda (perencana) at the
 * kabupaten forum, the RKPD and the budget (where the OPD may also start the work). An admin may
 * act anywhere.
 */
export function canDecide(actor: Actor, p: ProposalOnPath): boolean {
  if (actor.role === 'admin') return true;
  const region = parseRegionCode(p.regionCode);
  switch (p.stage) {
    case 'moderasi':
    case 'desa':
      return actor.role === 'desa' && canActInRegion(actor, region);
    case 'kecamatan':
      return actor.role === 'kecamatan' && canActInRegion(actor, region);
    case 'opd':
    case 'pelaksanaan':
      return (
        actor.role === 'opd' && p.organisationId !== null && canActForOrganisation(actor, p.organisationId)
      );
    case 'kabupaten':
    case 'rkpd':
      return actor.role === 'perencana';
    case 'apbd':
      // Funded: Bappeda, or the OPD that carries it out when it starts the work as a project.
      return (
        actor.role === 'perencana' ||
        (actor.role === 'opd' && p.organisationId !== null && canActForOrganisation(actor, p.organisationId))
      );
  }
}

/**
 * What a step of the path needs from outside the proposal: the project that implements it (the
 * budget step moves on only with one), and the room left in the year's adopted budget.
 */
export interface PathFacts {
  project?: string | null;
  budget?: { limit: number; funded: number; cost: number } | null;
}

export interface Transition {
  fromStage: Stage;
  toStage: Stage;
  state: ProposalState;
  planYear: number;
}

/**
 * The effect of a decision on a proposal, or an error naming why it cannot be taken. Forward moves
 * one step (from implementation it completes the proposal); merge ends it in favour of another
 * proposal, whose proposers then include this one's; defer keeps its step for a later plan year;
 * reject ends it with a reason from the list.
 */
export function applyDecision(p: ProposalOnPath, d: Decision, facts: PathFacts = {}): Transition {
  if (p.state !== 'aktif') throw new AppError('INVALID_STATE', { details: { state: p.state } });
  const same = { fromStage: p.stage, toStage: p.stage, planYear: p.planYear };
  switch (d.kind) {
    case 'teruskan': {
      const next = nextStage(p.stage);
      // Implementation is a project: the budget step moves on only when the project is made.
      if (next === 'pelaksanaan' && !facts.project)
        throw new AppError('VALIDATION', { issues: [{ field: 'body.kind', issue: 'needs_project' }] });
      // Nothing reaches the budget step beyond the year's adopted budget.
      if (next === 'apbd' && facts.budget && facts.budget.funded + facts.budget.cost > facts.budget.limit)
        throw new AppError('VALIDATION', {
          issues: [
            {
              field: 'body.kind',
              issue: 'over_budget',
              params: {
                total: formatRupiah(facts.budget.funded + facts.budget.cost),
                budget: formatRupiah(facts.budget.limit),
              },
            },
          ],
        });
      return next ? { ...same, toStage: next, state: 'aktif' } : { ...same, state: 'selesai' };
    }
    case 'gabung':
      if (d.into === p.id)
        throw new AppError('VALIDATION', { issues: [{ field: 'body.into', issue: 'merge_into_itself' }] });
      return { ...same, state: 'digabung' };
    case 'tunda':
      if (d.toYear <= p.planYear)
        throw new AppError('VALIDATION', {
          issues: [{ field: 'body.toYear', issue: 'later_year', params: { year: p.planYear } }],
        });
      return { ...same, state: 'aktif', planYear: d.toYear };
    case 'tolak':
      return { ...same, state: 'ditolak' };
  }
}

/**
 * The year-end roll-over: every proposal of `year` still on the path and not funded moves to the
 * next year's pool at the step it reached (domain facts: what is not funded must not be lost).
 */
export function rollsOver(p: ProposalOnPath, year: number): boolean {
  return p.state === 'aktif' && p.planYear === year && !isFunded(p.stage) && p.stage !== 'moderasi';
}

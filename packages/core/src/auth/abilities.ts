import { parseRegionCode } from '../regions/region-code.ts';
import { type Actor, can, canActForOrganisation, canActInRegion } from './policy.ts';

/**
 * Who may do what on one object, decided once here: the server checks every write with these, and
 * detail responses carry them as `abilities`, so the web shows a control exactly when the server
 * would accept its request (and never recomputes it from the role).
 */

/** A project as the rules see it: the agency that runs it and where it is. */
export interface ProjectFacts {
  organisationId: string;
  regionCode: string;
}

/** The agency running the project (or the admin). */
export function runsProject(actor: Actor, p: ProjectFacts): boolean {
  return actor.role === 'admin' || (actor.role === 'opd' && canActForOrganisation(actor, p.organisationId));
}

/** Progress is reported by the agency running the project or by the desa where it is. */
export function canReportOn(actor: Actor, p: ProjectFacts): boolean {
  if (!can(actor, 'projects.report')) return false;
  if (runsProject(actor, p)) return true;
  return actor.role === 'desa' && canActInRegion(actor, parseRegionCode(p.regionCode));
}

/** The agency running the project verifies (or returns) a report; Bappeda reads, it does not verify. */
export function canVerifyProgress(actor: Actor, p: ProjectFacts): boolean {
  return (
    can(actor, 'projects.verify') &&
    actor.role !== 'perencana' &&
    canActForOrganisation(actor, p.organisationId)
  );
}

/** Permits and land are kept by the agency running the project, or by Bappeda. */
export function canManagePermits(actor: Actor, p: ProjectFacts): boolean {
  return can(actor, 'projects.manage') && canActForOrganisation(actor, p.organisationId);
}

export function projectAbilities(actor: Actor, p: ProjectFacts) {
  return {
    report: canReportOn(actor, p),
    verify: canVerifyProgress(actor, p),
    managePermits: canManagePermits(actor, p),
  };
}

/** A program is managed (enrolment, outcomes, cycles, grievance answers) by its agency, or Bappeda. */
export function canManageProgram(actor: Actor, p: { organisationId: string }): boolean {
  return can(actor, 'programs.manage') && canActForOrganisation(actor, p.organisationId);
}

/** Bappeda links any proposal to the RKPD/Renja item that would fund it; an OPD the ones addressed to it. */
export function canLinkProposalToPlan(actor: Actor, p: { organisationId: string | null }): boolean {
  if (actor.role === 'admin' || actor.role === 'perencana') return true;
  return actor.role === 'opd' && !!p.organisationId && actor.organisationId === p.organisationId;
}

/**
 * The code an office's own plans carry as owner: a desa's region code, an OPD's organisation code
 * (given, since the actor carries the organisation's id); null for kabupaten-wide roles.
 */
export function ownPlanOwner(actor: Actor, organisationCode: string | null): string | null {
  if (actor.role === 'desa') return actor.regionCode ?? null;
  if (actor.role === 'opd') return organisationCode;
  return null;
}

/** Bappeda and the admin edit any plan; an OPD or a desa only the plans it owns. */
export function canEditPlan(actor: Actor, plan: { owner: string | null }, own: string | null): boolean {
  if (actor.role === 'admin' || actor.role === 'perencana') return true;
  return !!own && plan.owner === own;
}

/** An OPD or desa creates plans only at its own level, with itself as owner; Bappeda and the admin any (null). */
export function planLevelFixedFor(actor: Pick<Actor, 'role'>): 'opd' | 'desa' | null {
  return actor.role === 'opd' || actor.role === 'desa' ? actor.role : null;
}

/** Whether an office chooses the owner of a new plan (Bappeda and the admin do; others own what they create). */
export function choosesPlanOwner(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'perencana';
}

/**
 * A small business is registered and its months recorded by the offices of its area (its desa,
 * its kecamatan) or by the agency responsible for small business (`responsibleAgency`: the actor's
 * OPD is one of them), not by any OPD.
 */
export function canRecordUmkm(
  actor: Actor,
  umkm: { regionCode: string },
  responsibleAgency = false,
): boolean {
  if (actor.role === 'opd') return responsibleAgency;
  return canActInRegion(actor, parseRegionCode(umkm.regionCode));
}

/** A proposal's photos are added by Bappeda, its proposer, or the desa or kecamatan of its site. */
export function canAddProposalPhoto(
  actor: Actor,
  p: { proposerUserId: string | null; regionCode: string },
): boolean {
  if (actor.role === 'admin' || actor.role === 'perencana') return true;
  if (actor.userId !== undefined && p.proposerUserId === actor.userId) return true;
  return (
    (actor.role === 'desa' || actor.role === 'kecamatan') &&
    canActInRegion(actor, parseRegionCode(p.regionCode))
  );
}

/**
 * Who runs a participatory budgeting vote: Bappeda and the admin any; a desa or kecamatan the
 * votes of its own area (issue 20), never the kabupaten's.
 */
export function canManageVote(actor: Actor, vote: { regionCode: string | null }): boolean {
  if (!can(actor, 'pb.manage')) return false;
  if (actor.role === 'admin' || actor.role === 'perencana') return true;
  return vote.regionCode !== null && canActInRegion(actor, parseRegionCode(vote.regionCode));
}

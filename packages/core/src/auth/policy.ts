import { AppError } from '../errors/app-error.ts';
import { isWithin } from '../regions/region-code.ts';
import type { RegionCode } from '../types.ts';

/** Roles and scopes of DESIGN.md ("Users and what each may do"). */
/** The roles an account can have; the anonymous public is the one role without an account. */
export const staffRoles = ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'] as const;
/**
 * A citizen's own account (issue 20), verified by e-mail: it reads what the public reads, and
 * supports and comments on proposals as one person. It sees no staff data.
 */
export const citizenRole = 'warga' as const;
export const roles = [...staffRoles, citizenRole, 'public'] as const;
export type Role = (typeof roles)[number];
export type StaffRole = (typeof staffRoles)[number];

/** Who is asking. An anonymous visitor is `{ role: 'public' }`. */
export type Actor =
  | { readonly role: 'public'; readonly userId?: undefined }
  | {
      readonly role: typeof citizenRole;
      readonly userId: string;
      readonly organisationId?: null | undefined;
      readonly regionCode?: null | undefined;
    }
  | {
      readonly role: StaffRole;
      readonly userId: string;
      /** Set for role opd: the organisation the account acts for. */
      readonly organisationId?: string | null;
      /** Set for roles kecamatan and desa: the region the account acts for. */
      readonly regionCode?: RegionCode | null;
    };

export const anonymous: Actor = { role: 'public' };

/**
 * Every permission the API knows, and who holds it. Deny by default: a permission not listed
 * here does not exist, and a role not listed for it is refused.
 */
const grants = {
  'regions.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'regions.load': ['admin'],
  'organisations.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'organisations.manage': ['admin'],
  'settings.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  // The letterhead and numbering of the office's documents (berita acara and reports).
  'documents.manage': ['admin', 'perencana'],
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  'backups.manage': ['admin'],
  // The installation's page: an administrator of its first government adds kabupaten and provinces.
  'installation.manage': ['admin'],
  'jobs.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'],
  'jobs.cancel': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'],
  'account.self': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga'],
  // Citizens: one support per account per proposal, comments the desa moderates (hides with a
  // reason, never deletes) in its own region (canActInRegion).
  'proposals.support': ['warga'],
  'comments.write': ['warga'],
  // What a citizen sees at a project site, answered by the agency running the project (runsProject).
  'projects.observe': ['warga'],
  'comments.moderate': ['admin', 'perencana', 'kecamatan', 'desa'],
  // Index results are public (the portal shows each desa's status and history).
  'index.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  // Sign-off chain of a year's village index: the desa enters, the kecamatan verifies, the kabupaten approves.
  'index.worklist': ['admin', 'perencana', 'kecamatan', 'desa'],
  'index.enter': ['desa'],
  'index.verify': ['kecamatan'],
  'index.approve': ['admin', 'perencana'],
  'index.return': ['admin', 'perencana', 'kecamatan'],
  'index.import': ['admin', 'perencana'],
  'index.schemes.manage': ['admin'],
  // Musrenbang: offices read and enter proposals of their track; anyone submits an aspiration and
  // follows a proposal by its tracking code; who decides at each step is core's canDecide.
  'proposals.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'],
  'proposals.create': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'],
  'proposals.decide': ['admin', 'perencana', 'opd', 'kecamatan', 'desa'],
  'proposals.photos': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'],
  'proposals.rollover': ['admin', 'perencana'],
  'proposals.import': ['admin', 'perencana'],
  'proposals.track': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'aspirations.submit': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'kamus.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'kamus.import': ['admin', 'perencana'],
  'allocation.read': ['admin', 'perencana', 'opd', 'dprd'],
  'allocation.manage': ['admin', 'perencana'],
  // Participatory budgeting: results and receipts are public; officers of a desa or kecamatan register
  // residents and enter paper ballots in their region; Bappeda runs the elections.
  'pb.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'pb.vote': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'pb.register': ['admin', 'perencana', 'kecamatan', 'desa'],
  // A desa or kecamatan runs votes of its own area (canManageVote); Bappeda runs the kabupaten's.
  'pb.manage': ['admin', 'perencana', 'kecamatan', 'desa'],
  // Programs and the social registry (DESIGN.md: only the roles that need a person's identity see
  // it; the DPRD reads programs and their evaluations, never people). Who sees a NIK in full is
  // core's canSeeIdentity.
  'programs.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'],
  'programs.manage': ['admin', 'perencana', 'opd'],
  'registry.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa'],
  'registry.write': ['admin', 'desa'],
  'poverty.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  // Public consultation on draft plans (issue 21; Permendagri 86/2017): read by anyone, comments
  // from signed-in accounts (a citizen's verified one or staff), run and answered by Bappeda.
  'consultations.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'consultations.comment': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga'],
  'consultations.manage': ['admin', 'perencana'],
  // Partners (issue 21): who they are and what they commit is public; Bappeda records them.
  'partners.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'partners.manage': ['admin', 'perencana'],
  // Industry (issue 21): a business's figures are for the government's staff (Disperindag keeps
  // the registry, as any agency keeps its UMKM); the sentra are public, and so are the totals
  // the open data publishes without naming a business.
  'industry.read': ['admin', 'perencana', 'opd', 'dprd'],
  'industry.manage': ['admin', 'perencana', 'opd'],
  'industry.public': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  // Open data (issue 21, Satu Data): the public tables as datasets, a CKAN API and a DCAT catalogue.
  'opendata.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'survey.import': ['admin', 'perencana'],
  'registry.import': ['admin', 'perencana'],
  'umkm.write': ['admin', 'opd', 'desa'],
  'grievances.write': ['admin', 'perencana', 'opd', 'kecamatan', 'desa'],
  // Projects: progress, photos and money spent are public (the portal); the OPD runs its projects,
  // the desa may report progress on work in its desa; the OPD verifies.
  'projects.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'projects.manage': ['admin', 'perencana', 'opd'],
  'projects.report': ['admin', 'opd', 'desa'],
  'projects.verify': ['admin', 'opd'],
  'projects.settings': ['admin', 'perencana'],
  // Plans are public (the regency's targets and their realisation); offices edit their own plans.
  'plans.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd', 'warga', 'public'],
  'plans.manage': ['admin', 'perencana'],
  'plans.edit': ['admin', 'perencana', 'opd', 'desa'],
  'forums.read': ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'],
  'forums.manage': ['admin', 'perencana', 'kecamatan', 'desa'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;
export const permissions = Object.keys(grants) as Permission[];

/** A route that anyone may call without a session (login, health). Not a permission: no check. */
export const PUBLIC_ROUTE = 'public' as const;

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(grants, value);
}

export function can(actor: Actor, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(actor.role);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (can(actor, permission)) return;
  throw new AppError(actor.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', { details: { permission } });
}

/**
 * May this actor act on data that belongs to `regionCode`? Kabupaten-wide roles may; a kecamatan
 * account only inside its kecamatan; a desa account only on its own desa. An opd account's scope
 * is its organisation, not a region, so it has no regional write scope.
 */
export function canActInRegion(actor: Actor, regionCode: RegionCode): boolean {
  switch (actor.role) {
    case 'admin':
    case 'perencana':
      return true;
    case 'kecamatan':
    case 'desa':
      return actor.regionCode != null && isWithin(regionCode, actor.regionCode);
    default:
      return false;
  }
}

export function assertRegionScope(actor: Actor, regionCode: RegionCode): void {
  if (!canActInRegion(actor, regionCode))
    throw new AppError('OUT_OF_SCOPE', { details: { region: regionCode } });
}

/** May this actor act for organisation `organisationId`? */
export function canActForOrganisation(actor: Actor, organisationId: string): boolean {
  if (actor.role === 'admin' || actor.role === 'perencana') return true;
  return actor.role === 'opd' && actor.organisationId === organisationId;
}

/**
 * May this actor see a person's NIK and No. KK in full? The desa that registers its residents, and
 * the OPD that serves them in one of its programs; every other role sees them masked.
 */
export function canSeeIdentity(
  actor: Actor,
  person: { regionCode: string; programOrganisations: readonly string[] },
): boolean {
  if (actor.role === 'desa')
    return actor.regionCode != null && isWithin(person.regionCode as RegionCode, actor.regionCode);
  if (actor.role === 'opd')
    return !!actor.organisationId && person.programOrganisations.includes(actor.organisationId);
  return false;
}

/** Which scope a role needs on its account: an organisation, a region at a level, or none. */
export function scopeRequiredFor(role: Role): 'organisation' | 'kecamatan' | 'desa' | null {
  if (role === 'opd') return 'organisation';
  if (role === 'kecamatan' || role === 'desa') return role;
  return null;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegionCode } from '../regions/region-code.ts';
import {
  canAddProposalPhoto,
  canEditPlan,
  canLinkProposalToPlan,
  canManageProgram,
  canManageVote,
  canRecordUmkm,
  canReportOn,
  canVerifyProgress,
  choosesPlanOwner,
  ownPlanOwner,
  planLevelFixedFor,
  projectAbilities,
  runsProject,
} from './abilities.ts';
import { type Actor, anonymous, can, staffRoles } from './policy.ts';

const project = { organisationId: 'org-dpupr', regionCode: '35.05.01.2001' };
const actors: Record<string, Actor> = {
  admin: { role: 'admin', userId: 'a' },
  perencana: { role: 'perencana', userId: 'b' },
  ownOpd: { role: 'opd', userId: 'c', organisationId: 'org-dpupr' },
  otherOpd: { role: 'opd', userId: 'd', organisationId: 'org-dinkes' },
  ownDesa: { role: 'desa', userId: 'e', regionCode: parseRegionCode('35.05.01.2001') },
  otherDesa: { role: 'desa', userId: 'f', regionCode: parseRegionCode('35.05.01.2002') },
  kecamatan: { role: 'kecamatan', userId: 'g', regionCode: parseRegionCode('35.05.01') },
  dprd: { role: 'dprd', userId: 'h' },
  public: anonymous,
};

describe('abilities on one object', () => {
  it('lets the running agency and the desa of the site report, and only the agency verify', () => {
    const table = Object.fromEntries(
      Object.entries(actors).map(([name, a]) => [name, projectAbilities(a, project)]),
    );
    expect(table).toEqual({
      admin: { report: true, verify: true, managePermits: true },
      perencana: { report: false, verify: false, managePermits: true },
      ownOpd: { report: true, verify: true, managePermits: true },
      otherOpd: { report: false, verify: false, managePermits: false },
      ownDesa: { report: true, verify: false, managePermits: false },
      otherDesa: { report: false, verify: false, managePermits: false },
      kecamatan: { report: false, verify: false, managePermits: false },
      dprd: { report: false, verify: false, managePermits: false },
      public: { report: false, verify: false, managePermits: false },
    });
    expect(runsProject(actors.perencana!, project)).toBe(false);
  });

  it('never grants an ability the role lacks the permission for, whatever the object', () => {
    const actor = fc.oneof(
      fc.constant(anonymous as Actor),
      fc.record({
        role: fc.constantFrom(...staffRoles),
        userId: fc.constant('u'),
        organisationId: fc.constantFrom('o1', 'o2', null),
        regionCode: fc.constantFrom(parseRegionCode('35.05.01.2001'), parseRegionCode('35.05.02'), null),
      }) as fc.Arbitrary<Actor>,
    );
    const obj = fc.record({
      organisationId: fc.constantFrom('o1', 'o2'),
      regionCode: fc.constantFrom('35.05.01.2001', '35.05.02.2003'),
    });
    fc.assert(
      fc.property(actor, obj, (a, p) => {
        if (canReportOn(a, p)) expect(can(a, 'projects.report')).toBe(true);
        if (canVerifyProgress(a, p)) expect(can(a, 'projects.verify')).toBe(true);
        if (canManageProgram(a, p)) expect(can(a, 'programs.manage')).toBe(true);
        // An OPD acts only on its own organisation's objects.
        if (a.role === 'opd' && a.organisationId !== p.organisationId) {
          expect(canReportOn(a, p) || canVerifyProgress(a, p) || canManageProgram(a, p)).toBe(false);
          expect(canLinkProposalToPlan(a, p)).toBe(false);
        }
      }),
    );
  });
});

describe('plans, UMKM and proposal photos', () => {
  it('lets Bappeda edit any plan and an office only its own, created at its own level', () => {
    const own = (a: Actor) => ownPlanOwner(a, a.role === 'opd' ? 'DPUPR' : null);
    expect(own(actors.ownDesa!)).toBe('35.05.01.2001');
    expect(own(actors.ownOpd!)).toBe('DPUPR');
    expect(own(actors.perencana!)).toBeNull();
    expect(canEditPlan(actors.perencana!, { owner: 'DINKES' }, null)).toBe(true);
    expect(canEditPlan(actors.ownOpd!, { owner: 'DPUPR' }, own(actors.ownOpd!))).toBe(true);
    expect(canEditPlan(actors.ownOpd!, { owner: 'DINKES' }, own(actors.ownOpd!))).toBe(false);
    expect(canEditPlan(actors.ownDesa!, { owner: null }, own(actors.ownDesa!))).toBe(false);
    expect(planLevelFixedFor(actors.ownDesa!)).toBe('desa');
    expect(planLevelFixedFor(actors.admin!)).toBeNull();
    expect(choosesPlanOwner(actors.ownOpd!)).toBe(false);
  });

  it('lets the offices of the area or an OPD record a business, and the proposer or the area add photos', () => {
    const site = { regionCode: '35.05.01.2001' };
    expect(canRecordUmkm(actors.ownDesa!, site)).toBe(true);
    expect(canRecordUmkm(actors.otherDesa!, site)).toBe(false);
    expect(canRecordUmkm(actors.kecamatan!, site)).toBe(true);
    expect(canRecordUmkm(actors.otherOpd!, site)).toBe(false);
    expect(canRecordUmkm(actors.otherOpd!, site, true)).toBe(true);
    expect(canRecordUmkm(actors.dprd!, site)).toBe(false);
    const proposal = { proposerUserId: 'h', regionCode: '35.05.01.2001' };
    expect(canAddProposalPhoto(actors.dprd!, proposal)).toBe(true);
    expect(canAddProposalPhoto(actors.otherDesa!, proposal)).toBe(false);
    expect(canAddProposalPhoto(actors.kecamatan!, proposal)).toBe(true);
    expect(canAddProposalPhoto(actors.public!, proposal)).toBe(false);
  });

  it("lets a desa or kecamatan run the votes of its own area, never the kabupaten's; Bappeda any", () => {
    const areas = [null, '35.05.01', '35.05.01.2001', '35.05.01.2002', '35.05.02', '35.05.02.2001'];
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(actors)), fc.constantFrom(...areas), (name, area) => {
        const actor = actors[name]!;
        const may = canManageVote(actor, { regionCode: area });
        if (actor.role === 'admin' || actor.role === 'perencana') return may;
        if (actor.role !== 'desa' && actor.role !== 'kecamatan') return !may;
        // Its own area (or inside it) and nothing else, and never a vote of no area.
        const own =
          area !== null && actor.regionCode != null && `${area}.`.startsWith(`${actor.regionCode}.`);
        return may === own;
      }),
    );
  });
});

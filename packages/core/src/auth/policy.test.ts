import { describe, expect, it } from 'vitest';
import { parseRegionCode } from '../regions/region-code.ts';
import {
  type Actor,
  anonymous,
  assertCan,
  assertRegionScope,
  can,
  canActForOrganisation,
  canActInRegion,
  permissions,
} from './policy.ts';

const desa: Actor = { role: 'desa', userId: 'u1', regionCode: parseRegionCode('35.05.01.2001') };
const kecamatan: Actor = { role: 'kecamatan', userId: 'u2', regionCode: parseRegionCode('35.05.01') };
const opd: Actor = { role: 'opd', userId: 'u3', organisationId: 'org-1' };
const dprd: Actor = { role: 'dprd', userId: 'u4' };

describe('policy', () => {
  it('denies anonymous visitors everything but public reads, submitting an aspiration and tracking it', () => {
    const allowed = permissions.filter((p) => can(anonymous, p));
    expect(allowed.sort()).toEqual([
      'aspirations.submit',
      'consultations.read',
      'index.read',
      'industry.public',
      'kamus.read',
      'opendata.read',
      'organisations.read',
      'partners.read',
      'pb.read',
      'pb.vote',
      'plans.read',
      'poverty.read',
      'projects.read',
      'proposals.track',
      'regions.read',
      'settings.read',
    ]);
  });

  it('answers UNAUTHENTICATED to anonymous and FORBIDDEN to a signed-in role', () => {
    expect(() => assertCan(anonymous, 'users.manage')).toThrowError(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => assertCan(dprd, 'users.manage')).toThrowError(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('keeps a desa operator inside their own desa', () => {
    expect(canActInRegion(desa, parseRegionCode('35.05.01.2001'))).toBe(true);
    expect(canActInRegion(desa, parseRegionCode('35.05.01.2002'))).toBe(false);
    expect(canActInRegion(desa, parseRegionCode('35.05.01'))).toBe(false);
    expect(() => assertRegionScope(desa, parseRegionCode('35.05.02.2001'))).toThrowError(
      expect.objectContaining({ code: 'OUT_OF_SCOPE' }),
    );
  });

  it('lets a kecamatan account act on every desa of its kecamatan and no other', () => {
    expect(canActInRegion(kecamatan, parseRegionCode('35.05.01.2009'))).toBe(true);
    expect(canActInRegion(kecamatan, parseRegionCode('35.05.10.2001'))).toBe(false);
  });

  it('gives a role without a region (opd, dprd, public) no regional scope', () => {
    for (const actor of [opd, dprd, anonymous]) {
      expect(canActInRegion(actor, parseRegionCode('35.05.01.2001'))).toBe(false);
    }
  });

  it('keeps an OPD account to its own organisation', () => {
    expect(canActForOrganisation(opd, 'org-1')).toBe(true);
    expect(canActForOrganisation(opd, 'org-2')).toBe(false);
    expect(canActForOrganisation({ role: 'perencana', userId: 'p' }, 'org-2')).toBe(true);
  });
});

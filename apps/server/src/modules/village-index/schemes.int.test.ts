import { computeIndex, idm2016, indicatorsOf } from '@sinergi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, type TestApp } from '../../../test/harness.ts';
import { findScheme } from './schemes.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const load = (scheme: unknown) =>
  call(t.app, admin, { method: 'POST', url: '/api/index/schemes', payload: scheme });
const variant = (patch: (s: typeof idm2016) => void) => {
  const s = structuredClone(idm2016);
  patch(s);
  return s;
};

describe('index scheme versions loaded by an admin', () => {
  it('loads a kabupaten version of IDM with its own routing, and scores with it', async () => {
    const local = variant((s) => {
      s.version = '2025-blitar';
      const bank = s.dimensions[1]!.indicators.find((i) => i.code === 'IKE07_BANK_BPR')!;
      bank.actor = 'kabupaten';
      bank.organisations = ['DISKOPUM'];
    });
    const res = await load(local);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: 'idm-2016@2025-blitar', builtIn: false, indicators: 50 });
    const list = (await t.app.inject({ method: 'GET', url: '/api/index/schemes' })).json().items;
    expect(list.map((s: { id: string }) => s.id)).toEqual(['idm-2016@2024', 'idm-2016@2025-blitar']);
    const scheme = await findScheme(t.ctx, 'idm-2016@2025-blitar');
    expect(indicatorsOf(scheme!).find((i) => i.code === 'IKE07_BANK_BPR')!.organisations).toEqual([
      'DISKOPUM',
    ]);
    const scores = Object.fromEntries(indicatorsOf(idm2016).map((i) => [i.code, 4]));
    expect(computeIndex(scheme!, scores).value).toBeCloseTo(0.8, 10);
    expect((await load(local)).statusCode).toBe(409);
  });

  it('names the field of a malformed scheme', async () => {
    const bad = variant((s) => {
      s.version = 'x1';
      (s.dimensions[0]!.indicators[0] as { actor: string }).actor = 'bupati';
    });
    const res = await load(bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('body.dimensions.0.indicators.0.actor');
  });

  it('refuses an inconsistent scheme: duplicate codes, thresholds out of order', async () => {
    const dup = variant((s) => {
      s.version = 'x2';
      s.dimensions[0]!.indicators[1]!.code = s.dimensions[0]!.indicators[0]!.code;
      s.statuses[3]!.above = 0.5;
    });
    const res = await load(dup);
    expect(res.statusCode).toBe(400);
    const issues = res.json().issues.map((i: { field: string; issue: string }) => `${i.field} ${i.issue}`);
    expect(issues).toContain('scheme.dimensions.0.indicators.1.code duplicate');
    expect(issues).toContain('scheme.statuses.3.above thresholds_not_ascending');
    const list = (await t.app.inject({ method: 'GET', url: '/api/index/schemes' })).json().items;
    expect(list.map((s: { id: string }) => s.id)).not.toContain('idm-2016@x2');
  });
});

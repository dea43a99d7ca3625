import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { systemPrincipal } from '../../context.ts';
import { bundledEdition, loadRegions } from './regions.loader.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const editions = () =>
  t.ctx.database.bulk((tx) =>
    tx.query<{ code: string; is_active: boolean; region_count: number }>(
      'select code, is_active, region_count from region_editions order by id',
    ),
  );
const blitar = async () => (await t.app.inject({ method: 'GET', url: '/api/regions/35.05' })).statusCode;

describe('a forced region reload (issue 17)', () => {
  it('killed half way, leaves the regions in use untouched; run again, switches in one step', async () => {
    const before = await editions();
    expect(before.filter((e) => e.is_active)).toHaveLength(1);
    // A load that dies after 30,000 of the 91,599 rows, as a kill -9 would leave it.
    const dying = loadRegions(t.ctx, {
      jobId: 'test',
      params: { force: true },
      principal: systemPrincipal,
      async progress(done) {
        if (done >= 30_000) throw new Error('killed');
      },
      async checkCancelled() {},
    });
    await expect(dying).rejects.toThrow('killed');
    expect(await blitar()).toBe(200);
    const during = await editions();
    expect(during.find((e) => e.is_active)).toEqual(before.find((e) => e.is_active));
    // Run again: the leftover is cleared, the new rows take the edition's code and become active.
    const done = await loadRegions(t.ctx, {
      jobId: 'test',
      params: { force: true },
      principal: systemPrincipal,
      async progress() {},
      async checkCancelled() {},
    });
    expect(done.skipped).toBe(false);
    const after = await editions();
    expect(after.filter((e) => e.code.includes('#loading'))).toEqual([]);
    expect(after.filter((e) => e.code === bundledEdition.code)).toEqual([
      { code: bundledEdition.code, is_active: true, region_count: done.regions },
    ]);
    expect(await blitar()).toBe(200);
  });
});

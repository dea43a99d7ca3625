import { describe, expect, it } from 'vitest';
import { appWithAccounts } from '../../../test/harness.ts';
import { sweepAll } from '../inbox/notifier.ts';
import { waitingSources } from '../index.ts';

/** A citizen's bell (issue 20): each step a supported proposal takes is a notification. */
const h = appWithAccounts(['warga', 'desa.jaten']);

describe("a citizen's bell", () => {
  it('rings when a proposal the citizen supports takes a step, with its public page', async () => {
    const created = await h.as('desa.jaten', 'POST', '/api/proposals', {
      track: 'musrenbang',
      title: 'Embung desa untuk musim kemarau',
      bidang: 'infrastruktur',
      regionCode: '35.05.01.2001',
      volume: 1,
      unit: 'paket',
      estimatedCost: 150_000_000,
      beneficiaries: 400,
      planYear: new Date().getFullYear() + 1,
      proposerName: 'Kelompok Tani',
    });
    const { id, trackingCode } = created.json();
    expect((await h.as('warga', 'POST', `/api/public/proposals/${trackingCode}/support`)).statusCode).toBe(
      200,
    );
    await sweepAll(h.t.ctx, waitingSources);
    const before = (await h.as('warga', 'GET', '/api/notifications')).json().unread;
    // The desa forwards it to the kecamatan: a step the citizen hears of.
    expect(
      (await h.as('desa.jaten', 'POST', `/api/proposals/${id}/decisions`, { kind: 'teruskan' })).statusCode,
    ).toBe(200);
    await sweepAll(h.t.ctx, waitingSources);
    const bell = (await h.as('warga', 'GET', '/api/notifications')).json();
    expect(bell.unread).toBe(before + 1);
    expect(bell.items[0]).toMatchObject({
      kind: 'supports.moved',
      title: `Embung desa untuk musim kemarau (${trackingCode})`,
      link: `/lacak/${trackingCode}`,
    });
    expect(bell.items[0].text).toContain('usulan yang Anda dukung');
    // Nothing moved: no new ring.
    await sweepAll(h.t.ctx, waitingSources);
    expect((await h.as('warga', 'GET', '/api/notifications')).json().unread).toBe(before + 1);
  });
});

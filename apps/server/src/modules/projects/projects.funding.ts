import type { ProjectBody } from '@sinergi/contracts';
import { type FundingLine, formatRupiah } from '@sinergi/core';
import type { AppContext } from '../../context.ts';
import { commitmentsByIds, partnerNames } from '../partners/partners.facade.ts';
import * as repo from './projects.repository.ts';

type FieldIssue = { field: string; issue: string; params?: Record<string, string | number> };

/**
 * The partners and commitments a project's CSR lines name (issue 21): each partner must exist; a
 * line naming a commitment must have its partner, draw on that partner's money (not goods or
 * expertise), and keep every project's lines on the commitment within what it commits.
 */
export async function checkFundingSources(ctx: AppContext, body: ProjectBody): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const partners = await partnerNames(
    ctx,
    body.funding.flatMap((f) => (f.partnerId ? [f.partnerId] : [])),
  );
  const commitments = await commitmentsByIds(
    ctx,
    body.funding.flatMap((f) => (f.commitmentId ? [f.commitmentId] : [])),
  );
  const drawn = new Map<string, number>();
  if (commitments.size)
    for (const p of await repo.findFundingLines(ctx.database.db))
      for (const f of p.funding as (FundingLine & { amount: number })[])
        if (f.commitmentId) drawn.set(f.commitmentId, (drawn.get(f.commitmentId) ?? 0) + f.amount);
  body.funding.forEach((f, i) => {
    const at = `body.funding.${i}`;
    if (f.partnerId && !partners.has(f.partnerId))
      issues.push({ field: `${at}.partnerId`, issue: 'not_found' });
    if (!f.commitmentId) return;
    const c = commitments.get(f.commitmentId);
    if (!f.partnerId) issues.push({ field: `${at}.partnerId`, issue: 'required' });
    else if (!c) issues.push({ field: `${at}.commitmentId`, issue: 'not_found' });
    else if (c.partnerId !== f.partnerId)
      issues.push({ field: `${at}.commitmentId`, issue: 'commitment_other_partner' });
    else if (c.kind !== 'uang') issues.push({ field: `${at}.commitmentId`, issue: 'commitment_not_money' });
    else {
      const before = drawn.get(c.id) ?? 0;
      drawn.set(c.id, before + f.amount);
      if (c.amount !== null && before + f.amount > c.amount)
        issues.push({
          field: `${at}.amount`,
          issue: 'commitment_exceeded',
          params: { value: formatRupiah(Math.max(0, c.amount - before)) },
        });
    }
  });
  return issues;
}
